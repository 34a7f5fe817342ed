// What the observation pages share: the state in words (never colour alone), the map legend, the
// category's name in the reader's language, the list of observations, and the map's markers and
// shapes built from what a loader sent.
import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { useFormat } from "~/ui/format";
import type { MapMarker } from "./ObservationMap";
import { TableHead } from "~/ui/TableParts";

export type CategoryNames = { id: number; nameFi: string; nameSv: string; nameEn: string };
export const categoryName = (categories: CategoryNames[], id: number, lang: string) => {
  const c = categories.find((x) => x.id === id);
  return c ? localName(c, lang) : "–";
};

type State = { review?: "pending" | "approved" | "refused"; handling: "open" | "received" | "forwarded" | "linked" | "resolved" };

/** "Waiting for approval", "Refused", or the handling state; handled ones carry a check mark. */
export function ObservationStatus({ review, handling }: State) {
  const { t } = useTranslation();
  if (review === "pending")
    return (
      <Badge variant="outline" color="dark">
        {t("observations.review.pending")}
      </Badge>
    );
  if (review === "refused")
    return (
      <Badge variant="outline" color="red.9">
        {t("observations.review.refused")}
      </Badge>
    );
  const handled = handling === "forwarded" || handling === "linked" || handling === "resolved";
  return (
    <Badge variant={handled ? "filled" : "light"} color={handled ? "green.9" : "red.9"}>
      {handled ? "✓ " : ""}
      {t(`observations.handling.${handling}`)}
    </Badge>
  );
}

/** The map's legend in words: open round, handled square with a check, a number for a group. */
export function MapLegend() {
  const { t } = useTranslation();
  return (
    <Group component="ul" gap="lg" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label={t("observations.legend.title")}>
      <Group component="li" gap={6}>
        <span className="obs-marker obs-marker--open" aria-hidden="true">
          !
        </span>
        <Text size="sm">{t("observations.legend.open")}</Text>
      </Group>
      <Group component="li" gap={6}>
        <span className="obs-marker obs-marker--handled" aria-hidden="true">
          ✓
        </span>
        <Text size="sm">{t("observations.legend.handled")}</Text>
      </Group>
      <Group component="li" gap={6}>
        <span className="obs-marker obs-marker--open" aria-hidden="true">
          3
        </span>
        <Text size="sm">{t("observations.legend.group")}</Text>
      </Group>
    </Group>
  );
}

type Cluster = { lat: number; lng: number; ids: number[]; open: number; handled: number };

/** The clusters a loader sent as markers: one observation links to its page, a group zooms in. */
export function clusterMarkers(clusters: Cluster[], t: TFunction): MapMarker[] {
  return clusters.map((c) => {
    const count = c.open + c.handled;
    return {
      key: c.ids.join("-"),
      lat: c.lat,
      lng: c.lng,
      count,
      kind: c.open ? "open" : "handled",
      label:
        count === 1
          ? t(c.open ? "observations.marker.oneOpen" : "observations.marker.oneHandled", { id: c.ids[0] })
          : t("observations.marker.group", { count, open: c.open, handled: c.handled }),
      href: count === 1 ? `/observations/${c.ids[0]}` : undefined,
    };
  });
}

export type ListedObservation = {
  id: number;
  areaNameFi: string;
  areaNameSv: string | null;
  categoryId: number;
  description: string;
  handling: State["handling"];
  review?: State["review"];
  createdAt: string | Date;
};

/** Observations as a table: date, category, area, state and the start of the description, each linking to its page. */
export function ObservationTable({
  items,
  categories,
  caption,
  extra,
}: {
  items: ListedObservation[];
  categories: CategoryNames[];
  caption: string;
  extra?: { header: string; cell: (o: ListedObservation) => React.ReactNode };
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  if (!items.length) return <Text>{t("observations.list.none")}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="observation-list">
        <caption className="visually-hidden">{caption}</caption>
        <TableHead
          columns={[
            t("observations.list.observation"),
            t("observations.fields.category"),
            t("observations.list.area"),
            t("observations.list.reported"),
            t("observations.list.state"),
            ...(extra ? [extra.header] : []),
          ]}
        />
        <Table.Tbody>
          {items.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                <Anchor component={Link} to={`/observations/${o.id}`} underline="always">
                  {o.description.length > 80 ? `${o.description.slice(0, 77)}…` : o.description}
                </Anchor>
              </Table.Td>
              <Table.Td>{categoryName(categories, o.categoryId, i18n.language)}</Table.Td>
              <Table.Td>{localName({ nameFi: o.areaNameFi, nameSv: o.areaNameSv }, i18n.language)}</Table.Td>
              <Table.Td>{fmt.date(o.createdAt)}</Table.Td>
              <Table.Td>
                <ObservationStatus review={o.review} handling={o.handling} />
              </Table.Td>
              {extra ? <Table.Td>{extra.cell(o)}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The note every map with the demo's drawn boundaries carries. */
export function ApproximateNote({ show }: { show: boolean }) {
  const { t } = useTranslation();
  return show ? (
    <Text size="sm" fs="italic">
      {t("observations.map.approximate")}
    </Text>
  ) : null;
}

/** Published observations linked to a record (a measure's page, an area's page): category, area, state, a link each. */
export function LinkedObservations({
  items,
  categories,
  title,
  empty,
  more,
  headingOrder = 2,
  action,
}: {
  items: ListedObservation[];
  categories: CategoryNames[];
  title: string;
  empty?: string;
  more?: { to: string; label: string };
  /** h2 on a page of its own sections, h3 inside one. */
  headingOrder?: 2 | 3;
  /** Something to do with each item (a plan's "remove the citation"), after its link. */
  action?: (o: ListedObservation) => ReactNode;
}) {
  const { i18n } = useTranslation();
  const id = useId();
  if (!items.length && !empty) return null;
  return (
    <section aria-labelledby={id}>
      <Text component={headingOrder === 2 ? "h2" : "h3"} fw={700} size={headingOrder === 2 ? "lg" : "md"} id={id} mb="xs">
        {title}
      </Text>
      {items.length ? (
        <ul style={{ paddingLeft: 20, margin: 0 }}>
          {items.map((o) => (
            <li key={o.id} style={{ marginBottom: 6 }}>
              <Anchor component={Link} to={`/observations/${o.id}`} underline="always">
                {categoryName(categories, o.categoryId, i18n.language)}:{" "}
                {o.description.length > 90 ? `${o.description.slice(0, 87)}…` : o.description}
              </Anchor>{" "}
              ({localName({ nameFi: o.areaNameFi, nameSv: o.areaNameSv }, i18n.language)}) <ObservationStatus handling={o.handling} />
              {action ? <> {action(o)}</> : null}
            </li>
          ))}
        </ul>
      ) : (
        <Text>{empty}</Text>
      )}
      {more ? (
        <Anchor component={Link} to={more.to} underline="always" size="sm" mt="xs" display="inline-block">
          {more.label}
        </Anchor>
      ) : null}
    </section>
  );
}
