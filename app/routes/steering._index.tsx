import { Anchor, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MEASURE_STATUSES } from "../../db/schema";
import { SummaryFilterSchema } from "~/forms/reviews";
import { detectLanguage } from "~/i18n/i18n.server";
import { localName, localText, nameOptions, namesFrom, nameOrNull } from "~/i18n/names";
import { authorize } from "~/server/people/guard.server";
import { ACTIVE_STATUSES, type LateReason, type StaleReason } from "~/server/city/measure-rules";
import { measureFilterOptions, measureIdsMatching } from "~/server/city/measures.server";
import { currentPlan, listPriorityAreas } from "~/server/city/plans.server";
import { limitChanges, narrowChanges } from "~/server/steering/changes";
import { cachedChangesSinceReview, latestReview } from "~/server/steering/reviews.server";
import { reviewTitleIn } from "~/server/steering/review-titles";
import { ReviewTitleText } from "~/ui/reviews/ReviewTitle";
import { cachedSteeringSummary } from "~/server/steering/summary.server";
import { groupsForViewer } from "~/server/workspaces/workspaces.server";
import { useFormat } from "~/ui/format";
import { FlagReasons, StatusBadge } from "~/ui/measures/badges";
import { FilterSentence } from "~/ui/measures/FilterSentence";
import { StatusChart } from "~/ui/StatusChart";
import { ChangeList } from "~/ui/ChangeList";
import { LangText, LocalText } from "~/ui/LocalText";
import { ScrollTable } from "~/ui/ScrollTable";
import { CountSentence } from "~/ui/measures/CountSentence";
import { rowPriority, summaryListHref } from "~/ui/summary-links";
import { pageTitle } from "~/i18n/page-title";
import { Panel } from "~/ui/Panel";
import { numberColumn, TableHead } from "~/ui/TableParts";
import { FilterForm } from "~/ui/FilterForm";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "steering.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "steering.view" });
  // The steering group's own workspace (meetings, minutes, decisions) is one click away.
  const workspaces = groupsForViewer(viewer, "steering").map((g) => ({ id: g.id, ...namesFrom(g) }));
  const filters = SummaryFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const plan = currentPlan({ publicOnly: false });
  if (!plan) return json({ plan: null, filters, summary: null, options: null, review: null, changes: null, workspaces });
  // Both reads are cached (any write, and every minute, turns them over): see summary.server and reviews.server.
  const summary = cachedSteeringSummary(plan.id, { priorityAreaId: filters.priority, ownerId: filters.owner, areaId: filters.area });
  const latest = latestReview({ sentOnly: true });
  // The latest review's title in the reader's language only.
  const review = latest ? { id: latest.id, sentAt: latest.sentAt, title: reviewTitleIn(latest, await detectLanguage(request)) } : null;
  // What changed since the last review the steering group received (live records vs its snapshot).
  // At a glance: ten of each kind of change, with the counts (a large plan has hundreds).
  const allChanges = review ? cachedChangesSinceReview(plan.id, review.id) : null;
  // With a filter on, only the changes of the measures it covers.
  const filtered = filters.priority || filters.owner || filters.area;
  const within = filtered
    ? new Set(
        measureIdsMatching(
          { planId: plan.id, priorityAreaId: filters.priority, ownerId: filters.owner, areaId: filters.area },
          { publicOnly: false },
        ),
      )
    : null;
  const changes = allChanges ? limitChanges(within ? narrowChanges(allChanges, within) : allChanges, 10) : null;
  const { owners, areas } = measureFilterOptions(plan.id, false);
  const lang = await detectLanguage(request);
  const options = {
    priorityAreas: nameOptions(listPriorityAreas(plan.id), lang, { withCode: true }),
    owners: nameOptions(owners, lang),
    areas: nameOptions(areas, lang),
  };
  return json({
    plan: { id: plan.id, ...namesFrom(plan) },
    filters,
    summary,
    options,
    review,
    changes,
    workspaces,
  });
}

export default function SteeringSummaryPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const lang = i18n.language;
  const { plan, filters, summary, options, review, changes, workspaces } = useLoaderData<typeof loader>();
  if (!plan || !summary || !options) {
    return (
      <Stack>
        <Title order={1}>{t("steering.title")}</Title>
        <Text>{t("measures.noPlan")}</Text>
      </Stack>
    );
  }
  // Every number links to the measure list with the same filters in its URL (ui/summary-links.ts).
  const listHref = (extra: Parameters<typeof summaryListHref>[2]) => summaryListHref(plan.id, filters, extra);
  const areaLabel = (a: { code: string | null; nameFi: string | null; nameSv: string | null; nameEn: string | null }) =>
    a.nameFi ? `${a.code} ${nameOrNull(a, lang)}` : t("reviews.noPriorityArea");
  const shownStatuses = MEASURE_STATUSES;
  const select = (v: number | "none" | undefined) => (v ? String(v) : "");
  const all = { value: "", label: t("common.all") };
  const priorityOptions = [{ value: "none", label: t("measures.noPriorityArea") }, ...options.priorityAreas];

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t("steering.summaryTitle")}</Title>
        <Text c="dimmed">{localName(plan, lang)}</Text>
        <Text size="sm">{t("steering.asOf", { time: fmt.dateTime(summary.computedAt) })}</Text>
        <FilterSentence
          parts={[
            { label: t("measures.priorityArea"), value: filters.priority, options: priorityOptions },
            { label: t("measures.owner"), value: filters.owner, options: options.owners },
            { label: t("measures.district"), value: filters.area, options: options.areas },
          ]}
        />
        {workspaces.map((w) => (
          <Anchor key={w.id} component={Link} to={`/workspaces/${w.id}`} size="sm" display="block">
            {t("workspaces.openNamed", { name: localName(w, lang) })}
          </Anchor>
        ))}
      </div>
      <FilterForm
        label={t("measures.filters")}
        submit={t("common.filter")}
        after={
          <Anchor component={Link} to="/steering">
            {t("measures.clearFilters")}
          </Anchor>
        }
      >
        <NativeSelect
          name="priority"
          label={t("measures.priorityArea")}
          defaultValue={select(filters.priority)}
          data={[all, ...priorityOptions]}
        />
        <NativeSelect name="owner" label={t("measures.owner")} defaultValue={select(filters.owner)} data={[all, ...options.owners]} />
        <NativeSelect name="area" label={t("measures.district")} defaultValue={select(filters.area)} data={[all, ...options.areas]} />
      </FilterForm>

      <CountSentence total={summary.totals.total} proposed={summary.totals.counts.proposed} note />
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <Kpi label={t("steering.kpi.measures")} value={String(summary.totals.total)} to={listHref({})} />
        <Kpi label={t("steering.kpi.progress")} value={summary.progress == null ? "–" : `${fmt.number(summary.progress)} %`} />
        <Kpi
          label={t("steering.kpi.late")}
          value={String(summary.totals.late)}
          to={listHref({ late: 1 })}
          tone={summary.totals.late ? "red" : undefined}
        />
        <Kpi
          label={t("steering.kpi.stale")}
          value={String(summary.totals.stale)}
          to={listHref({ stale: 1 })}
          tone={summary.totals.stale ? "orange" : undefined}
        />
        <Kpi label={t("steering.kpi.completed")} value={String(summary.totals.counts.completed)} to={listHref({ status: "completed" })} />
      </SimpleGrid>

      <Panel titleId="by-area" title={t("steering.byArea")}>
        <StatusChart rows={summary.areas.map((a) => ({ label: areaLabel(a), counts: a.counts }))} />
        {/* Wide screens: a table whose headers wrap (no fixed width); narrow ones: a list per area (reflow). */}
        <ScrollTable minWidth={0} mt="md" visibleFrom="lg" className="wrap-headers" labelledBy="by-area">
          <Table striped withTableBorder layout="auto">
            <caption className="visually-hidden">{t("steering.byArea")}</caption>
            <TableHead
              scoped
              columns={[
                t("measures.priorityArea"),
                ...shownStatuses.map((s) => numberColumn(t(`measures.status.${s}`))),
                ...(["total", "late", "progress"] as const).map((c) => numberColumn(t(`reviews.cols.${c}`))),
              ]}
            />
            <Table.Tbody>
              {summary.areas.map((a) => (
                <Table.Tr key={a.id ?? "none"}>
                  <Table.Th scope="row">{areaLabel(a)}</Table.Th>
                  {shownStatuses.map((s) => (
                    <Table.Td key={s} ta="right">
                      {a.counts[s] ? (
                        <Anchor
                          component={Link}
                          to={listHref({ priority: rowPriority(a), status: s })}
                          aria-label={t("steering.countLink", {
                            count: a.counts[s],
                            status: t(`measures.status.${s}`),
                            area: areaLabel(a),
                          })}
                        >
                          {a.counts[s]}
                        </Anchor>
                      ) : (
                        0
                      )}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">
                    <Anchor
                      component={Link}
                      to={listHref({ priority: rowPriority(a) })}
                      aria-label={t("steering.totalLink", { count: a.total, area: areaLabel(a) })}
                    >
                      {a.total}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">
                    {a.late ? (
                      <Anchor
                        component={Link}
                        to={listHref({ priority: rowPriority(a), late: 1 })}
                        aria-label={t("steering.lateLink", { count: a.late, area: areaLabel(a) })}
                      >
                        {a.late}
                      </Anchor>
                    ) : (
                      0
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{a.progress == null ? "–" : `${a.progress} %`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        <Stack gap="sm" mt="md" hiddenFrom="lg" component="ul" className="plain-list">
          {summary.areas.map((a) => (
            <li key={a.id ?? "none"}>
              <Title order={3} size="h5">
                {areaLabel(a)}
              </Title>
              <Text size="sm">
                <Anchor
                  component={Link}
                  to={listHref({ priority: rowPriority(a) })}
                  aria-label={t("steering.totalLink", { count: a.total, area: areaLabel(a) })}
                >
                  {t("reviews.cols.total")}: {a.total}
                </Anchor>
                {" · "}
                {t("reviews.cols.late")}: {a.late}
                {" · "}
                {t("reviews.cols.progress")}: {a.progress == null ? "–" : `${a.progress} %`}
              </Text>
              <Text size="sm" c="dimmed">
                {shownStatuses
                  .filter((st) => a.counts[st])
                  .map((st) => `${t(`measures.status.${st}`)} ${a.counts[st]}`)
                  .join(", ")}
              </Text>
            </li>
          ))}
        </Stack>
      </Panel>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <MeasureTable
          id="late"
          title={t("steering.lateTitle", { count: summary.totals.late })}
          rows={summary.late}
          total={summary.totals.late}
          allHref={listHref({ late: 1, sort: "end" })}
          empty={t("steering.noneLate")}
        />
        <MeasureTable
          id="stale"
          title={t("steering.staleTitle", { count: summary.totals.stale })}
          rows={summary.stale}
          total={summary.totals.stale}
          allHref={listHref({ stale: 1 })}
          empty={t("steering.noneStale")}
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Panel titleId="deadlines" title={t("steering.deadlines")} size="h4">
          {summary.deadlines.length === 0 ? <Text>{t("steering.noDeadlines")}</Text> : null}
          {summary.deadlineCount > summary.deadlines.length ? (
            <Text size="sm" mb="xs">
              {t("steering.nearestDeadlines", { shown: summary.deadlines.length, total: summary.deadlineCount })}{" "}
              <Anchor component={Link} to={listHref({ status: ACTIVE_STATUSES, sort: "end" })}>
                {t("steering.byEndDate")}
              </Anchor>
            </Text>
          ) : null}
          <Stack gap={6}>
            {summary.deadlines.map((d, i) => (
              <Text key={`${d.measureId}-${i}`} size="sm">
                <strong>{fmt.date(d.date)}</strong>{" "}
                <Anchor component={Link} to={`/measures/${d.measureId}`}>
                  {d.code} <LocalText record={d} field="title" />
                </Anchor>
                {" – "}
                {d.taskTitle ? (
                  <LangText value={localText({ fi: d.taskTitle, sv: d.taskTitleSv, en: d.taskTitleEn }, i18n.language)} />
                ) : (
                  t("steering.measureEnds")
                )}
              </Text>
            ))}
          </Stack>
        </Panel>
        <Panel titleId="changes" title={t("steering.changesSince")} size="h4">
          {review ? (
            <Text size="sm" mb="xs">
              {t("steering.lastReview")}{" "}
              <Anchor component={Link} to={`/reviews/${review.id}`}>
                <ReviewTitleText title={review.title} />
              </Anchor>{" "}
              ({fmt.date(review.sentAt)})
            </Text>
          ) : (
            <Text>{t("steering.noReviewYet")}</Text>
          )}
          {changes ? <ChangeList changes={changes} counts={changes.counts} /> : null}
        </Panel>
      </SimpleGrid>

      <Panel titleId="newest" title={t("steering.newestFollowUps")} size="h4">
        <Stack gap="xs">
          {summary.newestFollowUps.map((f) => (
            <div key={f.id}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {fmt.date(f.reportedAt)}
                </Text>
                <Anchor component={Link} to={`/measures/${f.measureId}`} size="sm">
                  {f.code} <LocalText record={f} field="title" />
                </Anchor>
                <StatusBadge status={f.status} />
                <Text size="sm">{f.progress} %</Text>
              </Group>
              <Text size="sm" c="dimmed">
                {f.reporterName}: {f.done}
              </Text>
            </div>
          ))}
        </Stack>
      </Panel>
    </Stack>
  );
}

function Kpi({ label, value, to, tone }: { label: string; value: string; to?: string; tone?: "red" | "orange" }) {
  return (
    <Paper withBorder p="md">
      <Text fz={30} fw={700} c={tone ? `${tone}.7` : undefined}>
        {to ? (
          <Anchor component={Link} to={to} inherit c="inherit" aria-label={`${label}: ${value}`}>
            {value}
          </Anchor>
        ) : (
          value
        )}
      </Text>
      <Text size="sm">{label}</Text>
    </Paper>
  );
}

type Row = {
  id: number;
  code: string;
  title: string;
  titleSv: string | null;
  titleEn: string | null;
  status: (typeof MEASURE_STATUSES)[number];
  endDate: string | null;
  lastFollowUpAt: string | null;
  ownerNameFi: string;
  ownerNameSv: string | null;
  ownerNameEn: string | null;
  responsibleName: string | null;
  lateReason: LateReason | null;
  staleReason: StaleReason | null;
};

function MeasureTable({
  id,
  title,
  rows,
  total,
  allHref,
  empty,
}: {
  id: string;
  title: string;
  rows: Row[];
  total: number;
  allHref: string;
  empty: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} size="h4" id={`${id}-title`} mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <Stack gap="sm" component="ul" className="plain-list">
          {rows.map((m) => (
            <li key={m.id}>
              <Anchor component={Link} to={`/measures/${m.id}`}>
                {m.code} <LocalText record={m} field="title" />
              </Anchor>
              <Text size="sm">
                {localName({ nameFi: m.ownerNameFi, nameSv: m.ownerNameSv, nameEn: m.ownerNameEn }, i18n.language)}
                {m.responsibleName ? ` · ${m.responsibleName}` : null}
              </Text>
              <FlagReasons lateReason={id === "late" ? m.lateReason : null} staleReason={id === "stale" ? m.staleReason : null} />
            </li>
          ))}
        </Stack>
      )}
      {total > rows.length ? (
        <Text size="sm" mt="xs">
          {t("steering.showingFirst", { shown: rows.length, total })}{" "}
          <Anchor component={Link} to={allHref}>
            {t("steering.showAll", { count: total })}
          </Anchor>
        </Text>
      ) : null}
    </Paper>
  );
}
