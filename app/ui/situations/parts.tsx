// Small pieces the situation room's pages share: the severity and action-status badges (in words,
// not colour alone), a situation's age, the viewer's own task list with overdue ones marked, and a
// picture of the situation as a list of its fields.
import { Anchor, Badge, Group, List, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { useFormat } from "~/ui/format";
import { PICTURE_FIELDS } from "~/server/situations/picture-diff";

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

/** A picture of the situation (a version of it, or the one a briefing froze) as a list of its fields. */
export function PictureFields({
  picture,
  className,
}: {
  picture: Record<(typeof PICTURE_FIELDS)[number], string> & { nextUpdateAt: string | number | Date | null };
  className?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <dl className={className}>
      {PICTURE_FIELDS.map((f) => (
        <div key={f}>
          <dt>
            <Text span fw={700} size="sm">
              {t(`situations.picture.${f}`)}
            </Text>
          </dt>
          <dd style={{ marginInlineStart: 0, whiteSpace: "pre-wrap" }}>{picture[f] || "–"}</dd>
        </div>
      ))}
      <div>
        <dt>
          <Text span fw={700} size="sm">
            {t("situations.picture.nextUpdateAt")}
          </Text>
        </dt>
        <dd style={{ marginInlineStart: 0 }}>{fmt.dateTime(picture.nextUpdateAt)}</dd>
      </div>
    </dl>
  );
}
