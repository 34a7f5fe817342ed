// `/situations/:situationId/briefings/:briefingId`: a situation report as it was sent, readable in
// the app by its recipients (the chief executive, the mayor) and the group; opening it records the
// recipient's reading, and a non-public situation's reading goes to the access log.
import { Anchor, Alert, Button, Group, List, Stack, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { pageTitle, routeData } from "~/i18n/page-title";
import { authorize, idParam, notFound } from "~/server/people/guard.server";
import { getBriefing } from "~/server/situations/situations.server";
import { useFormat } from "~/ui/format";
import { OverdueBadge, PictureFields, SeverityBadge } from "~/ui/situations/parts";
import { Panel } from "~/ui/Panel";

export const meta: MetaFunction = ({ matches }) => {
  const data = routeData<{ snapshot: { title: string } }>(matches, "routes/situations.$situationId.briefings.$briefingId._index");
  return pageTitle(matches, "titles.situationBriefing", { name: data?.snapshot.title ?? null });
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "situation.list" });
  const found = getBriefing(viewer, idParam(params.situationId), idParam(params.briefingId));
  if (!found) notFound();
  // Only what the page shows: the recipients' names and times, not their ids.
  return json({ ...found, recipients: found.recipients.map(({ userId: _u, ...r }) => r) });
}

export default function BriefingPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { situation, briefing, snapshot: s, recipients } = useLoaderData<typeof loader>();
  return (
    <Stack gap="md" maw={860}>
      <Text size="sm" fw={700} c="dimmed" tt="uppercase">
        {t("situations.briefing.documentType")}
      </Text>
      <Title order={1}>{s.title}</Title>
      <Group gap="xs">
        <SeverityBadge severity={s.severity} />
        <Text size="sm">{t("situations.briefing.sentLine", { date: fmt.dateTime(briefing.sentAt) })}</Text>
      </Group>
      {s.publicity !== "public" ? (
        <Alert color="red" variant="light">
          {t("situations.briefing.publicityLine", {
            publicity: t(`workspaces.documents.marking.${s.publicity}`),
            ground: s.legalGround ?? "–",
          })}
        </Alert>
      ) : null}
      {s.areas.length ? (
        <Text size="sm">{t("situations.briefing.areasLine", { areas: s.areas.map((a) => localName(a, i18n.language)).join(", ") })}</Text>
      ) : null}
      <Group>
        <Button component="a" href={`/situations/${situation.id}/briefings/${briefing.id}/pdf`} variant="light">
          {t("situations.briefing.pdf")}
        </Button>
        <Anchor component={Link} to={`/situations/${situation.id}`}>
          {t("situations.briefing.back")}
        </Anchor>
      </Group>
      <Panel titleId="briefing-picture" title={t("situations.picture.title")} mb="xs" plain>
        {s.picture ? (
          <>
            <Text size="sm">
              {t("situations.briefing.pictureLine", { version: s.picture.version, date: fmt.dateTime(s.picture.savedAt) })}
            </Text>
            <PictureFields picture={s.picture} />
          </>
        ) : (
          <Text size="sm">{t("situations.briefing.noPicture")}</Text>
        )}
      </Panel>
      <Panel titleId="briefing-actions" title={t("situations.actions.title")} mb="xs" plain>
        {s.actions.length ? (
          <List spacing="xs">
            {s.actions.map((a, i) => (
              <List.Item key={`${i}-${a.title}`}>
                <Group gap={6}>
                  {a.overdue ? <OverdueBadge /> : null}
                  <Text span>
                    {t("situations.briefing.actionLine", {
                      title: a.title,
                      owner: localName({ nameFi: a.ownerNameFi, nameSv: a.ownerNameSv, nameEn: a.ownerNameEn }, i18n.language),
                      responsible: a.responsibleName ? `, ${a.responsibleName}` : "",
                      deadline: fmt.date(`${a.deadline}T12:00:00Z`),
                      status: t(`situations.actionStatus.${a.status}`),
                    })}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{t("situations.actions.none")}</Text>
        )}
      </Panel>
      <Panel titleId="briefing-recipients" title={t("situations.briefing.recipients")} mb="xs" plain>
        <List>
          {recipients.map((r) => (
            <List.Item key={`${r.name}-${String(r.sentAt)}`}>
              {r.name}: {t("situations.briefing.sentAt", { date: fmt.dateTime(r.sentAt) })},{" "}
              {r.readAt ? t("situations.briefing.readAt", { date: fmt.dateTime(r.readAt) }) : t("situations.briefing.unread")}
            </List.Item>
          ))}
        </List>
      </Panel>
    </Stack>
  );
}
