import { Anchor, Button, Card, Group, List, Paper, Progress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localName, namesFrom } from "~/i18n/names";
import { listAllAreas } from "~/server/city/areas.server";
import { currentPlan } from "~/server/city/plans.server";
import { listPublishedPlans } from "~/server/neighbourhood/neighbourhood.server";
import { getViewer } from "~/server/people/guard.server";
import { homePathFor } from "~/server/people/permissions.server";
import { pageTitle } from "~/i18n/page-title";
import { publicPlanProgress } from "~/server/steering/summary.server";
import { useFormat } from "~/ui/format";
import { PlanList } from "~/ui/neighbourhood/parts";
import { summaryListHref } from "~/ui/summary-links";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

/** How many of the newest published residents' safety plans the front page names. */
const NEWEST_PLANS = 5;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.home");

/**
 * The city's picture is the same for every reader, signed in or not: the published plan in force
 * and its public measures only, so nothing here depends on who is looking (staff see their drafts
 * on their own pages).
 */
function publicPicture() {
  const plan = currentPlan({ publicOnly: true });
  const figures = plan ? publicPlanProgress(plan.id) : null;
  return {
    plan: plan
      ? {
          id: plan.id,
          ...namesFrom(plan),
          periodStart: plan.periodStart,
          periodEnd: plan.periodEnd,
        }
      : null,
    figures: figures
      ? {
          total: figures.totals.total,
          completed: figures.totals.counts.completed,
          late: figures.totals.late,
          progress: figures.progress,
          // The measures without a priority area count in the totals, but are no area of their own.
          areas: figures.areas
            .filter((a) => a.id !== null)
            .map((a) => ({
              id: a.id as number,
              code: a.code,
              nameFi: a.nameFi ?? "",
              nameSv: a.nameSv,
              nameEn: a.nameEn,
              total: a.total,
              progress: a.progress,
            })),
        }
      : null,
    newestPlans: listPublishedPlans({ includeArchived: false, pageSize: NEWEST_PLANS }).rows,
    majorDistricts: listAllAreas()
      .filter((a) => a.level === "major_district" && !a.former)
      .map((a) => ({ id: a.id, code: a.code, nameFi: a.nameFi, nameSv: a.nameSv })),
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  return json({ signedIn: !!viewer, home: viewer ? homePathFor(viewer) : null, picture: publicPicture() });
}

/** The public front page: what the platform is and where each visitor goes next. */
export default function FrontPage() {
  const { t } = useTranslation();
  const { signedIn, home, picture } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const levels = ["strategy", "city", "neighbourhood"] as const;
  return (
    <Stack gap="xl" py="md">
      <Notice message={params.get("accountDeleted") ? t("account.deleted") : null} maw={760} />
      <Stack gap="sm" maw={760}>
        <Title order={1}>{t("front.title")}</Title>
        <Text size="lg">{t("front.lead")}</Text>
        <Group>
          {signedIn && home ? (
            <Button component={Link} to={home}>
              {t("front.toWorkspace")}
            </Button>
          ) : (
            <>
              <Button component={Link} to="/register">
                {t("front.registerCta")}
              </Button>
              <Button component={Link} to="/login" variant="outline">
                {t("auth.signIn")}
              </Button>
            </>
          )}
        </Group>
      </Stack>
      <CityPicture picture={picture} />
      <Panel titleId="levels-heading" title={t("front.levelsTitle")} size="h2" mb="md" plain>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {levels.map((level, index) => (
            <Card key={level} withBorder padding="lg">
              <Text fw={700} c="city.8">
                {index + 1}.
              </Text>
              <Title order={3} size="h4">
                {t(`front.levels.${level}.title`)}
              </Title>
              <Text mt="xs">{t(`front.levels.${level}.body`)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </Panel>
      <Text size="sm">
        {t("front.publicNote")}{" "}
        <Anchor component={Link} to="/accessibility">
          {t("footer.accessibility")}
        </Anchor>
      </Text>
    </Stack>
  );
}

type Picture = ReturnType<typeof useLoaderData<typeof loader>>["picture"];

/** Kausal Watch's public front page, Lähiturva's way: the plan in force, its areas, the residents' plans. */
function CityPicture({ picture }: { picture: Picture }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const lang = i18n.language;
  const { plan, figures, newestPlans, majorDistricts } = picture;
  return (
    <Stack gap="lg">
      <Title order={2} id="picture-heading">
        {t("publicSite.picture.title")}
      </Title>
      <Paper withBorder p="lg" component="section" aria-labelledby="plan-in-force">
        {plan && figures ? (
          <Stack gap="sm">
            <Text size="sm" fw={600} c="city.8">
              {t("publicSite.picture.planInForce")}
            </Text>
            <Title order={3} id="plan-in-force">
              <Anchor component={Link} to={`/plans/${plan.id}`} underline="always" inherit>
                {localName(plan, lang)}
              </Anchor>
            </Title>
            <Text size="sm">
              {t("plans.period")}: {t("plans.periodRange", { start: fmt.date(plan.periodStart), end: fmt.date(plan.periodEnd) })}
            </Text>
            <div>
              <Text fw={600}>{t("publicSite.picture.progressLabel")}</Text>
              {figures.progress == null ? (
                <Text>{t("publicSite.picture.noProgress")}</Text>
              ) : (
                <>
                  <Text size="xl" fw={700}>
                    {t("publicSite.picture.progressValue", { value: fmt.number(figures.progress) })}
                  </Text>
                  <Progress value={figures.progress} aria-hidden size="lg" maw={480} />
                  <Text size="sm" c="dimmed" mt={4}>
                    {t("publicSite.picture.progressNote")}
                  </Text>
                </>
              )}
            </div>
            <List spacing={2}>
              <List.Item>
                <Anchor component={Link} to={summaryListHref(plan.id, {})} underline="always">
                  {t("publicSite.picture.measureCount", { count: figures.total })}
                </Anchor>
              </List.Item>
              <List.Item>{t("publicSite.picture.completedCount", { count: figures.completed })}</List.Item>
              <List.Item>{t("publicSite.picture.lateCount", { count: figures.late })}</List.Item>
            </List>
            <Group gap="md">
              <Anchor component={Link} to={`/plans/${plan.id}`} underline="always">
                {t("publicSite.picture.openPlan")}
              </Anchor>
              <Anchor component={Link} to={summaryListHref(plan.id, {})} underline="always">
                {t("publicSite.picture.allMeasures")}
              </Anchor>
            </Group>
          </Stack>
        ) : (
          <Text id="plan-in-force">{t("publicSite.picture.noPlan")}</Text>
        )}
      </Paper>
      {plan && figures && figures.areas.length ? (
        <Panel titleId="priority-areas-heading" title={t("publicSite.picture.priorityAreasTitle")} order={3} size="h3" plain>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {figures.areas.map((a) => (
              <Card key={a.id} withBorder padding="md" component="li">
                <Title order={4} size="h5">
                  {a.code ? `${a.code} ` : ""}
                  {localName(a, lang)}
                </Title>
                {a.total ? (
                  <Anchor component={Link} to={summaryListHref(plan.id, { priority: a.id })} underline="always" size="sm">
                    {t("publicSite.picture.priorityAreaMeasures", { count: a.total })}
                  </Anchor>
                ) : (
                  <Text size="sm">{t("publicSite.picture.priorityAreaMeasures", { count: 0 })}</Text>
                )}
                {a.progress == null ? null : (
                  <>
                    <Text size="sm" mt={4}>
                      {t("publicSite.picture.priorityAreaProgress", { value: fmt.number(a.progress) })}
                    </Text>
                    <Progress value={a.progress} aria-hidden size="sm" />
                  </>
                )}
              </Card>
            ))}
          </SimpleGrid>
        </Panel>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Panel titleId="newest-plans-heading" title={t("publicSite.picture.newestPlansTitle")} order={3} size="h3" padding="lg">
          <PlanList plans={newestPlans} empty={t("publicSite.picture.noPlans")} />
          <Anchor component={Link} to="/neighbourhood-plans" underline="always" display="inline-block" mt="sm">
            {t("publicSite.picture.allPlans")}
          </Anchor>
        </Panel>
        <Panel titleId="areas-heading" title={t("publicSite.picture.areasTitle")} order={3} size="h3" padding="lg">
          <Text mb="sm">{t("publicSite.picture.areasBody")}</Text>
          <List spacing={2} mb="sm">
            {majorDistricts.map((a) => (
              <List.Item key={a.id}>
                <Anchor component={Link} to={`/areas/${a.id}`} underline="always">
                  {localName(a, lang)}
                </Anchor>
              </List.Item>
            ))}
          </List>
          <Anchor component={Link} to="/areas" underline="always">
            {t("publicSite.picture.areasLink")}
          </Anchor>
        </Panel>
      </SimpleGrid>
    </Stack>
  );
}
