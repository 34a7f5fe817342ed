import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ReviewChanges } from "~/server/steering/reviews.server";


type Changes = Omit<ReviewChanges, "previousReviewId" | "previousTitle">;

/** Only the changes of these measures (the summary's filters apply to its changes too). */
export function narrowChanges<T extends Changes>(changes: T, measureIds: ReadonlySet<number>): T {
  return {
    ...changes,
    newMeasures: changes.newMeasures.filter((m) => measureIds.has(m.id)),
    completed: changes.completed.filter((m) => measureIds.has(m.id)),
    newlyLate: changes.newlyLate.filter((m) => measureIds.has(m.id)),
    statusChanged: changes.statusChanged.filter((m) => measureIds.has(m.id)),
  };
}

/** Each group of changes cut to `limit` entries, with how many each group has in all. */
export function limitChanges<T extends Changes>(changes: T, limit: number) {
  return {
    ...changes,
    newMeasures: changes.newMeasures.slice(0, limit),
    completed: changes.completed.slice(0, limit),
    newlyLate: changes.newlyLate.slice(0, limit),
    statusChanged: changes.statusChanged.slice(0, limit),
    counts: { new: changes.newMeasures.length, completed: changes.completed.length, newlyLate: changes.newlyLate.length, statusChanged: changes.statusChanged.length },
  };
}

/**
 * New, completed, newly late and status changes, each linking to the measure. With `counts` (from
 * limitChanges) a shortened group says how many more there are.
 */
export function ChangeList({ changes, counts }: { changes: Changes; counts?: Record<"new" | "completed" | "newlyLate" | "statusChanged", number> }) {
  const { t } = useTranslation();
  const groups = [
    { key: "new", items: changes.newMeasures.map((m) => ({ ...m, note: "" })) },
    { key: "completed", items: changes.completed.map((m) => ({ ...m, note: "" })) },
    { key: "newlyLate", items: changes.newlyLate.map((m) => ({ ...m, note: "" })) },
    { key: "statusChanged", items: changes.statusChanged.map((m) => ({ ...m, note: `${t(`measures.status.${m.from}`)} → ${t(`measures.status.${m.to}`)}` })) },
  ].map((g) => ({ ...g, total: counts?.[g.key as keyof typeof counts] ?? g.items.length }));
  if (groups.every((g) => g.items.length === 0)) return <Text size="sm">{t("reviews.noChanges")}</Text>;
  return (
    <Stack gap="xs">
      {groups
        .filter((g) => g.items.length)
        .map((g) => (
          <div key={g.key}>
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {t(`reviews.changeGroups.${g.key}`)}
              </Text>
              <Badge size="sm" variant="light">
                {g.total}
              </Badge>
            </Group>
            {g.items.map((m) => (
              <Text key={`${g.key}-${m.id}`} size="sm">
                <Anchor component={Link} to={`/measures/${m.id}`}>
                  {m.code} {m.title}
                </Anchor>
                {m.note ? ` (${m.note})` : ""}
              </Text>
            ))}
            {g.total > g.items.length ? (
              <Text size="sm" c="dimmed">
                {t("reviews.moreChanges", { count: g.total - g.items.length })}
              </Text>
            ) : null}
          </div>
        ))}
    </Stack>
  );
}
