// An area's public page: where it sits in the hierarchy, the networks that cover it, the city
// measures aimed at it (or at the areas above or below it), and its residents' published plans.
import { Alert, Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { detectLanguage } from "~/i18n/i18n.server";
import { localField, localName, namesFrom } from "~/i18n/names";
import { areaAncestors, areaChildren, getArea, networksCoveringArea } from "~/server/city/areas.server";
import { getViewer, idParam, notFound } from "~/server/people/guard.server";
import { pageParam } from "~/server/platform/paging";
import { listMeasures } from "~/server/city/measures.server";
import { listPlansInAreas } from "~/server/neighbourhood/neighbourhood.server";
import { can } from "~/server/people/permissions.server";
import { currentPlan } from "~/server/city/plans.server";
import { StatusBadge } from "~/ui/measures/badges";
import { PlanList } from "~/ui/neighbourhood/parts";
import { linkedObservations, observationsForArea } from "~/server/observations/observations.server";
import { LinkedObservations } from "~/ui/observations/parts";
import { FormerAreaBadge } from "~/ui/FormerAreaBadge";
import { useFormat } from "~/ui/format";
import { Pager } from "~/ui/Pager";
import { LangText } from "~/ui/LocalText";
import { languageOf, pageTitle } from "~/i18n/page-title";
import { DataTable } from "~/ui/TableParts";
import { Panel } from "~/ui/Panel";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "titles.area", { name: data ? localName(data.area, languageOf(matches)) : null });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const area = getArea(idParam(params.areaId));
  if (!area) notFound();
  const publicOnly = !can(viewer, { kind: "measure.viewAll" });
  const cityPlan = currentPlan({ publicOnly });
  // Both lists are paged: a district of a large city has hundreds of measures and plans.
  const measurePage = cityPlan
    ? listMeasures({ planId: cityPlan.id, areaId: area.id, page: pageParam(request.url, "measuresPage") }, { publicOnly })
    : null;
  const lang = await detectLanguage(request);
  const measures = measurePage?.rows ?? [];
  return json({
    area,
    ancestors: areaAncestors(area.id),
    children: areaChildren(area.id),
    networks: networksCoveringArea(area.id).map((n) => ({ ...n, canOpen: can(viewer, { kind: "network.view", groupId: n.id }) })),
    cityPlan: cityPlan ? { id: cityPlan.id, ...namesFrom(cityPlan) } : null,
    // The title in the reader's language (or Finnish, marked as such): the page needs no other version.
    measures: measures.map((m) => ({
      id: m.id,
      code: m.code,
      title: localField(m, "title", lang),
      status: m.status,
      ownerNameFi: m.ownerNameFi,
      ownerNameSv: m.ownerNameSv,
      ownerNameEn: m.ownerNameEn,
    })),
    measurePaging: measurePage ? { page: measurePage.page, pageCount: measurePage.pageCount, total: measurePage.total } : null,
    plans: listPlansInAreas([area.id], viewer?.id ?? null, { page: pageParam(request.url, "plansPage") }),
    // A former area keeps its history, but no new plan is started for it.
    canStartPlan: !area.former && can(viewer, { kind: "neighbourhoodPlan.create", areaId: area.id }),
    // The newest published map observations in the area and the areas below it.
    ...linkedObservations(observationsForArea(area.id, undefined, 10)),
  });
}

export default function AreaPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const lang = i18n.language;
  const {
    area,
    ancestors,
    children,
    networks,
    cityPlan,
    measures,
    measurePaging,
    plans,
    canStartPlan,
    observations,
    observationCategories,
  } = useLoaderData<typeof loader>();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        {ancestors.length ? (
          <nav aria-label={t("neighbourhood.area.partOf")}>
            <Group gap={6}>
              {ancestors.map((a, i) => (
                <Text key={a.id} size="sm" span>
                  {i > 0 ? "› " : ""}
                  <Anchor component={Link} to={`/areas/${a.id}`} underline="always">
                    {localName(a, lang)}
                  </Anchor>
                </Text>
              ))}
            </Group>
          </nav>
        ) : null}
        <Title order={1}>{localName(area, lang)}</Title>
        <Text size="sm" c="dimmed">
          {t(`areaLevels.${area.level}`)} {area.code}
          {lang !== "sv" && area.nameSv ? ` · ${area.nameSv}` : lang === "sv" && area.nameSv ? ` · ${area.nameFi}` : ""}
        </Text>
        {area.former ? (
          <Alert color="gray" variant="light" data-testid="former-area">
            {t("cityData.formerUntil", { date: area.validUntil ? fmt.date(area.validUntil) : "–" })}
          </Alert>
        ) : null}
      </Stack>
      {canStartPlan ? (
        <Group>
          <Button component={Link} to={`/neighbourhood-plans/new?area=${area.id}`}>
            {t("neighbourhood.myArea.startPlan")}
          </Button>
        </Group>
      ) : null}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Panel titleId="area-networks" title={t("neighbourhood.area.networks")} padding="lg">
          {networks.length ? (
            <List spacing="xs">
              {networks.map((n) => (
                <List.Item key={n.id}>
                  {n.canOpen ? (
                    <Anchor component={Link} to={`/networks/${n.id}`} underline="always">
                      {localName(n, lang)}
                    </Anchor>
                  ) : (
                    localName(n, lang)
                  )}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text>{t("neighbourhood.area.noNetworks")}</Text>
          )}
        </Panel>
        <Panel titleId="area-children" title={t("neighbourhood.area.subAreas")} padding="lg">
          {children.length ? (
            <List spacing="xs">
              {children.map((c) => (
                <List.Item key={c.id}>
                  <Anchor component={Link} to={`/areas/${c.id}`} underline="always">
                    {localName(c, lang)}
                  </Anchor>{" "}
                  <Text span size="sm" c="dimmed">
                    ({t(`areaLevels.${c.level}`)} {c.code})
                  </Text>
                  <FormerAreaBadge former={c.former} />
                </List.Item>
              ))}
            </List>
          ) : (
            <Text>{t("neighbourhood.area.noSubAreas")}</Text>
          )}
        </Panel>
      </SimpleGrid>

      <Panel titleId="area-plans" title={t("neighbourhood.area.plans")} padding="lg">
        <PlanList plans={plans.rows} empty={t("neighbourhood.area.noPlans")} />
        {plans.total ? <Pager page={plans.page} pageCount={plans.pageCount} total={plans.total} param="plansPage" /> : null}
      </Panel>

      <Paper withBorder p="lg">
        <LinkedObservations
          items={observations}
          categories={observationCategories}
          title={t("observations.area.title")}
          empty={t("observations.area.none")}
          more={{ to: `/observations?area=${area.id}`, label: t("observations.area.all") }}
        />
      </Paper>

      <Panel titleId="area-measures" title={t("neighbourhood.area.measures")} mb={0} padding="lg">
        <Text size="sm" c="dimmed" mb="sm">
          {t("neighbourhood.area.measuresHelp")}
          {cityPlan ? ` ${localName(cityPlan, lang)}.` : ""}
        </Text>
        {measures.length ? (
          <DataTable
            caption={t("neighbourhood.area.measuresCaption", { area: localName(area, lang) })}
            showCaption
            minWidth={560}
            columns={[t("measures.code"), t("measures.title"), t("measures.owner"), t("measures.statusLabel")]}
            scoped
          >
            {measures.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.code}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/measures/${m.id}`} underline="always">
                    <LangText value={m.title} />
                  </Anchor>
                </Table.Td>
                <Table.Td>{localName({ nameFi: m.ownerNameFi, nameSv: m.ownerNameSv, nameEn: m.ownerNameEn }, lang)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={m.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        ) : (
          <Text>{t("neighbourhood.area.noMeasures")}</Text>
        )}
        {measurePaging && measures.length ? (
          <Pager page={measurePaging.page} pageCount={measurePaging.pageCount} total={measurePaging.total} param="measuresPage" />
        ) : null}
        {cityPlan && measures.length ? (
          <Group mt="sm">
            <Anchor component={Link} to={`/measures?plan=${cityPlan.id}&area=${area.id}`} size="sm" underline="always">
              {t("neighbourhood.area.allMeasures")}
            </Anchor>
          </Group>
        ) : null}
      </Panel>
    </Stack>
  );
}
