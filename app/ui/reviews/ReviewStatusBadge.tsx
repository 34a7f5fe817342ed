import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ReviewStatus } from "../../../db/schema";

const COLOR: Record<ReviewStatus, string> = { draft: "dark", sent: "city", discussed: "orange", closed: "green" };

export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light">
      {t(`reviews.status.${status}`)}
    </Badge>
  );
}
