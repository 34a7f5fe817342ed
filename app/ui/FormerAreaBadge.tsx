// The one mark of a former area in lists: former areas stay visible for their history, marked.
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function FormerAreaBadge({ former }: { former: boolean }) {
  const { t } = useTranslation();
  if (!former) return null;
  return (
    <Badge ml="xs" variant="light" color="dark">
      {t("cityData.former")}
    </Badge>
  );
}
