// A plan's version history: who saved what and when, what changed in each version, and whose
// words each part of the current plan is. For the plan's authors, its network and coordinators.
import { Anchor, Badge, Group, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { forbidden, loginRedirect } from "~/server/people/guard.server";
import { loadVisiblePlan } from "~/server/neighbourhood/neighbourhood-guards.server";
import { planHistory } from "~/server/neighbourhood/neighbourhood.server";
import { can } from "~/server/people/permissions.server";
import { useFormat } from "~/ui/format";
import { PlanStatusBadge } from "~/ui/neighbourhood/parts";
import { pageTitle } from "~/i18n/page-title";
import { DataTable } from "~/ui/TableParts";
import { Panel } from "~/ui/Panel";
import { PageHeading } from "~/ui/PageHeading";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "titles.residentsPlanHistory", { name: data?.title });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, id, plan, access } = await loadVisiblePlan(request, context, params.planId);
  if (!viewer) loginRedirect(request);
  if (!can(viewer, { kind: "neighbourhoodPlan.viewHistory", plan: access })) forbidden();
  return json({ id, title: plan.title, ...planHistory(id) });
}

const NOTES = ["created", "submitted", "changesRequested", "published", "withdrawn", "archived"] as const;

export default function PlanHistoryPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { id, title, versions, contributions } = useLoaderData<typeof loader>();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={`/neighbourhood-plans/${id}`} size="sm">
          ← {title}
        </Anchor>
        <PageHeading title={t("neighbourhood.history.title", { title })} intro={t("neighbourhood.history.intro")} />
      </Stack>

      <Panel titleId="history-who" title={t("neighbourhood.history.whoWroteWhat")} padding="lg">
        <DataTable
          caption={t("neighbourhood.history.whoCaption")}
          showCaption
          minWidth={520}
          columns={[
            t("neighbourhood.history.person"),
            t("neighbourhood.editor.basics"),
            { label: t("neighbourhood.sections.observations"), alignRight: true },
            { label: t("neighbourhood.sections.goals"), alignRight: true },
            { label: t("neighbourhood.sections.actions"), alignRight: true },
          ]}
          scoped
        >
          {contributions.map((c) => (
            <Table.Tr key={c.name}>
              <Table.Th scope="row">{c.name}</Table.Th>
              <Table.Td>{c.basics ? t("common.yes") : "–"}</Table.Td>
              <Table.Td ta="right">{c.observations}</Table.Td>
              <Table.Td ta="right">{c.goals}</Table.Td>
              <Table.Td ta="right">{c.actions}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Panel>

      <Panel titleId="history-versions" title={t("neighbourhood.history.versions")} plain>
        <Stack gap="md">
          {versions.map((v) => {
            const note = NOTES.find((n) => n === v.note);
            return (
              <Paper key={v.id} withBorder p="md" component="article" aria-labelledby={`version-${v.id}`}>
                <Group gap="xs" mb={4}>
                  <Title order={3} size="h5" id={`version-${v.id}`}>
                    {t("neighbourhood.history.version", { version: v.version })}
                  </Title>
                  <PlanStatusBadge status={v.status} />
                  {note ? (
                    <Badge variant="outline" color="dark">
                      {t(`neighbourhood.history.note.${note}`)}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="sm" c="dimmed">
                  {t("neighbourhood.history.savedBy", { name: v.savedByName ?? "–", date: fmt.dateTime(v.lastSavedAt) })}
                </Text>
                {v.changes.length ? (
                  <List size="sm" mt="xs" spacing={2}>
                    {v.changes.map((c, i) => (
                      <List.Item key={i}>
                        <strong>
                          {t(`neighbourhood.history.change.${c.kind}`)} · {t(`neighbourhood.history.changeSection.${c.section}`)}:
                        </strong>{" "}
                        {c.section === "status"
                          ? t(`neighbourhood.status.${c.text}`)
                          : c.text.length > 140
                            ? `${c.text.slice(0, 140)}…`
                            : c.text}
                        {c.by ? ` (${c.by})` : ""}
                      </List.Item>
                    ))}
                  </List>
                ) : (
                  <Text size="sm" mt="xs">
                    {t("neighbourhood.history.noChanges")}
                  </Text>
                )}
                <details>
                  <summary>
                    <Text span size="sm">
                      {t("neighbourhood.history.showVersion", { version: v.version })}
                    </Text>
                  </summary>
                  <Stack gap={4} mt="xs">
                    <Text fw={600}>{v.content.title}</Text>
                    <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                      {v.content.situation || "–"}
                      {v.content.basicsBy ? ` (${v.content.basicsBy})` : ""}
                    </Text>
                    {(["observations", "goals", "actions"] as const).map((section) =>
                      v.content[section].length ? (
                        <div key={section}>
                          <Text size="sm" fw={600}>
                            {t(`neighbourhood.sections.${section}`)}
                          </Text>
                          <List size="sm" spacing={2}>
                            {v.content[section].map((item) => (
                              <List.Item key={item.id}>
                                {item.text}
                                {item.by ? ` (${item.by})` : ""}
                              </List.Item>
                            ))}
                          </List>
                        </div>
                      ) : null,
                    )}
                  </Stack>
                </details>
              </Paper>
            );
          })}
        </Stack>
      </Panel>
    </Stack>
  );
}
