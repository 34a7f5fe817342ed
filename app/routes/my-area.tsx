import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { detectLanguage } from "~/i18n/i18n.server";
import { localField, localName } from "~/i18n/names";
import { authorize } from "~/server/people/guard.server";
import { listMeasures } from "~/server/city/measures.server";
import { listMyPlans, listPlansInAreas } from "~/server/neighbourhood/neighbourhood.server";
import { can } from "~/server/people/permissions.server";
import { currentPlan } from "~/server/city/plans.server";
import { homeAreasOf } from "~/server/workspaces/workspaces.server";
import { StatusBadge } from "~/ui/measures/badges";
import { PlanList } from "~/ui/neighbourhood/parts";
import { LangText } from "~/ui/LocalText";
import { pageTitle } from "~/i18n/page-title";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "myArea.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "myArea.view" });
  const publicOnly = !can(viewer, { kind: "measure.viewAll" });
  const lang = await detectLanguage(request);
  const cityPlan = currentPlan({ publicOnly });
  const homes = homeAreasOf(viewer).map((home) => {
    // Published plans of the area (and the areas within it) plus the resident's own: the newest
    // here, all of them on the area's page.
    const plans = listPlansInAreas([home.area.id], viewer.id);
    const measures = cityPlan ? listMeasures({ planId: cityPlan.id, areaId: home.area.id }, { publicOnly }) : null;
    return {
      ...home,
      plans: plans.rows,
      planTotal: plans.total,
      measures: (measures?.rows ?? []).map((m) => ({ id: m.id, code: m.code, title: localField(m, "title", lang), status: m.status })),
      measureTotal: measures?.total ?? 0,
      canStartPlan: can(viewer, { kind: "neighbourhoodPlan.create", areaId: home.area.id }),
    };
  });
  return json({ homes, myPlans: listMyPlans(viewer.id), cityPlanId: cityPlan?.id ?? null });
}

/** "Oma alue": the resident's own neighbourhood, its plans and the city's measures there. */
export default function MyAreaPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { homes, myPlans, cityPlanId } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <Stack gap="lg">
      <Title order={1}>{t("myArea.title")}</Title>
      <Notice message={params.get("welcome") ? t("myArea.welcome") : null} />
      <Text maw={760}>{t("myArea.intro")}</Text>
      {homes.map(({ area, parent, networks, plans, planTotal, measures, measureTotal, canStartPlan }) => (
        <Paper key={area.id} withBorder p="lg" component="section" aria-labelledby={`area-${area.id}`}>
          <Group justify="space-between" align="start">
            <div>
              <Title order={2} size="h3" id={`area-${area.id}`}>
                {localName(area, lang)}
              </Title>
              <Text size="sm" c="dimmed">
                {t(`areaLevels.${area.level}`)} {area.code}
                {parent ? ` · ${localName(parent, lang)}` : ""}
              </Text>
              <Anchor component={Link} to={`/areas/${area.id}`} size="sm" underline="always">
                {t("neighbourhood.myArea.areaPage")}
              </Anchor>
            </div>
            {canStartPlan ? (
              <Button component={Link} to={`/neighbourhood-plans/new?area=${area.id}`}>
                {t("neighbourhood.myArea.startPlan")}
              </Button>
            ) : null}
          </Group>
          <Title order={3} size="h4" mt="md">
            {t("myArea.networks")}
          </Title>
          {networks.length ? (
            <Group gap="xs" mt="xs">
              {networks.map((n) => (
                <Badge key={n.id} variant="light">
                  {localName(n, lang)}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text>{t("myArea.noNetwork")}</Text>
          )}
          <Title order={3} size="h4" mt="md" mb="xs">
            {t("neighbourhood.myArea.plansTitle")}
          </Title>
          <PlanList plans={plans} empty={t("neighbourhood.myArea.noPlans")} />
          {planTotal > plans.length ? (
            <Anchor component={Link} to={`/areas/${area.id}`} size="sm" underline="always" mt="xs" display="inline-block">
              {t("neighbourhood.myArea.allPlans", { count: planTotal })}
            </Anchor>
          ) : null}
          <Title order={3} size="h4" mt="md" mb="xs">
            {t("neighbourhood.myArea.measuresTitle")}
          </Title>
          {measures.length ? (
            <List spacing={4} size="sm">
              {measures.map((m) => (
                <List.Item key={m.id}>
                  <Group gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/measures/${m.id}`} underline="always">
                      {m.code} <LangText value={m.title} />
                    </Anchor>
                    <StatusBadge status={m.status} />
                  </Group>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text>{t("neighbourhood.myArea.noMeasures")}</Text>
          )}
          {cityPlanId && measures.length ? (
            <Anchor
              component={Link}
              to={`/measures?plan=${cityPlanId}&area=${area.id}`}
              size="sm"
              underline="always"
              mt="xs"
              display="inline-block"
            >
              {measureTotal > measures.length
                ? t("neighbourhood.myArea.allMeasures", { count: measureTotal })
                : t("neighbourhood.area.allMeasures")}
            </Anchor>
          ) : null}
        </Paper>
      ))}
      <Panel titleId="my-plans" title={t("neighbourhood.myArea.myPlans")} padding="lg">
        <PlanList plans={myPlans} empty={t("neighbourhood.myArea.noMyPlans")} />
      </Panel>
    </Stack>
  );
}
