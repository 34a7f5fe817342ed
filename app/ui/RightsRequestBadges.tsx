import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A data subject's request's state for the coordinators: open or answered, and overdue or due soon. */
export function RightsRequestBadges({ request }: { request: { status: "open" | "answered"; overdue: boolean; dueSoon: boolean } }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge color={request.status === "answered" ? "green" : "city"} variant="light">
        {t(`rights.statuses.${request.status}`)}
      </Badge>
      {request.overdue ? (
        <Badge color="red" variant="filled">
          {t("rights.overdue")}
        </Badge>
      ) : request.dueSoon ? (
        <Badge color="orange" variant="outline">
          {t("rights.dueSoon")}
        </Badge>
      ) : null}
    </Group>
  );
}
