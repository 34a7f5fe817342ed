import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NotificationActionSchema } from "~/forms/notifications";
import { PageQuerySchema } from "~/forms/params";
import { authorize, badRequest } from "~/server/people/guard.server";
import { listNotifications, markRead, unreadCount } from "~/server/mail/notifications.server";
import { useFormat } from "~/ui/format";
import { Pager } from "~/ui/Pager";
import { pageTitle } from "~/i18n/page-title";
import { IntentForm, IntentButton } from "~/ui/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspaces.notifications.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "account.view" });
  const { page } = PageQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({ ...listNotifications(viewer.id, page), unread: unreadCount(viewer.id) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "account.view" });
  const parsed = NotificationActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) badRequest();
  if (parsed.data.intent === "all") markRead(viewer.id, "all");
  else markRead(viewer.id, [parsed.data.id]);
  // Opening a notification marks it read and goes where it points (a path on this site only).
  if (parsed.data.intent === "open") return redirect(parsed.data.to);
  return json({ ok: true });
}

/** The person's notifications, newest first; the same texts go out by e-mail. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { rows, page, pageCount, unread, total } = useLoaderData<typeof loader>();
  return (
    <Stack gap="md" maw={860}>
      <Title order={1}>{t("workspaces.notifications.title")}</Title>
      <Group justify="space-between">
        <Text>{t("workspaces.notifications.unread", { count: unread })}</Text>
        {unread ? <IntentButton intent="all" label={t("workspaces.notifications.markAllRead")} variant="light" size="xs" /> : null}
      </Group>
      <Anchor component={Link} to="/account#notification-settings" size="sm">
        {t("workspaces.notifications.settings")}
      </Anchor>
      {total === 0 ? <Alert color="gray">{t("workspaces.notifications.none")}</Alert> : null}
      <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }} data-testid="notifications">
        {rows.map((n) => (
          <Paper key={n.id} component="li" withBorder p="sm" bg={n.readAt ? undefined : "var(--mantine-color-city-0)"}>
            <Group justify="space-between" align="start">
              {/* The message wraps within a phone's width (a button label does not by default). */}
              <div style={{ flex: "1 1 16rem", minWidth: 0 }}>
                {!n.readAt ? (
                  <Badge size="xs" color="city" mr={6}>
                    {t("workspaces.notifications.new")}
                  </Badge>
                ) : null}
                {n.link ? (
                  <IntentForm intent="open" values={{ id: n.id, to: n.link }} style={{ display: "inline" }}>
                    <Button
                      type="submit"
                      variant="subtle"
                      size="compact-sm"
                      px={0}
                      maw="100%"
                      styles={{ label: { whiteSpace: "normal", overflow: "visible" } }}
                      style={{ textDecoration: "underline", whiteSpace: "normal", height: "auto", textAlign: "left" }}
                    >
                      {t(n.messageKey, n.params)}
                    </Button>
                  </IntentForm>
                ) : (
                  <Text span>{t(n.messageKey, n.params)}</Text>
                )}
                <Text size="xs" c="dimmed">
                  {fmt.dateTime(n.createdAt)}
                </Text>
              </div>
              {!n.readAt ? (
                <IntentButton
                  intent="one"
                  values={{ id: n.id }}
                  label={t("workspaces.notifications.markRead")}
                  size="compact-xs"
                  variant="subtle"
                />
              ) : null}
            </Group>
          </Paper>
        ))}
      </Stack>
      <Pager page={page} pageCount={pageCount} total={total} />
    </Stack>
  );
}
