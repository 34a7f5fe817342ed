import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { getGroup, listGroupAreas, listGroupMembers } from "~/server/people/directory.server";
import { authorize, idParam, notFound } from "~/server/people/guard.server";
import { clock } from "~/server/platform/clock";
import { DataTable } from "~/ui/TableParts";
import { MembershipCells } from "~/ui/MembershipCells";
import { languageOf, pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, ["titles.group", "admin.title"], { name: data ? localName(data.group, languageOf(matches)) : null });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "admin.manageGroups" });
  const group = getGroup(idParam(params.groupId));
  if (!group) notFound();
  return json({ group, members: listGroupMembers(group.id, { includeFormer: true }), areas: listGroupAreas(group.id) });
}

export default function AdminGroupDetail() {
  const { t, i18n } = useTranslation();
  const { group, members, areas } = useLoaderData<typeof loader>();
  const now = clock.now();
  return (
    <Stack>
      <Title order={2}>{localName(group, i18n.language)}</Title>
      <Text>{t(`groupKinds.${group.kind}`)}</Text>
      {areas.length ? (
        <Group gap="xs">
          <Text size="sm">{t("workspace.coversAreas")}</Text>
          {areas.map((a) => (
            <Badge key={a.id} variant="light">
              {localName(a, i18n.language)}
            </Badge>
          ))}
        </Group>
      ) : null}
      <Paper withBorder p="md">
        <Text size="sm" mb="sm">
          {t("admin.groupMembersHelp")}
        </Text>
        <DataTable
          caption={localName(group, i18n.language)}
          minWidth={640}
          columns={[t("admin.name"), t("admin.position"), t("admin.organisation"), t("admin.joined"), t("admin.left")]}
        >
          {members.map((m) => (
            <Table.Tr key={m.membershipId}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/users/${m.userId}`}>
                  {m.name}
                </Anchor>
                {m.leftAt && new Date(m.leftAt) <= now ? (
                  <Badge ml="xs" color="dark" variant="light" size="sm">
                    {t("admin.former")}
                  </Badge>
                ) : null}
              </Table.Td>
              <MembershipCells membership={m} dates="joinedAndLeft" />
            </Table.Tr>
          ))}
        </DataTable>
      </Paper>
    </Stack>
  );
}
