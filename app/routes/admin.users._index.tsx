import { Anchor, Badge, Group, NativeSelect, Table, TextInput } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GROUP_KINDS } from "../../db/schema";
import { UserFilterSchema } from "~/forms/admin";
import { listUsers } from "~/server/people/directory.server";
import { authorize } from "~/server/people/guard.server";
import { Pager } from "~/ui/Pager";
import { DataTable } from "~/ui/TableParts";
import { pageTitle } from "~/i18n/page-title";
import { FilterForm } from "~/ui/FilterForm";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, ["admin.section.users", "admin.title"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "admin.manageUsers" });
  const filters = UserFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({ filters, ...listUsers({ q: filters.q, groupKind: filters.role, page: filters.page }) });
}

export default function AdminUsers() {
  const { t } = useTranslation();
  const { filters, users, page, pageCount, total } = useLoaderData<typeof loader>();
  return (
    <>
      <FilterForm label={t("admin.searchUsers")} submit={t("common.filter")}>
        <TextInput name="q" label={t("common.search")} defaultValue={filters.q ?? ""} placeholder={t("admin.searchUsersPlaceholder")} />
        <NativeSelect
          name="role"
          label={t("admin.role")}
          defaultValue={filters.role ?? ""}
          data={[
            { value: "", label: t("common.all") },
            ...[...GROUP_KINDS, "resident"].map((k) => ({ value: k, label: t(`groupKinds.${k}`) })),
          ]}
        />
      </FilterForm>
      <DataTable
        caption={t("admin.section.users")}
        minWidth={640}
        columns={[t("admin.name"), t("auth.email"), t("admin.roles"), t("admin.status")]}
        highlightOnHover
      >
        {users.map((u) => (
          <Table.Tr key={u.id}>
            <Table.Td>
              <Anchor component={Link} to={`/admin/users/${u.id}`}>
                {u.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{u.email}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {[...new Set(u.groups.map((g) => g.kind))].map((k) => (
                  <Badge key={k} variant="light" size="sm">
                    {t(`groupKinds.${k}`)}
                  </Badge>
                ))}
                {u.isResident ? (
                  <Badge variant="outline" size="sm">
                    {t("groupKinds.resident")}
                  </Badge>
                ) : null}
              </Group>
            </Table.Td>
            <Table.Td>{u.disabledAt ? t("admin.disabled") : t("admin.active")}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Pager page={page} pageCount={pageCount} total={total} />
    </>
  );
}
