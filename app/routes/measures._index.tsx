import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MEASURE_STATUSES } from "../../db/schema";
import { measureListFilter, parseMeasureListQuery } from "~/forms/measures";
import { detectLanguage } from "~/i18n/i18n.server";
import { localName, nameOptions, namesFrom } from "~/i18n/names";
import { getViewer } from "~/server/people/guard.server";
import { listMeasures, measureFilterOptions } from "~/server/city/measures.server";
import { resolvePlan } from "~/server/city/measure-views.server";
import { can } from "~/server/people/permissions.server";
import { listGoals, listPlans, listPriorityAreas } from "~/server/city/plans.server";
import { useFormat } from "~/ui/format";
import { MeasureFlags, StatusBadge } from "~/ui/measures/badges";
import { CountSentence } from "~/ui/measures/CountSentence";
import { MEASURE_SORTS } from "~/server/city/measure-rules";
import { Pager } from "~/ui/Pager";
import { LocalText } from "~/ui/LocalText";
import { pageTitle } from "~/i18n/page-title";
import { FilterDisclosure } from "~/ui/measures/FilterDisclosure";
import { type FilterPart, FilterSentence, filterWords } from "~/ui/measures/FilterSentence";
import { ScrollTable } from "~/ui/ScrollTable";
import { TableHead } from "~/ui/TableParts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "measures.listTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const url = new URL(request.url);
  const query = parseMeasureListQuery(url);
  const { plan, publicOnly } = resolvePlan(query.plan, viewer);
  if (!plan) return json({ plan: null, query, publicOnly, canPropose: false, result: null, options: null });
  const lang = await detectLanguage(request);
  const filterOptions = measureFilterOptions(plan.id, publicOnly);
  const result = listMeasures({ ...measureListFilter(plan.id, query), page: query.page }, { publicOnly });
  return json({
    plan: { id: plan.id, ...namesFrom(plan) },
    query,
    publicOnly,
    canPropose: can(viewer, { kind: "measure.propose" }),
    // The public does not see "not updated", nor why.
    result: publicOnly ? { ...result, rows: result.rows.map((r) => ({ ...r, staleReason: null })) } : result,
    options: {
      plans: nameOptions(listPlans({ publicOnly }), lang),
      priorityAreas: nameOptions(listPriorityAreas(plan.id), lang, { withCode: true }),
      goals: nameOptions(listGoals(plan.strategyId), lang, { withCode: true }),
      owners: nameOptions(filterOptions.owners, lang),
      // Major districts are marked: the filter also matches the districts under them.
      areas: filterOptions.areas.map((a) => ({ ...nameOptions([a], lang)[0], major: a.level === "major_district" })),
    },
  });
}

export default function MeasureList() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { plan, query, publicOnly, canPropose, result, options } = useLoaderData<typeof loader>();
  const location = useLocation();
  const lang = i18n.language;
  if (!plan || !result || !options) {
    return (
      <Stack>
        <Title order={1}>{t("measures.listTitle")}</Title>
        <Text>{t("measures.noPlan")}</Text>
      </Stack>
    );
  }
  const exportQuery = new URLSearchParams(location.search);
  exportQuery.delete("page");
  const exportHref = (format: string) => {
    const q = new URLSearchParams(exportQuery);
    q.set("format", format);
    if (!q.get("plan")) q.set("plan", String(plan.id));
    return `/measures/export?${q.toString()}`;
  };
  const select = (value: number | "none" | undefined) => (value ? String(value) : "");
  const all = { value: "", label: t("common.all") };
  const priorityOptions = [{ value: "none", label: t("measures.noPriorityArea") }, ...options.priorityAreas];
  const statusOptions = MEASURE_STATUSES.map((s) => ({ value: s, label: t(`measures.status.${s}`) }));
  // The filters in force, for the disclosure's count and the printed sentence (plan and order are not filters).
  const filterParts: FilterPart[] = [
    { label: t("common.search"), value: query.q ? `”${query.q}”` : undefined },
    { label: t("measures.priorityArea"), value: query.priority, options: priorityOptions },
    { label: t("measures.owner"), value: query.owner, options: options.owners },
    { label: t("measures.district"), value: query.area, options: options.areas },
    { label: t("measures.goal"), value: query.goal, options: options.goals },
    { label: t("measures.statusLabel"), value: query.status, options: statusOptions },
    { label: t("measures.onlyLate"), value: !!query.late },
    { label: t("measures.onlyStale"), value: !!query.stale },
  ];
  const activeCount = filterWords(filterParts).length;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="end">
        <div>
          <Title order={1}>{t("measures.listTitle")}</Title>
          <Text c="dimmed">{localName(plan, lang)}</Text>
        </div>
        <Group gap="xs">
          {canPropose ? (
            <Button component={Link} to={`/measures/new?plan=${plan.id}`}>
              {t("measures.propose")}
            </Button>
          ) : null}
          <Button component="a" href={exportHref("csv")} variant="light">
            {t("measures.exportCsv")}
          </Button>
          <Button component="a" href={exportHref("xlsx")} variant="light">
            {t("measures.exportXlsx")}
          </Button>
        </Group>
      </Group>

      <Paper withBorder p="md" component="section" aria-labelledby="measure-filters" className="no-print">
        {/* A disclosure: open on wide screens, folded on phones so the results come first (FilterDisclosure). */}
        <FilterDisclosure
          id="measure-filters"
          title={t("measures.filters")}
          status={activeCount ? t("measures.activeFilters", { count: activeCount }) : t("measures.noActiveFilters")}
        >
          {/* Keyed by the URL: after a client-side navigation the fields show the list's new state. */}
          <Form method="get" role="search" key={location.search}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                <TextInput name="q" label={t("common.search")} defaultValue={query.q ?? ""} description={t("measures.searchHelp")} />
                <NativeSelect name="plan" label={t("measures.plan")} defaultValue={String(plan.id)} data={options.plans} />
                <NativeSelect
                  name="priority"
                  label={t("measures.priorityArea")}
                  defaultValue={select(query.priority)}
                  data={[all, { value: "none", label: t("measures.noPriorityArea") }, ...options.priorityAreas]}
                />
                <NativeSelect name="owner" label={t("measures.owner")} defaultValue={select(query.owner)} data={[all, ...options.owners]} />
                <NativeSelect
                  name="area"
                  label={t("measures.district")}
                  defaultValue={select(query.area)}
                  data={[
                    all,
                    ...options.areas.map((a) => ({
                      value: a.value,
                      label: a.major ? `${a.label} (${t("areaLevels.major_district")})` : a.label,
                    })),
                  ]}
                />
                <NativeSelect name="goal" label={t("measures.goal")} defaultValue={select(query.goal)} data={[all, ...options.goals]} />
                <NativeSelect
                  name="sort"
                  label={t("measures.sortBy")}
                  defaultValue={query.sort ?? "relevance"}
                  data={MEASURE_SORTS.map((s) => ({ value: s, label: t(`measures.sort.${s}`) }))}
                />
                <NativeSelect
                  name="dir"
                  label={t("measures.direction")}
                  defaultValue={query.dir ?? "asc"}
                  data={[
                    { value: "asc", label: t("measures.ascending") },
                    { value: "desc", label: t("measures.descending") },
                  ]}
                />
              </SimpleGrid>
              <Checkbox.Group label={t("measures.statusLabel")} defaultValue={query.status ?? []}>
                <Group gap="md" mt={4}>
                  {MEASURE_STATUSES.filter((s) => !publicOnly || s !== "proposed").map((s) => (
                    <Checkbox key={s} name="status" value={s} label={t(`measures.status.${s}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Group gap="md">
                <Checkbox name="late" value="1" defaultChecked={!!query.late} label={t("measures.onlyLate")} />
                <Checkbox name="stale" value="1" defaultChecked={!!query.stale} label={t("measures.onlyStale")} />
              </Group>
              <Group>
                <Button type="submit">{t("common.filter")}</Button>
                <Anchor component={Link} to={`/measures?plan=${plan.id}`}>
                  {t("measures.clearFilters")}
                </Anchor>
              </Group>
            </Stack>
          </Form>
        </FilterDisclosure>
      </Paper>
      <FilterSentence parts={filterParts} />

      <CountSentence total={result.total} proposed={result.proposed} note={!publicOnly} />
      <ScrollTable minWidth={860} label={t("measures.listTitle")}>
        <Table striped highlightOnHover aria-label={t("measures.listTitle")}>
          <TableHead
            columns={[
              t("measures.code"),
              t("measures.title"),
              t("measures.owner"),
              t("measures.statusLabel"),
              t("measures.progress"),
              t("measures.ends"),
              t("measures.lastFollowUp"),
            ]}
          />
          <Table.Tbody>
            {result.rows.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.code}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/measures/${m.id}`}>
                    <LocalText record={m} field="title" />
                  </Anchor>
                  {m.priorityAreaId ? (
                    <Text size="xs" c="dimmed">
                      {m.priorityAreaCode}{" "}
                      {localName({ nameFi: m.priorityAreaNameFi!, nameSv: m.priorityAreaNameSv, nameEn: m.priorityAreaNameEn }, lang)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {localName({ nameFi: m.ownerNameFi, nameSv: m.ownerNameSv, nameEn: m.ownerNameEn }, lang)}
                  {m.responsibleName && !publicOnly ? (
                    <Text size="xs" c="dimmed">
                      {m.responsibleName}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <StatusBadge status={m.status} />
                    <MeasureFlags flags={m} publicOnly={publicOnly} />
                  </Stack>
                </Table.Td>
                <Table.Td miw={110}>
                  <Progress value={m.progress} aria-hidden size="sm" />
                  <Text size="xs">{fmt.number(m.progress)} %</Text>
                </Table.Td>
                <Table.Td>{m.continuous ? t("measures.continuous") : fmt.date(m.endDate)}</Table.Td>
                <Table.Td>{fmt.date(m.lastFollowUpAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {result.rows.length === 0 ? <Text>{t("measures.noResults")}</Text> : null}
      <Pager page={result.page} pageCount={result.pageCount} total={result.total} />
    </Stack>
  );
}
