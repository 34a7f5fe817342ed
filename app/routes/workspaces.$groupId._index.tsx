import { Anchor, Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { notFound } from "~/server/people/guard.server";
import { requireWorkspace } from "~/server/workspaces/workspace-guards.server";
import { workspaceOverview } from "~/server/workspaces/workspaces.server";
import { useFormat } from "~/ui/format";
import { MyMeasures } from "~/ui/measures/MyMeasures";
import { ReviewStatusBadge } from "~/ui/reviews/ReviewStatusBadge";
import { LinkView } from "~/ui/workspaces/LinkView";
import { PublicityBadge } from "~/ui/workspaces/Publicity";
import { reviewTitleIn } from "~/server/steering/review-titles";
import { ReviewTitleText } from "~/ui/reviews/ReviewTitle";
import { detectLanguage } from "~/i18n/i18n.server";
import { LocalText } from "~/ui/LocalText";
import { workspacePageTitle } from "~/i18n/page-title";
import { Panel } from "~/ui/Panel";
import { GroupMembers } from "~/ui/GroupMembers";

export const meta: MetaFunction = ({ matches }) => workspacePageTitle(matches, "titles.workspace", "name");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, groupId } = await requireWorkspace(request, context, params.groupId);
  const overview = workspaceOverview(viewer, groupId);
  if (!overview) notFound();
  // The latest review's title in the reader's language only.
  const latest = overview.latestReview;
  const lang = await detectLanguage(request);
  return json({
    ...overview,
    latestReview: latest ? { id: latest.id, status: latest.status, sentAt: latest.sentAt, title: reviewTitleIn(latest, lang) } : null,
  });
}

/** The workspace's front page: what needs the member's attention first, then who the members are. */
export default function WorkspaceOverview() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const data = useLoaderData<typeof loader>();
  const g = data.group.id;
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t("workspaces.overview.attention")}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Panel titleId="ws-upcoming" title={t("workspaces.overview.upcoming")} order={3} mb="xs">
          {data.upcomingMeetings.length === 0 ? <Text size="sm">{t("workspaces.overview.noUpcoming")}</Text> : null}
          <List spacing={4}>
            {data.upcomingMeetings.map((m) => (
              <List.Item key={m.id}>
                <Anchor component={Link} to={`/workspaces/${g}/meetings/${m.id}`}>
                  {m.title}
                </Anchor>{" "}
                <Text span size="sm">
                  {fmt.dateTime(m.startsAt)}
                  {m.place ? `, ${m.place}` : ""}
                  {m.myStatus ? ` · ${t(`workspaces.meetings.attendanceStatus.${m.myStatus}`)}` : ""}
                  {m.status === "cancelled" ? ` · ${t("workspaces.meetings.status.cancelled")}` : ""}
                </Text>
              </List.Item>
            ))}
          </List>
        </Panel>
        <Panel titleId="ws-to-read" title={t("workspaces.overview.toRead")} order={3} mb="xs">
          {data.toRead.length === 0 ? <Text size="sm">{t("workspaces.overview.nothingToRead")}</Text> : null}
          <List spacing={4}>
            {data.toRead.map((d) => (
              <List.Item key={d.id}>
                <Anchor component={Link} to={`/workspaces/${g}/documents/${d.id}`}>
                  {d.title}
                </Anchor>{" "}
                <Text span size="sm">
                  ({t("workspaces.documents.versionN", { version: d.version ?? 1 })}, {fmt.date(d.uploadedAt)})
                </Text>{" "}
                <PublicityBadge publicity={d.publicity} />
              </List.Item>
            ))}
          </List>
          <Text size="sm" mt="xs">
            <Anchor component={Link} to={`/workspaces/${g}/documents`}>
              {t("workspaces.overview.documentCount", { count: data.documentCount })}
            </Anchor>
          </Text>
        </Panel>
        {data.group.kind === "steering" ? (
          <Panel titleId="ws-review" title={t("workspaces.overview.latestReview")} order={3} mb="xs">
            {data.latestReview ? (
              <Group gap="xs">
                <Anchor component={Link} to={`/reviews/${data.latestReview.id}`}>
                  <ReviewTitleText title={data.latestReview.title} />
                </Anchor>
                <ReviewStatusBadge status={data.latestReview.status} />
                <Text size="sm">
                  {t("workspaces.overview.reviewSent")} {fmt.date(data.latestReview.sentAt)}
                </Text>
              </Group>
            ) : (
              <Text size="sm">{t("workspaces.overview.noReview")}</Text>
            )}
          </Panel>
        ) : null}
        {data.group.kind === "network" ? (
          <Panel titleId="ws-plans" title={t("workspaces.overview.plansWaiting")} order={3} mb="xs">
            {data.plansWaiting.length === 0 ? <Text size="sm">{t("workspaces.overview.noPlansWaiting")}</Text> : null}
            <List spacing={4}>
              {data.plansWaiting.map((p) => (
                <List.Item key={p.id}>
                  <Anchor component={Link} to={`/neighbourhood-plans/${p.id}`}>
                    {p.title}
                  </Anchor>{" "}
                  <Text span size="sm">
                    ({localName(p.area, i18n.language)}, {t("workspaces.overview.submitted")} {fmt.date(p.submittedAt)})
                  </Text>
                </List.Item>
              ))}
            </List>
          </Panel>
        ) : null}
        <Panel titleId="ws-threads" title={t("workspaces.overview.recentThreads")} order={3} mb="xs">
          {data.threads.length === 0 ? <Text size="sm">{t("workspaces.threads.none")}</Text> : null}
          <List spacing={4}>
            {data.threads.map((th) => (
              <List.Item key={th.id}>
                <Anchor component={Link} to={`/workspaces/${g}/threads/${th.id}`}>
                  {th.title}
                </Anchor>{" "}
                <Text span size="sm">
                  ({t("workspaces.threads.postCount", { count: th.postCount })}, {fmt.dateTime(th.lastPostAt)})
                </Text>
              </List.Item>
            ))}
          </List>
        </Panel>
        <Panel titleId="ws-decisions" title={t("workspaces.overview.latestDecisions")} order={3} mb="xs">
          {data.decisions.length === 0 ? <Text size="sm">{t("workspaces.decisions.none")}</Text> : null}
          <List spacing={4}>
            {data.decisions.map((d) => (
              <List.Item key={d.id}>
                <Text span fw={600}>
                  {d.number}
                </Text>{" "}
                <Text span size="sm">
                  <LocalText record={d} field="text" />
                </Text>{" "}
                <LinkView link={d.link} />
              </List.Item>
            ))}
          </List>
          <Anchor component={Link} to={`/workspaces/${g}/decisions`} size="sm">
            {t("workspaces.decisions.title")}
          </Anchor>
        </Panel>
      </SimpleGrid>
      {data.group.kind === "expert" ? (
        data.myMeasures.length ? (
          <MyMeasures rows={data.myMeasures} />
        ) : (
          <Paper withBorder p="md">
            <Text size="sm">{t("workspaces.overview.noMyMeasures")}</Text>
          </Paper>
        )
      ) : null}
      <Paper withBorder p="md" component="section" aria-labelledby="ws-members">
        <Title order={3} size="h4" id="ws-members" mb="xs">
          {t("workspaces.members.title")} ({data.members.length})
        </Title>
        <GroupMembers members={data.members} caption={t("workspaces.members.title")} dates="joined" />
        <Title order={3} size="h4" mt="md" mb="xs">
          {t("workspaces.members.former")}
        </Title>
        {data.formerMembers.length ? (
          <GroupMembers members={data.formerMembers} caption={t("workspaces.members.former")} dates="joinedAndLeft" />
        ) : (
          <Text size="sm">{t("workspaces.members.noFormer")}</Text>
        )}
      </Paper>
    </Stack>
  );
}
