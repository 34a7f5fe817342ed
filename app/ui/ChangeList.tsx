import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ChangeCounts, Changes } from "~/server/steering/changes";
import { LocalText } from "~/ui/LocalText";

/**
 * New, completed, newly late and status changes, each linking to the measure. With `counts` (from
 * limitChanges) a shortened group says how many more there are.
 */
export function ChangeList({ changes, counts }: { changes: Changes; counts?: ChangeCounts }) {
  const { t } = useTranslation();
  const groups = [
    { key: "new", items: changes.newMeasures.map((m) => ({ ...m, note: "" })) },
    { key: "completed", items: changes.completed.map((m) => ({ ...m, note: "" })) },
    { key: "newlyLate", items: changes.newlyLate.map((m) => ({ ...m, note: "" })) },
    {
      key: "statusChanged",
      items: changes.statusChanged.map((m) => ({ ...m, note: `${t(`measures.status.${m.from}`)} → ${t(`measures.status.${m.to}`)}` })),
    },
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
                  {m.code} <LocalText record={m} field="title" />
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
