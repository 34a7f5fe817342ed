import { Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MeasureStatus } from "../../../db/schema";
import type { LateReason, StaleReason } from "~/server/city/measure-rules";
import { useFormat } from "~/ui/format";

const STATUS_COLOR: Record<MeasureStatus, string> = {
  proposed: "dark",
  approved: "city",
  in_progress: "city",
  delayed: "orange",
  on_hold: "dark",
  completed: "green",
  discontinued: "red",
};

export function StatusBadge({ status }: { status: MeasureStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant={status === "in_progress" || status === "completed" ? "filled" : "light"}>
      {t(`measures.status.${status}`)}
    </Badge>
  );
}

/** Late / stale / due soon: computed on the server, shown as words (not colour alone), with why when known. */
type Flags = { late: boolean; stale: boolean; dueSoon?: boolean; lateReason?: LateReason | null; staleReason?: StaleReason | null };

/** A measure's late / stale / due-soon marks with their reasons; the public (`publicOnly`) sees only "late". */
export function MeasureFlags({ flags, publicOnly = false }: { flags: Flags; publicOnly?: boolean }) {
  const { t } = useTranslation();
  const { late, lateReason, staleReason } = flags;
  const stale = !publicOnly && flags.stale;
  const dueSoon = !publicOnly && !!flags.dueSoon;
  if (!late && !stale && !dueSoon) return null;
  const reasons = (late && lateReason) || (stale && staleReason);
  const badges = (
    <Group gap={4} wrap="wrap">
      {late ? (
        <Badge color="red" variant="outline" size="sm">
          {t("measures.flags.late")}
        </Badge>
      ) : null}
      {stale ? (
        <Badge color="orange" variant="outline" size="sm">
          {t("measures.flags.stale")}
        </Badge>
      ) : null}
      {dueSoon && !late ? (
        <Badge color="city" variant="outline" size="sm">
          {t("measures.flags.dueSoon")}
        </Badge>
      ) : null}
    </Group>
  );
  if (!reasons) return badges;
  return (
    <Stack gap={2}>
      {badges}
      <FlagReasons lateReason={late ? lateReason : null} staleReason={stale ? staleReason : null} />
    </Stack>
  );
}

/** Why a measure is late or stale, in a sentence (the reason comes from the server's rule, lateReasonSql). */
export function FlagReasons({ lateReason, staleReason }: { lateReason?: LateReason | null; staleReason?: StaleReason | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <>
      {lateReason ? (
        <Text size="xs" className="flag-reason">
          {lateReason.kind === "end"
            ? t("measures.reasons.lateEnd", { date: fmt.date(lateReason.date) })
            : t("measures.reasons.lateTask", { title: lateReason.title, date: fmt.date(lateReason.date) })}
        </Text>
      ) : null}
      {staleReason ? (
        <Text size="xs" className="flag-reason">
          {staleReason.lastReportAt == null
            ? t("measures.reasons.staleNever", { days: staleReason.everyDays })
            : t("measures.reasons.stale", { date: fmt.date(staleReason.lastReportAt), days: staleReason.everyDays })}
        </Text>
      ) : null}
    </>
  );
}
