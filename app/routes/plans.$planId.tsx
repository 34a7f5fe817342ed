import { Alert, Anchor, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { MEASURE_STATUSES, type MeasureStatus } from "../../db/schema";
import { localName } from "~/i18n/names";
import { getViewer, idParam, notFound } from "~/server/people/guard.server";
import { can } from "~/server/people/permissions.server";
import {
  displayYear,
  getPlan,
  getStrategyWithGoals,
  listPriorityAreas,
  planYears,
  priorityAreaMeasureCounts,
  priorityAreaYearRecords,
} from "~/server/city/plans.server";
import { useFormat } from "~/ui/format";
import { useStrategyLabel } from "~/ui/plans/labels";
import { PlanStatusBadge, UnpublishedBadge } from "~/ui/plans/PlanStatusBadge";
import { localDescription, measureListHref } from "~/ui/plans/text";
import { languageOf, pageTitle } from "~/i18n/page-title";
import { ScrollTable } from "~/ui/ScrollTable";
import { Panel } from "~/ui/Panel";
import { numberColumn, TableHead } from "~/ui/TableParts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "titles.plan", { name: data ? localName(data.plan, languageOf(matches)) : null });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  // Staff see every plan (drafts too); everyone else only published ones, and a hidden plan is a 404.
  const publicOnly = !can(viewer, { kind: "measure.viewAll" });
  const plan = getPlan(idParam(params.planId), { publicOnly });
  if (!plan) notFound();
  const counts = priorityAreaMeasureCounts(plan.id, { publicOnly });
  // Columns: the statuses that occur, in lifecycle order (the public never sees proposals anyway).
  const statuses = MEASURE_STATUSES.filter((s) => counts.some((c) => c.status === s && c.count > 0));
  return json({
    plan,
    publicOnly,
    canManage: can(viewer, { kind: "plan.manage" }),
    strategy: getStrategyWithGoals(plan.strategyId),
    areas: listPriorityAreas(plan.id),
    years: planYears(plan),
    year: displayYear(plan),
    yearRecords: priorityAreaYearRecords(plan.id),
    counts,
    statuses,
  });
}

/** A definition list row; plain <dl> keeps the decision readable in print and to screen readers. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" fw={600}>
        {term}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </>
  );
}

export default function PlanPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const strategyLabel = useStrategyLabel();
  const lang = i18n.language;
  const { plan, publicOnly, canManage, strategy, areas, years, year, yearRecords, counts, statuses } = useLoaderData<typeof loader>();
  const name = localName(plan, lang);
  const description = localDescription(plan, lang);
  const inForce = areas.filter((a) => a.years.includes(year));

  const cell = (areaId: number | null, status?: MeasureStatus) =>
    counts.filter((c) => c.priorityAreaId === areaId && (!status || c.status === status)).reduce((n, c) => n + c.count, 0);
  const lateIn = (areaId: number | null) => counts.filter((c) => c.priorityAreaId === areaId).reduce((n, c) => n + c.late, 0);
  const unassigned = cell(null);
  const notesByYear = new Map<number, string[]>();
  for (const r of yearRecords) {
    if (!r.decisionNote) continue;
    const list = notesByYear.get(r.year) ?? [];
    if (!list.includes(r.decisionNote)) list.push(r.decisionNote);
    notesByYear.set(r.year, list);
  }

  const countLink = (areaId: number, areaName: string, n: number, filters: Record<string, string | number>, label: string) =>
    n === 0 ? (
      <Text span c="dimmed">
        0
      </Text>
    ) : (
      <Anchor
        component={Link}
        to={measureListHref(plan.id, { priority: areaId, ...filters })}
        aria-label={t("plans.countLinkLabel", { count: n, area: areaName, what: label })}
      >
        {n}
      </Anchor>
    );

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to="/plans" size="sm">
          {t("plans.allPlans")}
        </Anchor>
        <Title order={1}>{name}</Title>
        <Group gap="sm">
          <PlanStatusBadge status={plan.status} />
          {!plan.published ? <UnpublishedBadge /> : null}
          <Text>
            {t("plans.period")}: {t("plans.periodRange", { start: fmt.date(plan.periodStart), end: fmt.date(plan.periodEnd) })}
          </Text>
        </Group>
        {!publicOnly && !plan.published ? (
          <Alert color="orange" variant="light">
            {t("plans.staffOnlyNotice")}
          </Alert>
        ) : null}
        {canManage ? (
          <Anchor component={Link} to={`/admin/plans/${plan.id}`}>
            {t("plans.manage")}
          </Anchor>
        ) : null}
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Panel titleId="plan-decision" title={t("plans.decisionTitle")} mb="xs" plain>
          {plan.decisionDate || plan.decisionBody || plan.decisionReference ? (
            <dl style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "4px 16px", margin: 0 }}>
              <Fact term={t("plans.decisionDate")}>{plan.decisionDate ? fmt.date(plan.decisionDate) : "–"}</Fact>
              <Fact term={t("plans.decisionBody")}>{plan.decisionBody ?? "–"}</Fact>
              <Fact term={t("plans.decisionReference")}>{plan.decisionReference ?? "–"}</Fact>
            </dl>
          ) : (
            <Text>{t("plans.notApprovedYet")}</Text>
          )}
        </Panel>

        <Panel titleId="plan-strategy" title={t("plans.strategyTitle")} mb="xs" plain>
          {strategy ? (
            <Stack gap="xs">
              <Anchor component={Link} to={`/strategy/${strategy.id}`}>
                {strategyLabel(strategy)}
              </Anchor>
              {strategy.goals.length ? (
                <List size="sm" spacing={2} aria-label={t("plans.goalsTitle")}>
                  {strategy.goals.map((g) => (
                    <List.Item key={g.id}>
                      {g.code} {localName(g, lang)}
                    </List.Item>
                  ))}
                </List>
              ) : null}
            </Stack>
          ) : (
            <Text>{t("plans.noStrategy")}</Text>
          )}
        </Panel>
      </SimpleGrid>

      {description ? (
        <Panel titleId="plan-description" title={t("plans.descriptionTitle")} mb="xs" plain>
          <Text maw={760} style={{ whiteSpace: "pre-line" }}>
            {description}
          </Text>
        </Panel>
      ) : null}

      <Panel titleId="plan-areas" title={t("plans.areasInForce", { year })} mb="xs" plain>
        {inForce.length === 0 ? (
          <Text>{t("plans.noAreasInForce", { year })}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {inForce.map((a) => {
              const areaName = localName(a, lang);
              const total = cell(a.id);
              const areaDescription = localDescription(a, lang);
              return (
                <Paper key={a.id} withBorder p="md" component="article" aria-labelledby={`area-${a.id}`}>
                  <Title order={3} size="h4" id={`area-${a.id}`}>
                    {a.code}. {areaName}
                  </Title>
                  {areaDescription ? (
                    <Text size="sm" mt={4}>
                      {areaDescription}
                    </Text>
                  ) : null}
                  <Anchor component={Link} to={measureListHref(plan.id, { priority: a.id })} size="sm" mt="xs" display="inline-block">
                    {t("plans.areaMeasures", { count: total, area: areaName })}
                  </Anchor>
                </Paper>
              );
            })}
          </SimpleGrid>
        )}
      </Panel>

      <Panel titleId="plan-counts" title={t("plans.countsTitle")} mb="xs" plain>
        {areas.length === 0 && unassigned === 0 ? (
          <Text>{t("plans.noAreas")}</Text>
        ) : (
          <ScrollTable minWidth={640} labelledBy="plan-counts">
            <Table striped withTableBorder>
              <caption>{publicOnly ? t("plans.countsCaptionPublic") : t("plans.countsCaption")}</caption>
              <TableHead
                scoped
                columns={[
                  t("plans.priorityArea"),
                  ...statuses.map((s) => numberColumn(t(`measures.status.${s}`))),
                  numberColumn(t("plans.total")),
                  numberColumn(t("plans.late")),
                ]}
              />
              <Table.Tbody>
                {areas.map((a) => {
                  const areaName = localName(a, lang);
                  return (
                    <Table.Tr key={a.id}>
                      <Table.Th scope="row" fw="normal">
                        {a.code}. {areaName}
                      </Table.Th>
                      {statuses.map((s) => (
                        <Table.Td key={s} ta="right">
                          {countLink(a.id, areaName, cell(a.id, s), { status: s }, t(`measures.status.${s}`))}
                        </Table.Td>
                      ))}
                      <Table.Td ta="right" fw={600}>
                        {countLink(a.id, areaName, cell(a.id), {}, t("plans.total"))}
                      </Table.Td>
                      <Table.Td ta="right">{countLink(a.id, areaName, lateIn(a.id), { late: 1 }, t("plans.late"))}</Table.Td>
                    </Table.Tr>
                  );
                })}
                {unassigned > 0 ? (
                  <Table.Tr>
                    <Table.Th scope="row" fw="normal">
                      {t("plans.noPriorityArea")}
                    </Table.Th>
                    {statuses.map((s) => (
                      <Table.Td key={s} ta="right">
                        {cell(null, s)}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" fw={600}>
                      {unassigned}
                    </Table.Td>
                    <Table.Td ta="right">{lateIn(null)}</Table.Td>
                  </Table.Tr>
                ) : null}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        <Anchor component={Link} to={measureListHref(plan.id)}>
          {t("plans.allMeasures")}
        </Anchor>
      </Panel>

      <Panel titleId="plan-history" title={t("plans.historyTitle")} mb="xs" plain>
        <Text size="sm" mb="xs">
          {t("plans.historyHelp")}
        </Text>
        {areas.length === 0 ? (
          <Text>{t("plans.noAreas")}</Text>
        ) : (
          <ScrollTable minWidth={560} labelledBy="plan-history">
            <Table withTableBorder withColumnBorders>
              <caption>{t("plans.historyCaption")}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("plans.priorityArea")}</Table.Th>
                  {years.map((y) => (
                    <Table.Th key={y} scope="col" ta="center">
                      {y}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {areas.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Th scope="row" fw="normal">
                      {a.code}. {localName(a, lang)}
                    </Table.Th>
                    {years.map((y) =>
                      a.years.includes(y) ? (
                        <Table.Td key={y} ta="center">
                          <span aria-hidden="true">✓</span>
                          <span className="visually-hidden">{t("plans.inForce")}</span>
                        </Table.Td>
                      ) : (
                        <Table.Td key={y} ta="center">
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">{t("plans.notInForce")}</span>
                        </Table.Td>
                      ),
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              {notesByYear.size ? (
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row">{t("plans.yearDecision")}</Table.Th>
                    {years.map((y) => (
                      <Table.Td key={y} fz="sm">
                        {(notesByYear.get(y) ?? []).join("; ") || "–"}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                </Table.Tfoot>
              ) : null}
            </Table>
          </ScrollTable>
        )}
      </Panel>
    </Stack>
  );
}
