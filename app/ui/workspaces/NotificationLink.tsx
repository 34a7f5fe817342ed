import { Anchor, Badge } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The bell in the header: a link to /notifications that says how many are unread. */
export function NotificationLink({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to="/notifications"
      aria-label={t("workspaces.notifications.bell", { count })}
      underline="never"
      data-testid="notification-link"
      style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
    >
      <svg
        aria-hidden="true"
        width="20"
        height="20"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {count > 0 ? (
        <Badge size="sm" color="red" variant="filled" aria-hidden="true">
          {count > 99 ? "99+" : count}
        </Badge>
      ) : null}
    </Anchor>
  );
}
