import { Anchor, Table } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { listGroups } from "~/server/people/directory.server";
import { authorize } from "~/server/people/guard.server";
import { DataTable } from "~/ui/TableParts";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, ["admin.section.groups", "admin.title"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "admin.manageGroups" });
  return json({ groups: listGroups() });
}

export default function AdminGroups() {
  const { t, i18n } = useTranslation();
  const { groups } = useLoaderData<typeof loader>();
  return (
    <DataTable
      caption={t("admin.section.groups")}
      minWidth={520}
      columns={[t("admin.group"), t("admin.groupKind"), t("admin.activeMembers")]}
    >
      {groups.map((g) => (
        <Table.Tr key={g.id}>
          <Table.Td>
            <Anchor component={Link} to={`/admin/groups/${g.id}`}>
              {localName(g, i18n.language)}
            </Anchor>
          </Table.Td>
          <Table.Td>{t(`groupKinds.${g.kind}`)}</Table.Td>
          <Table.Td>{g.memberCount}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
