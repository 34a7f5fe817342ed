import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MeasureStatus } from "../../../db/schema";

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

/** Late / stale / due soon: computed on the server, shown as words (not colour alone). */
export function MeasureFlags({ late, stale, dueSoon }: { late: boolean; stale: boolean; dueSoon?: boolean }) {
  const { t } = useTranslation();
  if (!late && !stale && !dueSoon) return null;
  return (
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
}
