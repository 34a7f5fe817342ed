// Small pieces the neighbourhood pages share: status badges in words, a list of plans, the
// "changes requested" banner with the network's feedback, and a place given as text (no map: the
// place name and the coordinates are read out as they are).
import { Alert, Anchor, Badge, Group, List, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { NeighbourhoodPlanStatus } from "../../../db/schema";
import { localName } from "~/i18n/names";
import { useFormat } from "~/ui/format";

const STATUS_COLOR: Record<NeighbourhoodPlanStatus, string> = {
  draft: "dark",
  submitted: "city",
  changes_requested: "orange",
  accepted: "green",
  published: "green",
  archived: "dark",
  withdrawn: "red",
};

export function PlanStatusBadge({ status }: { status: NeighbourhoodPlanStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant={status === "published" ? "filled" : "light"}>
      {t(`neighbourhood.status.${status}`)}
    </Badge>
  );
}

const ACTION_STATUS_COLOR: Record<string, string> = { planned: "dark", in_progress: "city", done: "green", cancelled: "red" };

export function ActionStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={ACTION_STATUS_COLOR[status] ?? "dark"} variant="light">
      {t(`neighbourhood.actionStatus.${status}`)}
    </Badge>
  );
}

type PlanRow = {
  id: number;
  title: string;
  status: NeighbourhoodPlanStatus;
  updatedAt: string | Date;
  publishedAt: string | Date | null;
  submittedAt?: string | Date | null;
  area: { nameFi: string; nameSv: string | null };
};

/** Plans as a list of links with status and area; `showArea` when the list spans several areas. */
export function PlanList({ plans, showArea = true, empty }: { plans: PlanRow[]; showArea?: boolean; empty: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  if (!plans.length) return <Text>{empty}</Text>;
  return (
    <List spacing="xs" listStyleType="none" ml={0} pl={0}>
      {plans.map((p) => (
        <List.Item key={p.id}>
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/neighbourhood-plans/${p.id}`} underline="always">
              {p.title}
            </Anchor>
            <PlanStatusBadge status={p.status} />
            <Text size="sm" c="dimmed">
              {showArea ? `${localName(p.area, i18n.language)} · ` : ""}
              {p.status === "published" || p.status === "archived"
                ? t("neighbourhood.plan.publishedOn", { date: fmt.date(p.publishedAt) })
                : p.status === "submitted" && p.submittedAt
                  ? t("neighbourhood.plan.submittedOn", { date: fmt.date(p.submittedAt) })
                  : t("neighbourhood.plan.updatedOn", { date: fmt.date(p.updatedAt) })}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

/** "Karhupuisto (koordinaatit 60,1841° N, 24,9512° E)": a place in words, coordinates in the reader's number format. */
export function PlaceText({ placeName, lat, lng }: { placeName: string | null; lat: number | null; lng: number | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!placeName && lat == null) return null;
  const coordinates =
    lat != null && lng != null
      ? t("neighbourhood.plan.latLng", {
          lat: fmt.number(lat, { maximumFractionDigits: 5 }),
          lng: fmt.number(lng, { maximumFractionDigits: 5 }),
        })
      : null;
  return (
    <Text size="sm">
      <strong>{t("neighbourhood.plan.place")}:</strong> {placeName ?? ""}
      {coordinates ? (
        <>
          {placeName ? " " : ""}({t("neighbourhood.plan.coordinates")} {coordinates})
        </>
      ) : null}
    </Text>
  );
}

/**
 * The "changes requested" banner at the top of the plan page and the editor: the authors read the
 * network's feedback where they look first, not only among the comments further down.
 */
export function ChangesRequestedBanner({
  feedback,
  children,
}: {
  feedback: { body: string; authorName: string | null; createdAt: string | Date } | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Alert color="orange" variant="light" title={t("neighbourhood.status.changes_requested")} data-testid="changes-requested">
      {children}
      {feedback ? (
        <figure style={{ margin: "var(--mantine-spacing-sm) 0 0" }}>
          <figcaption>
            <Text size="sm" fw={600}>
              {t("neighbourhood.editor.latestFeedback")}
            </Text>
          </figcaption>
          <Text component="blockquote" size="sm" m={0} mt={4} style={{ whiteSpace: "pre-line" }}>
            {feedback.body}
          </Text>
          <Text size="xs" mt={4}>
            {t("neighbourhood.plan.feedbackBy", { name: feedback.authorName ?? "–", date: fmt.dateTime(feedback.createdAt) })}
          </Text>
        </figure>
      ) : null}
    </Alert>
  );
}

/** The anchor of an item on the editor page, e.g. "observation-item-12". */
export function planItemAnchor(kind: string, itemId: number): string {
  return `${kind}-item-${itemId}`;
}
