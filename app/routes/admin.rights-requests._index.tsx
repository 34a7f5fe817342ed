// `/admin/rights-requests`: rectification requests and objections sent from account pages, open
// ones first by due date, with who sent them (coordinators only: rightsRequest.handle).
import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RIGHTS_FILTERS, RightsFilterSchema } from "~/forms/rights";
import { authorize } from "~/server/people/guard.server";
import { listRightsRequests } from "~/server/people/rights-requests.server";
import { useFormat } from "~/ui/format";
import { Pager } from "~/ui/Pager";
import { RightsRequestBadges } from "~/ui/RightsRequestBadges";
import { DataTable } from "~/ui/TableParts";
import { RequesterLink } from "~/ui/admin/RequesterLink";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, ["rights.admin.title", "admin.title"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "rightsRequest.handle" });
  const filters = RightsFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({ filters, ...listRightsRequests({ status: filters.status, page: filters.page }) });
}

export default function AdminRightsRequests() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { filters, rows, page, pageCount, total } = useLoaderData<typeof loader>();
  return (
    <Stack>
      <Title order={2}>{t("rights.admin.title")}</Title>
      <Text maw={860}>{t("rights.admin.intro")}</Text>
      <Form method="get">
        <Group align="end">
          <NativeSelect
            name="status"
            label={t("rights.admin.filter")}
            defaultValue={filters.status}
            data={RIGHTS_FILTERS.map((f) => ({ value: f, label: t(`rights.admin.filters.${f}`) }))}
          />
          <Button type="submit">{t("common.filter")}</Button>
        </Group>
      </Form>
      {rows.length === 0 ? (
        <Text>{t("rights.admin.none")}</Text>
      ) : (
        <DataTable
          caption={t("rights.admin.title")}
          minWidth={720}
          columns={[
            t("rights.admin.request"),
            t("rights.admin.requester"),
            t("rights.admin.email"),
            t("rights.admin.received"),
            t("rights.admin.dueAt"),
            t("rights.admin.status"),
          ]}
        >
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/rights-requests/${r.id}`}>
                  {t("rights.admin.detailTitle", { kind: t(`rights.kinds.${r.kind}`), id: r.id })}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <RequesterLink requesterId={r.requesterId} requesterName={r.requesterName} />
              </Table.Td>
              <Table.Td>{r.requesterEmail ?? "–"}</Table.Td>
              <Table.Td>{fmt.date(r.createdAt)}</Table.Td>
              <Table.Td>{fmt.date(r.dueAt)}</Table.Td>
              <Table.Td>
                <RightsRequestBadges request={r} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <Pager page={page} pageCount={pageCount} total={total} />
    </Stack>
  );
}
