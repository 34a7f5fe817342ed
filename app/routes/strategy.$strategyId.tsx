import { Anchor, Group, List, Stack, Table, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { getViewer, idParam, notFound } from "~/server/people/guard.server";
import { can } from "~/server/people/permissions.server";
import { currentPlan, getStrategyWithGoals, goalMeasureCounts, listPlansForStrategy } from "~/server/city/plans.server";
import { useFormat } from "~/ui/format";
import { PlanStatusBadge } from "~/ui/plans/PlanStatusBadge";
import { localDescription, measureListHref } from "~/ui/plans/text";
import { languageOf, pageTitle } from "~/i18n/page-title";
import { Panel } from "~/ui/Panel";
import { TableHead, numberColumn } from "~/ui/TableParts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "titles.strategy", { name: data ? localName(data.strategy, languageOf(matches)) : null });

/** The council's strategy programme: public context for everyone, with the plan measures serving each goal. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const publicOnly = !can(viewer, { kind: "measure.viewAll" });
  const strategy = getStrategyWithGoals(idParam(params.strategyId));
  if (!strategy) notFound();
  const plans = listPlansForStrategy(strategy.id, { publicOnly });
  // Counts are for one plan, the one the links open: the current plan if it serves this strategy.
  const current = currentPlan({ publicOnly });
  const plan = current && current.strategyId === strategy.id ? plans.find((p) => p.id === current.id)! : (plans[0] ?? null);
  return json({
    strategy,
    plans,
    plan,
    counts: plan ? goalMeasureCounts(strategy.id, plan.id, { publicOnly }) : {},
    canManage: can(viewer, { kind: "plan.manage" }),
  });
}

export default function StrategyPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const lang = i18n.language;
  const { strategy, plans, plan, counts, canManage } = useLoaderData<typeof loader>();
  const description = localDescription(strategy, lang);
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{localName(strategy, lang)}</Title>
        <Text>{t("plans.strategyTerm", { start: strategy.termStartYear, end: strategy.termEndYear })}</Text>
        {canManage ? (
          <Anchor component={Link} to={`/admin/strategy?strategy=${strategy.id}`}>
            {t("plans.manageStrategy")}
          </Anchor>
        ) : null}
        {description ? (
          <Text maw={760} style={{ whiteSpace: "pre-line" }}>
            {description}
          </Text>
        ) : null}
      </Stack>

      <Panel titleId="strategy-goals" title={t("plans.goalsTitle")} mb="xs" plain>
        {strategy.goals.length === 0 ? (
          <Text>{t("plans.noGoals")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped withTableBorder>
              <caption>{plan ? t("plans.goalsCaptionWithPlan", { plan: localName(plan, lang) }) : t("plans.goalsCaption")}</caption>
              <TableHead scoped columns={[t("plans.code"), t("plans.goal"), ...(plan ? [numberColumn(t("plans.linkedMeasures"))] : [])]} />
              <Table.Tbody>
                {strategy.goals.map((g) => {
                  const n = counts[g.id] ?? 0;
                  return (
                    <Table.Tr key={g.id}>
                      <Table.Td>{g.code}</Table.Td>
                      <Table.Th scope="row" fw="normal">
                        {localName(g, lang)}
                        {g.descriptionFi ? (
                          <Text size="sm" c="dimmed">
                            {g.descriptionFi}
                          </Text>
                        ) : null}
                      </Table.Th>
                      {plan ? (
                        <Table.Td ta="right">
                          {n === 0 ? (
                            "0"
                          ) : (
                            <Anchor
                              component={Link}
                              to={measureListHref(plan.id, { goal: g.id })}
                              aria-label={t("plans.goalCountLabel", { count: n, goal: localName(g, lang) })}
                            >
                              {n}
                            </Anchor>
                          )}
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Panel>

      <Panel titleId="strategy-plans" title={t("plans.plansServing")} mb="xs" plain>
        {plans.length === 0 ? (
          <Text>{t("plans.noPlansServing")}</Text>
        ) : (
          <List spacing="xs">
            {plans.map((p) => (
              <List.Item key={p.id}>
                <Group gap="xs">
                  <Anchor component={Link} to={`/plans/${p.id}`}>
                    {localName(p, lang)}
                  </Anchor>
                  <Text span size="sm">
                    {t("plans.periodRange", { start: fmt.date(p.periodStart), end: fmt.date(p.periodEnd) })}
                  </Text>
                  <PlanStatusBadge status={p.status} />
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Panel>
    </Stack>
  );
}
