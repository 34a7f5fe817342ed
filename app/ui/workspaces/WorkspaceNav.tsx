import { Button, Group } from "@mantine/core";
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const TABS = ["", "meetings", "documents", "threads", "decisions"] as const;

/** The workspace's sections as a row of links; the current one is marked for screen readers. */
export function WorkspaceNav({ groupId }: { groupId: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const base = `/workspaces/${groupId}`;
  const current = TABS.find((s) => s && location.pathname.startsWith(`${base}/${s}`)) ?? "";
  return (
    <Group component="nav" aria-label={t("workspaces.sections")} gap="xs">
      {TABS.map((s) => (
        <Button
          key={s || "overview"}
          component={Link}
          to={s ? `${base}/${s}` : base}
          variant={current === s ? "filled" : "light"}
          aria-current={current === s ? "page" : undefined}
          size="sm"
        >
          {t(`workspaces.tab.${s || "overview"}`)}
        </Button>
      ))}
    </Group>
  );
}
