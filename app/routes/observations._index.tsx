// /observations: the public map of safety observations and its list view, with the same filters:
// approved observations only, each point coarsened to a ~50 m grid and grouped, open and handled
// ones told apart by shape and words. A signed-in reader also sees their own reports and states.
import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PublicObservationFilterSchema } from "~/forms/observations";
import { localName } from "~/i18n/names";
import { pageTitle } from "~/i18n/page-title";
import {
  listCategories,
  listedObservation,
  mapShapes,
  myObservations,
  publicObservations,
  mapTiles,
} from "~/server/observations/observations.server";
import { getViewer } from "~/server/people/guard.server";
import { can } from "~/server/people/permissions.server";
import { ObservationMap } from "~/ui/observations/ObservationMap";
import { ApproximateNote, clusterMarkers, MapLegend, ObservationTable } from "~/ui/observations/parts";
import { Panel } from "~/ui/Panel";
import { PageHeading } from "~/ui/PageHeading";
import { FilterForm } from "~/ui/FilterForm";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "observations.public.title");

const LIST_LIMIT = 200;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const filter = PublicObservationFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { items, clusters } = publicObservations({ categoryId: filter.category, status: filter.status, areaId: filter.area });
  const { shapes, approximate } = mapShapes(["major_district", "district"]);
  return json({
    filter,
    items: items.slice(0, LIST_LIMIT).map((o) => listedObservation({ ...o, review: "approved" as const })),
    total: items.length,
    clusters,
    shapes,
    approximate,
    districts: shapes.filter((s) => s.level === "district").map((s) => ({ id: s.id, nameFi: s.nameFi, nameSv: s.nameSv })),
    categories: listCategories({ includeRetired: true }),
    tiles: mapTiles(),
    signedIn: !!viewer,
    mine: viewer ? myObservations(viewer.id).map(listedObservation) : [],
    canManage: can(viewer, { kind: "observation.staffView" }),
  });
}

export default function PublicObservations() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const data = useLoaderData<typeof loader>();
  const { filter } = data;
  const districts = [...data.districts].sort((a, b) => localName(a, lang).localeCompare(localName(b, lang), lang));
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageHeading title={t("observations.public.title")} intro={t("observations.public.intro")} />
        <Group gap="sm">
          <Button component={Link} to={data.signedIn ? "/observations/new" : "/login?redirectTo=%2Fobservations%2Fnew"}>
            {t("observations.public.report")}
          </Button>
          {data.canManage ? (
            <Button component={Link} to="/observations/manage" variant="light">
              {t("observations.manage.title")}
            </Button>
          ) : null}
        </Group>
      </Stack>

      <FilterForm label={t("observations.filters.title")} submit={t("observations.filters.apply")}>
        <NativeSelect
          name="category"
          label={t("observations.fields.category")}
          defaultValue={filter.category ? String(filter.category) : ""}
          data={[
            { value: "", label: t("observations.filters.all") },
            ...data.categories.map((c) => ({ value: String(c.id), label: localName(c, lang) })),
          ]}
        />
        <NativeSelect
          name="status"
          label={t("observations.list.state")}
          defaultValue={filter.status ?? ""}
          data={[
            { value: "", label: t("observations.filters.all") },
            { value: "open", label: t("observations.legend.open") },
            { value: "handled", label: t("observations.legend.handled") },
          ]}
        />
        <NativeSelect
          name="area"
          label={t("observations.list.area")}
          defaultValue={filter.area ? String(filter.area) : ""}
          data={[
            { value: "", label: t("observations.filters.wholeCity") },
            ...districts.map((d) => ({ value: String(d.id), label: localName(d, lang) })),
          ]}
        />
      </FilterForm>

      <Paper component="section" aria-labelledby="obs-map-title" withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h3" id="obs-map-title">
            {t("observations.public.mapTitle")}
          </Title>
          <Text size="sm">{t("observations.public.mapHelp")}</Text>
          <MapLegend />
          <ObservationMap
            label={t("observations.public.mapLabel")}
            shapes={data.shapes.map((s) => ({ id: s.id, level: s.level, name: localName(s, lang), boundary: s.boundary }))}
            markers={clusterMarkers(data.clusters, t)}
            tiles={data.tiles}
          />
          <ApproximateNote show={data.approximate} />
        </Stack>
      </Paper>

      <Panel titleId="obs-list-title" title={t("observations.public.listTitle")} mb="xs" plain>
        <Text size="sm" mb="xs">
          {t("observations.public.count", { count: data.total })}
        </Text>
        <ObservationTable items={data.items} categories={data.categories} caption={t("observations.public.listTitle")} />
      </Panel>

      {data.signedIn ? (
        <Panel titleId="obs-mine-title" title={t("observations.mine.title")} mb="xs" plain>
          {data.mine.length ? (
            <ObservationTable items={data.mine} categories={data.categories} caption={t("observations.mine.title")} />
          ) : (
            <Text>
              {t("observations.mine.none")}{" "}
              <Anchor component={Link} to="/observations/new" underline="always">
                {t("observations.public.report")}
              </Anchor>
            </Text>
          )}
        </Panel>
      ) : null}
    </Stack>
  );
}
