import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlanStatus } from "../../../db/schema";

// Colours chosen from the AA-checked theme shades; the status is always written out as well.
const LOOK: Record<PlanStatus, { color: string; variant: "filled" | "light" | "outline" }> = {
  draft: { color: "orange", variant: "light" },
  approved: { color: "city", variant: "light" },
  in_force: { color: "green", variant: "filled" },
  closed: { color: "dark", variant: "outline" },
};

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={LOOK[status].color} variant={LOOK[status].variant}>
      {t(`plans.status.${status}`)}
    </Badge>
  );
}

/** Shown to staff on plans the public cannot see yet. */
export function UnpublishedBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="dark" variant="outline">
      {t("plans.notPublished")}
    </Badge>
  );
}
