import { Anchor, AppShell, Burger, Button, Group, Menu, NavLink, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Form, Link, NavLink as RemixNavLink, useLocation, useNavigation } from "@remix-run/react";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/root";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { NotificationLink } from "./workspaces/NotificationLink";

/**
 * Signing in from a page comes back to that page; from the front page (or the sign-in and
 * registration pages themselves) it leads to the person's own landing page instead.
 */
export function signInPath(pathname: string): string {
  return ["/", "/login", "/register"].includes(pathname) ? "/login" : `/login?redirectTo=${encodeURIComponent(pathname)}`;
}

/**
 * After a form was sent (with JavaScript), focus goes where the answer is, so keyboard and screen
 * reader users land on it (WCAG 2.4.3, 3.3.1): the first field with an error; else the element the
 * answer's URL points at (a newly added item, `#observation-12`); else the confirmation or alert.
 */
function useFocusOnAnswer() {
  const navigation = useNavigation();
  const location = useLocation();
  const submitted = useRef(false);
  useEffect(() => {
    if (navigation.state === "submitting") submitted.current = true;
    if (navigation.state !== "idle" || !submitted.current) return;
    submitted.current = false;
    const main = document.getElementById("main-content");
    if (!main) return;
    const target =
      main.querySelector<HTMLElement>("[aria-invalid='true']") ??
      (location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null) ??
      main.querySelector<HTMLElement>("[role='status'], [role='alert']");
    if (!target || target.contains(document.activeElement)) return;
    if (!target.matches("input, select, textarea, button, a[href], [tabindex]")) target.setAttribute("tabindex", "-1");
    target.focus();
  }, [navigation.state, location.hash]);
}

/** The shell every page sits in: header, role-aware navigation, main landmark, footer. */
export function AppShellLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const data = useRootData();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const viewer = data?.viewer ?? null;
  const navigation = data?.navigation ?? [{ to: "/", labelKey: "nav.home" }];
  useFocusOnAnswer();

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <a href="#main-content" className="skip-link">
        {t("shell.skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("shell.toggleNavigation")} />
            <Anchor component={Link} to="/" underline="never" fw={700} fz="xl" c="city.8">
              Lähiturva
            </Anchor>
            <Text visibleFrom="md" size="sm" c="dimmed">
              {t("shell.tagline")}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {viewer ? <Form method="post" action="/logout" id="sign-out-form" hidden /> : null}
            <LanguageSwitcher />
            {viewer ? <NotificationLink count={data?.unreadNotifications ?? 0} /> : null}
            {viewer ? (
              // Mantine's initial-focus placeholder is a focusable div inside role="menu", which axe
              // refuses (aria-required-children); without it, focus goes to the first item.
              <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
                <Menu.Target>
                  <UnstyledButton aria-label={t("shell.userMenu", { name: viewer.name })} data-testid="user-menu">
                    {/* Initials on a phone, so the header fits 390 px (the button's name says it whole). */}
                    <Text size="sm" fw={500} visibleFrom="sm">
                      {viewer.name}
                    </Text>
                    <Text size="sm" fw={500} hiddenFrom="sm" aria-hidden="true">
                      {initials(viewer.name)}
                    </Text>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item component={Link} to="/account">
                    {t("nav.account")}
                  </Menu.Item>
                  <Menu.Item component={Link} to="/notifications">
                    {t("workspaces.notifications.title")}
                  </Menu.Item>
                  {/* The form sits outside the menu: a role="menu" may only hold menu items (axe aria-required-children). */}
                  <Menu.Item component="button" type="submit" form="sign-out-form">
                    {t("auth.signOut")}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : (
              // On a phone the header has no room for it beside the languages (it stuck out of a
              // 390 px screen): there it is the menu's last entry.
              <Button component={Link} to={signInPath(location.pathname)} size="xs" variant="filled" visibleFrom="sm">
                {t("auth.signIn")}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t("shell.mainNavigation")}>
        {navigation.map((item) => (
          <NavLink
            key={item.to}
            component={RemixNavLink}
            to={item.to}
            end={item.to === "/"}
            label={t(item.labelKey)}
            onClick={close}
            active={item.to === "/" ? location.pathname === "/" : location.pathname.startsWith(item.to)}
          />
        ))}
        {viewer ? (
          <NavLink
            component={RemixNavLink}
            to="/account"
            label={t("nav.account")}
            onClick={close}
            active={location.pathname.startsWith("/account")}
          />
        ) : (
          <>
            <NavLink
              component={RemixNavLink}
              to="/register"
              label={t("nav.register")}
              onClick={close}
              active={location.pathname === "/register"}
            />
            <NavLink
              component={RemixNavLink}
              to={signInPath(location.pathname)}
              label={t("auth.signIn")}
              onClick={close}
              hiddenFrom="sm"
              active={location.pathname === "/login"}
            />
          </>
        )}
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        {children}
        <footer className="site-footer">
          <Group gap="md" mt="xl" pt="md">
            <Anchor component={Link} to="/privacy" size="sm">
              {t("footer.privacy")}
            </Anchor>
            <Anchor component={Link} to="/accessibility" size="sm">
              {t("footer.accessibility")}
            </Anchor>
            <VisuallyHidden>{t("footer.copyright")}</VisuallyHidden>
          </Group>
        </footer>
      </AppShell.Main>
    </AppShell>
  );
}

/** "Eero Salmela" → "ES": the user menu's face on a phone. */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
}
