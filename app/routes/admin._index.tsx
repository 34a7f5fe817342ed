import { Anchor, Paper, SimpleGrid, Text } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listGroups, listOpenInvitations, listOrganisations, listUsers } from "~/server/people/directory.server";
import { authorize } from "~/server/people/guard.server";
import { openRightsRequestCounts } from "~/server/people/rights-requests.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, ["admin.section.overview", "admin.title"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "admin.view" });
  return json({
    users: listUsers({}).total,
    residents: listUsers({ groupKind: "resident" }).total,
    organisations: listOrganisations().length,
    groups: listGroups().length,
    invitations: listOpenInvitations().length,
    rightsRequests: openRightsRequestCounts(),
  });
}

export default function AdminOverview() {
  const { t } = useTranslation();
  const counts = useLoaderData<typeof loader>();
  const cards: { key: string; value: number; to: string; label?: string; note?: string }[] = [
    { key: "users", value: counts.users, to: "/admin/users" },
    { key: "residents", value: counts.residents, to: "/admin/users?role=resident" },
    { key: "organisations", value: counts.organisations, to: "/admin/organisations" },
    { key: "groups", value: counts.groups, to: "/admin/groups" },
    { key: "invitations", value: counts.invitations, to: "/admin/invitations" },
    {
      key: "rightsRequests",
      value: counts.rightsRequests.open,
      to: "/admin/rights-requests",
      label: t("rights.admin.openCount"),
      note: counts.rightsRequests.overdue ? t("rights.admin.overdueCount", { count: counts.rightsRequests.overdue }) : undefined,
    },
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3, lg: 6 }}>
      {cards.map((c) => (
        <Paper key={c.key} withBorder p="md">
          <Text fz={32} fw={700}>
            {c.value}
          </Text>
          <Anchor component={Link} to={c.to}>
            {c.label ?? t(`admin.counts.${c.key}`)}
          </Anchor>
          {c.note ? (
            <Text size="sm" c="red.8" fw={600}>
              {c.note}
            </Text>
          ) : null}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
