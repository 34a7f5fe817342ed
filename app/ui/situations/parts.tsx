// Small pieces the situation room's pages share: the severity and action-status badges (in words,
// not colour alone), a situation's age, and the viewer's own task list with overdue ones marked.
import { Anchor, Badge, Group, List, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { useFormat } from "~/ui/format";

const SEVERITY_COLOR = { low: "gray", moderate: "yellow", high: "orange", critical: "red" } as const;

export function SeverityBadge({ severity }: { severity: keyof typeof SEVERITY_COLOR }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={SEVERITY_COLOR[severity]}
      variant={severity === "critical" ? "filled" : "light"}
      c={severity === "critical" ? undefined : "dark"}
    >
      {t(`situations.severity.${severity}`)}
    </Badge>
  );
}

/** "3 vrk sitten" / "Tänään", counted from the loader's now (so the server and the browser agree). */
export function situationAge(t: TFunction, openedAt: string | number | Date, now: number): string {
  const days = Math.floor((now - new Date(openedAt).getTime()) / 86_400_000);
  return days < 1 ? t("situations.ageToday") : t("situations.ageDays", { count: days });
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled">
      {t("situations.overdueBadge")}
    </Badge>
  );
}

type MyAction = {
  id: number;
  situationId: number;
  situationTitle: string;
  title: string;
  deadline: string;
  status: string;
  overdue: boolean;
  ownerNameFi: string;
  ownerNameSv: string | null;
  ownerNameEn: string | null;
};

/** The viewer's open actions in open situations, soonest deadline first; overdue ones stand out. */
export function MyActions({ actions }: { actions: MyAction[] }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  if (!actions.length) return <Text size="sm">{t("situations.noMyActions")}</Text>;
  return (
    <List spacing="xs">
      {actions.map((a) => (
        <List.Item key={a.id}>
          <Group gap={6}>
            {a.overdue ? <OverdueBadge /> : null}
            <Text span fw={a.overdue ? 700 : undefined}>
              {a.title}
            </Text>
            <Text span size="sm">
              ({localName({ nameFi: a.ownerNameFi, nameSv: a.ownerNameSv, nameEn: a.ownerNameEn }, i18n.language)},{" "}
              {t("situations.actions.deadline")} {fmt.date(`${a.deadline}T12:00:00Z`)}) –
            </Text>
            <Anchor component={Link} to={`/situations/${a.situationId}#actions`} size="sm">
              {a.situationTitle}
            </Anchor>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
