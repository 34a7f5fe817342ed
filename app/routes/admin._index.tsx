import { Anchor, Paper, SimpleGrid, Text } from "@mantine/core";
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listGroups, listOpenInvitations, listOrganisations, listUsers } from "~/server/directory.server";
import { authorize } from "~/server/guard.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "admin.view" });
  return json({
    users: listUsers({}).total,
    residents: listUsers({ groupKind: "resident" }).total,
    organisations: listOrganisations().length,
    groups: listGroups().length,
    invitations: listOpenInvitations().length,
  });
}

export default function AdminOverview() {
  const { t } = useTranslation();
  const counts = useLoaderData<typeof loader>();
  const cards = [
    { key: "users", value: counts.users, to: "/admin/users" },
    { key: "residents", value: counts.residents, to: "/admin/users?role=resident" },
    { key: "organisations", value: counts.organisations, to: "/admin/organisations" },
    { key: "groups", value: counts.groups, to: "/admin/groups" },
    { key: "invitations", value: counts.invitations, to: "/admin/invitations" },
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
      {cards.map((c) => (
        <Paper key={c.key} withBorder p="md">
          <Text fz={32} fw={700}>
            {c.value}
          </Text>
          <Anchor component={Link} to={c.to}>
            {t(`admin.counts.${c.key}`)}
          </Anchor>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
