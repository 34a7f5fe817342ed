// The indicator list for staff: grouped by the current plan's priority areas, each with its latest
// city-wide value against the target, an on-track marker in words, and the trend.
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localName, namesFrom } from "~/i18n/names";
import { translatorFor } from "~/i18n/i18n.server";
import { authorize } from "~/server/people/guard.server";
import { listIndicators, type IndicatorSummary, type TrackStatus } from "~/server/city/indicators.server";
import { can } from "~/server/people/permissions.server";
import { currentPlan, listPriorityAreas } from "~/server/city/plans.server";
import { useFigureText, type FigureView } from "~/ui/indicators/figures";
import { DataTable } from "~/ui/TableParts";
import { Panel } from "~/ui/Panel";
import { PageHeading } from "~/ui/PageHeading";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} – Lähiturva` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "indicator.view" });
  const t = await translatorFor(request);
  const plan = currentPlan({ publicOnly: false });
  const all = listIndicators();
  const planAreas = plan ? listPriorityAreas(plan.id) : [];
  // An indicator that follows two priority areas is listed under both: each group is read on its own.
  const groups = planAreas
    .map((pa) => ({
      priorityArea: { id: pa.id, code: pa.code, ...namesFrom(pa) },
      indicators: all.filter((i) => i.priorityAreas.some((p) => p.id === pa.id)),
    }))
    .filter((g) => g.indicators.length);
  const grouped = new Set(groups.flatMap((g) => g.indicators.map((i) => i.id)));
  return json({
    pageTitle: t("indicators.listTitle"),
    groups,
    other: all.filter((i) => !grouped.has(i.id)),
    total: all.length,
    canManage: can(viewer, { kind: "indicator.manage" }),
    canDefine: can(viewer, { kind: "indicator.define" }),
  });
}

const STATUS_STYLE: Record<TrackStatus, { color: string; variant: "filled" | "outline"; symbol: string }> = {
  onTrack: { color: "green", variant: "filled", symbol: "✓" },
  offTrack: { color: "red", variant: "filled", symbol: "✗" },
  noTarget: { color: "dark", variant: "outline", symbol: "–" },
  noData: { color: "dark", variant: "outline", symbol: "–" },
};

/** On track or not, in words; the symbol and colour only repeat what the words say. */
function TrackBadge({ status }: { status: TrackStatus }) {
  const { t } = useTranslation();
  const style = STATUS_STYLE[status];
  return (
    <Badge
      color={style.color}
      variant={style.variant}
      style={{ width: "max-content", maxWidth: "none" }}
      leftSection={<span aria-hidden="true">{style.symbol}</span>}
    >
      {t(`indicators.status.${status}`)}
    </Badge>
  );
}

type Row = IndicatorSummary;

function IndicatorTable({ caption, rows }: { caption: string; rows: Row[] }) {
  const { t, i18n } = useTranslation();
  const figure = useFigureText();
  // A value as published and the period it is for: "56,4 (2025)", "yli 80 (2025)".
  const withPeriod = (p: FigureView & { period: string }) => `${figure(p)} (${p.period})`;
  return (
    <DataTable
      caption={caption}
      minWidth={900}
      verticalSpacing="sm"
      columns={[
        t("indicators.columns.name"),
        t("indicators.columns.unit"),
        { label: t("indicators.columns.latest"), alignRight: true },
        { label: t("indicators.columns.target"), alignRight: true },
        t("indicators.columns.status"),
        t("indicators.columns.trend"),
        t("indicators.columns.source"),
      ]}
      scoped
    >
      {rows.map((i) => (
        <Table.Tr key={i.id} data-indicator={i.key}>
          <Table.Td>
            <Anchor component={Link} to={`/indicators/${i.id}`}>
              {localName(i, i18n.language)}
            </Anchor>
          </Table.Td>
          <Table.Td>{i.unit}</Table.Td>
          <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
            {i.latest ? withPeriod(i.latest) : t("indicators.noValue")}
          </Table.Td>
          <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
            {i.target ? withPeriod(i.target) : t("indicators.noValue")}
          </Table.Td>
          <Table.Td style={{ whiteSpace: "nowrap" }}>
            <TrackBadge status={i.status} />
          </Table.Td>
          <Table.Td>
            {i.trend && i.previous ? (
              <>
                <Text span>
                  <span aria-hidden="true">{i.trend === "up" ? "↑ " : i.trend === "down" ? "↓ " : "→ "}</span>
                  {t(`indicators.trend.${i.trend}`)}
                  {i.improving !== null ? `, ${t(i.improving ? "indicators.trend.improving" : "indicators.trend.worsening")}` : ""}
                </Text>
                <Text size="sm" c="dimmed">
                  {t("indicators.trend.since", { period: i.previous.period, value: figure(i.previous) })}
                </Text>
              </>
            ) : (
              t("indicators.trend.none")
            )}
          </Table.Td>
          <Table.Td>
            <Text size="sm">{i.source}</Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

export default function IndicatorList() {
  const { t, i18n } = useTranslation();
  const { groups, other, total, canManage, canDefine } = useLoaderData<typeof loader>();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageHeading title={t("indicators.listTitle")} intro={t("indicators.intro")} />
          {/* The automatic indicator counted from residents' map observations. */}
          <Anchor component={Link} to="/observations/numbers" underline="always" size="sm">
            {t("observations.numbers.link")}
          </Anchor>
        </div>
        <Group gap="sm">
          {canDefine ? (
            <Button component={Link} to="/indicators/new">
              {t("indicators.definitionForm.newButton")}
            </Button>
          ) : null}
          {canManage ? (
            <Button component={Link} to="/indicators/import" variant="light">
              {t("indicators.importValues")}
            </Button>
          ) : null}
        </Group>
      </Group>
      {total === 0 ? <Text>{t("indicators.noIndicators")}</Text> : null}
      {groups.map((g) => {
        const name = `${g.priorityArea.code} ${localName(g.priorityArea, i18n.language)}`;
        return (
          <Paper key={g.priorityArea.id} withBorder p="md" component="section" aria-labelledby={`pa-${g.priorityArea.id}`}>
            <Title order={2} size="h3" id={`pa-${g.priorityArea.id}`} mb="sm">
              {name}
            </Title>
            <IndicatorTable caption={t("indicators.groupCaption", { name })} rows={g.indicators} />
          </Paper>
        );
      })}
      {other.length ? (
        <Panel titleId="pa-other" title={t("indicators.otherGroup")}>
          <IndicatorTable caption={t("indicators.otherGroup")} rows={other} />
        </Panel>
      ) : null}
    </Stack>
  );
}
