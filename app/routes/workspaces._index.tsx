import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { forbidden, requireViewer } from "~/server/people/guard.server";
import { isCoordinator } from "~/server/people/viewer.server";
import { listWorkspaces } from "~/server/workspaces/workspaces.server";
import { useFormat } from "~/ui/format";
import { pageTitle } from "~/i18n/page-title";
import { PageHeading } from "~/ui/PageHeading";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspaces.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const workspaces = listWorkspaces(viewer);
  // Someone with no current membership has no workspace to open.
  if (!workspaces.length) forbidden();
  return json({ workspaces, coordinator: isCoordinator(viewer) });
}

/** "Työtilat": the groups the person belongs to, with what is coming up in each. */
export default function WorkspacesPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { workspaces, coordinator } = useLoaderData<typeof loader>();
  return (
    <Stack gap="lg">
      <PageHeading title={t("workspaces.title")} intro={t("workspaces.intro")} />
      {coordinator ? <Text size="sm">{t("workspaces.coordinatorNote")}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {workspaces.map((w) => (
          <Paper key={w.id} withBorder p="md" component="section" aria-labelledby={`ws-${w.id}`}>
            <Group justify="space-between" align="start" wrap="nowrap">
              <Title order={2} size="h4" id={`ws-${w.id}`}>
                <Anchor component={Link} to={`/workspaces/${w.id}`}>
                  {localName(w, i18n.language)}
                </Anchor>
              </Title>
              <Badge variant="light">{t(`groupKinds.${w.kind}`)}</Badge>
            </Group>
            <Text size="sm" mt={4}>
              {t("workspaces.memberCount", { count: w.memberCount })}
              {!w.member ? ` · ${t("workspaces.notMember")}` : ""}
            </Text>
            <Text size="sm">
              {w.nextMeeting ? (
                <>
                  {t("workspaces.nextMeeting")} {w.nextMeeting.title}, {fmt.dateTime(w.nextMeeting.startsAt)}
                </>
              ) : (
                t("workspaces.noNextMeeting")
              )}
            </Text>
            {w.toRead ? (
              <Text size="sm" fw={600}>
                {t("workspaces.toRead", { count: w.toRead })}
              </Text>
            ) : null}
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
