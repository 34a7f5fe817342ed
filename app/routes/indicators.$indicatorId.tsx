// One indicator: its definition, the city-wide trend against the target (chart plus the same
// figures as a table), values by area for one period, what it is linked to, and for managers a
// form to add or correct a value or target that keeps its input on errors (also without JS).
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { BarChart, LineChart } from "@mantine/charts";
import { Alert, Anchor, Badge, Button, Group, List, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { indicatorValueSchema } from "~/forms/indicators";
import { detectLanguage } from "~/i18n/i18n.server";
import { localName } from "~/i18n/names";
import { authorize, idParam, notFound } from "~/server/people/guard.server";
import { getIndicator, getIndicatorDefinition, indicatorAreaOptions, upsertIndicatorValue } from "~/server/city/indicators.server";
import { can } from "~/server/people/permissions.server";
import { FieldSelect, FieldTextInput, FormErrors, useZodForm, SubmitRow } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { useFigureText, valueAxisDomain, type FigureView } from "~/ui/indicators/figures";
import { LocalText } from "~/ui/LocalText";
import { pageTitle } from "~/i18n/page-title";
import { Panel } from "~/ui/Panel";

type Resolution = "year" | "month";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, "titles.indicator", { name: data?.pageTitle });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "indicator.view" });
  const id = idParam(params.indicatorId);
  const url = new URL(request.url);
  const detail = getIndicator(id, { areaPeriod: url.searchParams.get("areaPeriod") });
  if (!detail) notFound();
  const canManage = can(viewer, { kind: "indicator.manage" });
  const pageTitle = localName(detail.indicator, await detectLanguage(request));
  return json({
    pageTitle,
    detail,
    canManage,
    canDefine: can(viewer, { kind: "indicator.define" }),
    areaOptions: canManage ? indicatorAreaOptions() : [],
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "indicator.manage" });
  const id = idParam(params.indicatorId);
  const indicator = getIndicatorDefinition(id);
  if (!indicator) notFound();
  const submission = parseWithZod(await request.formData(), { schema: indicatorValueSchema(indicator.resolution, indicator.unit) });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  const result = upsertIndicatorValue(viewer, {
    indicatorId: id,
    kind: v.kind,
    areaId: v.areaId ?? null,
    period: v.period,
    value: v.value.value,
    bound: v.value.bound,
    upper: v.value.upper,
  });
  if (!result.ok) {
    if (result.reason === "notFound") notFound();
    const field = result.reason === "period" ? "period" : result.reason === "area" ? "areaId" : "value";
    return json({ result: submission.reply({ fieldErrors: { [field]: [result.error] } }) }, { status: 400 });
  }
  // Show the period just saved in the by-area table when the value was for an area.
  const next = new URLSearchParams({ saved: result.changed ? "value" : "unchanged" });
  if (v.areaId) next.set("areaPeriod", v.period);
  return redirect(`/indicators/${id}?${next.toString()}#values`);
}

export default function IndicatorPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = useFormat();
  const { detail, canManage, canDefine, areaOptions } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const location = useLocation();
  const { indicator, summary, cityTrend, byArea, areaPeriods, areaPeriod, cityAtAreaPeriod } = detail;
  const saved = params.get("saved");
  const statusText = (s: string | null) => (s ? t(`indicators.status.${s}`) : t("indicators.noValue"));
  const figure = useFigureText();
  const withPeriod = (p: FigureView & { period: string }) => `${figure(p)} (${p.period})`;
  const hasBounds = [...cityTrend, ...byArea].some((p) => [p.actualFigure, p.targetFigure].some((f) => f && f.bound !== "exact"));
  // One rule for both charts: from zero (see valueAxisDomain), so a small change looks small.
  const trendDomain = valueAxisDomain(
    cityTrend
      .flatMap((p) => [p.actual, p.target, p.actualFigure?.upper, p.targetFigure?.upper])
      .concat(summary.target ? [summary.target.value] : []),
    indicator.unit,
  );
  const areaDomain = valueAxisDomain(
    byArea.flatMap((r) => [r.actual, r.target]),
    indicator.unit,
  );

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/indicators" size="sm">
          ← {t("indicators.detail.backToList")}
        </Anchor>
        <Title order={1}>{localName(indicator, lang)}</Title>
        <Group gap="xs">
          <Badge
            style={{ width: "max-content", maxWidth: "none" }}
            color={summary.status === "onTrack" ? "green" : summary.status === "offTrack" ? "red" : "dark"}
            variant={summary.status === "onTrack" || summary.status === "offTrack" ? "filled" : "outline"}
            leftSection={<span aria-hidden="true">{summary.status === "onTrack" ? "✓" : summary.status === "offTrack" ? "✗" : "–"}</span>}
          >
            {t(`indicators.status.${summary.status}`)}
          </Badge>
          {summary.latest ? (
            <Text>
              {t("indicators.detail.latest")}: {withPeriod(summary.latest)} {indicator.unit}
              {summary.target ? ` · ${t("indicators.columns.target")}: ${withPeriod(summary.target)}` : ""}
            </Text>
          ) : null}
        </Group>
      </Stack>
      {saved ? (
        <Alert color="green" role="status">
          {t(
            saved === "unchanged"
              ? "indicators.form.unchanged"
              : saved === "definition"
                ? "indicators.definitionForm.saved"
                : "indicators.form.saved",
          )}
        </Alert>
      ) : null}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Panel
          titleId="indicator-definition"
          title={t("indicators.detail.definition")}
          size="h4"
          actions={
            canDefine ? (
              <Anchor component={Link} to={`/indicators/${indicator.id}/edit`} size="sm" underline="always">
                {t("indicators.definitionForm.editButton")}
              </Anchor>
            ) : null
          }
        >
          <Table variant="vertical" withRowBorders={false}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={180}>{t("indicators.detail.unit")}</Table.Th>
                <Table.Td>{indicator.unit}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t("indicators.detail.source")}</Table.Th>
                <Table.Td>{indicator.source || t("indicators.noValue")}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t("indicators.detail.goodDirection")}</Table.Th>
                <Table.Td>{t(`indicators.direction.${indicator.direction}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t("indicators.detail.resolution")}</Table.Th>
                <Table.Td>{t(`indicators.resolution.${indicator.resolution}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t("indicators.detail.key")}</Table.Th>
                <Table.Td>
                  <code>{indicator.key}</code>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {indicator.descriptionFi ? (
            <Text mt="sm" style={{ whiteSpace: "pre-line" }}>
              {indicator.descriptionFi}
            </Text>
          ) : null}
        </Panel>
        <Panel titleId="indicator-links" title={t("indicators.detail.linked")} size="h4">
          <Title order={3} size="h5" mb={4}>
            {t("indicators.detail.priorityAreas")}
          </Title>
          {detail.priorityAreas.length ? (
            <List mb="sm">
              {detail.priorityAreas.map((pa) => (
                <List.Item key={pa.id}>
                  <Anchor component={Link} to={`/measures?plan=${pa.planId}&priority=${pa.id}`}>
                    {pa.code} {localName(pa, lang)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text mb="sm">{t("indicators.detail.noPriorityAreas")}</Text>
          )}
          <Title order={3} size="h5" mb={4}>
            {t("indicators.detail.measures")}
          </Title>
          {detail.measures.length ? (
            <List>
              {detail.measures.map((m) => (
                <List.Item key={m.id}>
                  <Anchor component={Link} to={`/measures/${m.id}`}>
                    {m.code} <LocalText record={m} field="title" />
                  </Anchor>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text>{t("indicators.detail.noMeasures")}</Text>
          )}
        </Panel>
      </SimpleGrid>

      <Panel titleId="indicator-trend" title={t("indicators.detail.chartTitle")} size="h4">
        {cityTrend.length ? (
          <>
            <Text size="sm" id="indicator-chart-summary" mb="xs">
              {t("indicators.detail.chartSummary")}
            </Text>
            {/* The chart repeats the table below for sighted readers; screen readers and print use the table. */}
            <div aria-hidden="true" className="indicator-chart">
              <LineChart
                h={280}
                data={cityTrend}
                dataKey="period"
                series={[
                  { name: "actual", label: t("indicators.detail.actual"), color: "city.6" },
                  { name: "target", label: t("indicators.detail.target"), color: "orange.6", strokeDasharray: "6 4" },
                ]}
                connectNulls
                withLegend
                curveType="linear"
                unit={indicator.unit === "%" ? " %" : undefined}
                valueFormatter={(value) => fmt.number(value, { maximumFractionDigits: 2 })}
                yAxisProps={{ domain: trendDomain }}
                // A target set for a later period is drawn across the whole chart, so the gap shows.
                referenceLines={
                  summary.target && summary.latest && summary.target.period !== summary.latest.period
                    ? [
                        {
                          y: summary.target.value,
                          color: "orange.6",
                          label: `${t("indicators.detail.target")} ${summary.target.period}`,
                          ifOverflow: "extendDomain",
                        },
                      ]
                    : []
                }
              />
            </div>
            <Table.ScrollContainer minWidth={360} mt="md">
              <Table striped>
                <caption>{t("indicators.detail.tableCaption")}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("indicators.detail.period")}</Table.Th>
                    <FigureHeaders unit={indicator.unit} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cityTrend.map((p) => (
                    <Table.Tr key={p.period} data-period={p.period}>
                      <Table.Th scope="row">{p.period}</Table.Th>
                      <Table.Td ta="right">{figure(p.actualFigure)}</Table.Td>
                      <Table.Td ta="right">{figure(p.targetFigure)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        ) : byArea.some((r) => r.actual !== null) ? (
          // No city-wide series: the values by area of the shown period still get their chart.
          <>
            <Text size="sm" mb="xs" id="indicator-area-chart">
              {t("indicators.bounds.areaChart", { period: areaPeriod })}
            </Text>
            <div aria-hidden="true" className="indicator-chart">
              <BarChart
                h={Math.max(200, 36 * byArea.length)}
                data={byArea.map((r) => ({ area: `${r.area.code} ${localName(r.area, lang)}`, actual: r.actual }))}
                dataKey="area"
                orientation="vertical"
                series={[{ name: "actual", label: t("indicators.detail.actual"), color: "city.6" }]}
                unit={indicator.unit === "%" ? " %" : undefined}
                valueFormatter={(value) => fmt.number(value, { maximumFractionDigits: 2 })}
                xAxisProps={{ domain: areaDomain }}
                yAxisProps={{ width: 160 }}
              />
            </div>
          </>
        ) : (
          <Text>{t("indicators.detail.noValues")}</Text>
        )}
        {hasBounds ? (
          <Text size="sm" mt="xs">
            {t("indicators.bounds.chartNote")}
          </Text>
        ) : null}
      </Panel>

      <Panel titleId="indicator-areas" title={t("indicators.detail.byArea")} size="h4" id="values">
        {areaPeriod ? (
          <Stack>
            {areaPeriods.length > 1 ? (
              <Form method="get" aria-label={t("indicators.detail.areaPeriod")}>
                <Group align="flex-end" gap="xs">
                  <NativeSelect
                    name="areaPeriod"
                    label={t("indicators.detail.areaPeriod")}
                    defaultValue={areaPeriod}
                    data={areaPeriods}
                    key={areaPeriod}
                  />
                  <Button type="submit" variant="light">
                    {t("indicators.detail.show")}
                  </Button>
                </Group>
              </Form>
            ) : null}
            <Table.ScrollContainer minWidth={480}>
              <Table striped>
                <caption>{t("indicators.detail.byAreaCaption", { period: areaPeriod })}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("indicators.detail.area")}</Table.Th>
                    <FigureHeaders unit={indicator.unit} />
                    <Table.Th scope="col">{t("indicators.columns.status")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cityAtAreaPeriod ? (
                    <Table.Tr data-area="city">
                      <Table.Th scope="row">{t("indicators.detail.cityWide")}</Table.Th>
                      <Table.Td ta="right">{figure(cityAtAreaPeriod.actualFigure)}</Table.Td>
                      <Table.Td ta="right">{figure(cityAtAreaPeriod.targetFigure)}</Table.Td>
                      <Table.Td>{t("indicators.noValue")}</Table.Td>
                    </Table.Tr>
                  ) : null}
                  {byArea.map((row) => (
                    <Table.Tr key={row.area.id} data-area={row.area.code}>
                      <Table.Th scope="row">
                        {row.area.code} {localName(row.area, lang)}
                      </Table.Th>
                      <Table.Td ta="right">{figure(row.actualFigure)}</Table.Td>
                      <Table.Td ta="right">{figure(row.targetFigure)}</Table.Td>
                      <Table.Td>{statusText(row.status)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        ) : (
          <Text>{t("indicators.detail.noAreaValues")}</Text>
        )}
      </Panel>

      {canManage ? (
        <ValueForm key={location.key} resolution={indicator.resolution} unit={indicator.unit} areaOptions={areaOptions} />
      ) : null}
    </Stack>
  );
}

type AreaOption = { id: number; level: string; code: string; nameFi: string; nameSv: string | null };

/** Keyed by the location, so a successful save (a redirect) starts an empty form. */
function ValueForm({ resolution, unit, areaOptions }: { resolution: Resolution; unit: string; areaOptions: AreaOption[] }) {
  const { t, i18n } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const schema = indicatorValueSchema(resolution, unit);
  const [form, fields] = useZodForm(schema, {
    id: "indicator-value",
    lastResult: actionData?.result,
    defaultValue: { kind: "actual", areaId: "" },
    shouldRevalidate: "onInput",
  });
  const label = (a: AreaOption) => `${a.code} ${localName(a, i18n.language)}`;
  const areaData = [
    { value: "", label: t("indicators.detail.cityWide") },
    {
      group: t("indicators.form.majorDistricts"),
      items: areaOptions.filter((a) => a.level === "major_district").map((a) => ({ value: String(a.id), label: label(a) })),
    },
    {
      group: t("indicators.form.districts"),
      items: areaOptions.filter((a) => a.level === "district").map((a) => ({ value: String(a.id), label: label(a) })),
    },
  ];
  return (
    <Panel titleId="indicator-form" title={t("indicators.form.heading")} size="h4" mb="xs">
      <Text size="sm" mb="sm">
        {t("indicators.form.intro")}
      </Text>
      <Form method="post" {...getFormProps(form)} aria-labelledby="indicator-form">
        <Stack maw={720}>
          <FormErrors errors={form.errors} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <FieldTextInput
              field={fields.period}
              label={t("indicators.form.period")}
              description={t(resolution === "year" ? "indicators.form.periodHelpYear" : "indicators.form.periodHelpMonth")}
              inputMode={resolution === "year" ? "numeric" : "text"}
              autoComplete="off"
              required
            />
            <FieldSelect
              field={fields.areaId}
              label={t("indicators.form.area")}
              description={t("indicators.form.areaHelp")}
              data={areaData}
            />
            <FieldTextInput
              field={fields.value}
              label={`${t("indicators.form.value")} (${unit})`}
              description={t("indicators.form.valueHelp")}
              autoComplete="off"
              required
            />
            <FieldSelect
              field={fields.kind}
              label={t("indicators.form.kind")}
              data={[
                { value: "actual", label: t("indicators.form.kinds.actual") },
                { value: "target", label: t("indicators.form.kinds.target") },
              ]}
            />
          </SimpleGrid>
          <SubmitRow label={t("indicators.form.submit")} busy={navigation.state === "submitting"} />
        </Stack>
      </Form>
    </Panel>
  );
}

/** The actual and target columns' headers, each with the unit, in both tables of figures. */
function FigureHeaders({ unit }: { unit: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th scope="col" ta="right">
        {t("indicators.detail.actual")} ({unit})
      </Table.Th>
      <Table.Th scope="col" ta="right">
        {t("indicators.detail.target")} ({unit})
      </Table.Th>
    </>
  );
}
