import { Anchor, Stack, Table, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listDecisions } from "~/server/workspaces/meetings.server";
import { requireWorkspace } from "~/server/workspaces/workspace-guards.server";
import { useFormat } from "~/ui/format";
import { LinkView } from "~/ui/workspaces/LinkView";
import { LocalText } from "~/ui/LocalText";
import { workspacePageTitle } from "~/i18n/page-title";
import { DataTable } from "~/ui/TableParts";

export const meta: MetaFunction = ({ matches }) => workspacePageTitle(matches, "titles.decisions");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, groupId } = await requireWorkspace(request, context, params.groupId);
  return json({ groupId, decisions: listDecisions(viewer, groupId) });
}

/** The group's decision register, newest first; links only to what the reader may see. */
export default function DecisionRegister() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { groupId, decisions } = useLoaderData<typeof loader>();
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t("workspaces.decisions.title")}
      </Title>
      <Text maw={760}>{t("workspaces.decisions.intro")}</Text>
      {decisions.length === 0 ? (
        <Text>{t("workspaces.decisions.none")}</Text>
      ) : (
        <DataTable
          caption={t("workspaces.decisions.title")}
          minWidth={720}
          columns={[
            t("workspaces.decisions.number"),
            t("workspaces.decisions.date"),
            t("workspaces.decisions.text"),
            t("workspaces.decisions.meeting"),
            t("workspaces.decisions.concerns"),
          ]}
        >
          {decisions.map((d) => (
            <Table.Tr key={d.id} id={`decision-${d.id}`}>
              <Table.Td>{d.number}</Table.Td>
              <Table.Td>{fmt.date(d.decidedOn)}</Table.Td>
              <Table.Td style={{ whiteSpace: "pre-line" }}>
                <LocalText record={d} field="text" />
              </Table.Td>
              <Table.Td>
                {d.meetingId ? (
                  <Anchor component={Link} to={`/workspaces/${groupId}/meetings/${d.meetingId}`}>
                    {d.meetingTitle}
                  </Anchor>
                ) : (
                  "–"
                )}
                {d.agendaItemTitle ? (
                  <Text size="xs" c="dimmed">
                    {d.agendaItemTitle}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{d.link ? <LinkView link={d.link} /> : "–"}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}
