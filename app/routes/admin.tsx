import { Button, Group, Stack, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authorize } from "~/server/people/guard.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "admin.view" });
  return json({});
}

const SECTIONS = [
  "",
  "users",
  "organisations",
  "groups",
  "invitations",
  "plans",
  "strategy",
  "access-log",
  "areas",
  "security",
  "register",
  "rights-requests",
  "observation-categories",
] as const;

/** Sections whose labels live in a feature's own texts rather than under admin.section. */
const SECTION_LABELS: Partial<Record<(typeof SECTIONS)[number], string>> = {
  plans: "plans.adminSection",
  strategy: "plans.adminStrategySection",
  "access-log": "workspaces.accessLog.section",
  areas: "neighbourhood.areaImport.adminSection",
  security: "secondFactor.adminTitle",
  register: "processingRegister.adminTitle",
  "rights-requests": "rights.admin.section",
  "observation-categories": "observations.categories.section",
};
/** Sections whose page is not at /admin/<section>. */
const SECTION_PATHS: Partial<Record<(typeof SECTIONS)[number], string>> = {};

/** "Hallinta": the coordinator's area. Each child route checks its own permission too. */
export default function AdminLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const current = SECTIONS.find((s) => s && location.pathname.startsWith(`/admin/${s}`)) ?? "";
  return (
    <Stack gap="md">
      <Title order={1}>{t("admin.title")}</Title>
      <Group component="nav" aria-label={t("admin.sections")} gap="xs">
        {SECTIONS.map((s) => (
          <Button
            key={s || "overview"}
            component={Link}
            to={SECTION_PATHS[s] ?? `/admin${s ? `/${s}` : ""}`}
            variant={current === s ? "filled" : "light"}
            aria-current={current === s ? "page" : undefined}
            size="sm"
          >
            {t(SECTION_LABELS[s] ?? `admin.section.${s || "overview"}`)}
          </Button>
        ))}
      </Group>
      <Outlet />
    </Stack>
  );
}
