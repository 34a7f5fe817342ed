import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccessLogQuerySchema } from "~/forms/workspaces";
import { listAccessLog } from "~/server/workspaces/documents.server";
import { authorize } from "~/server/people/guard.server";
import { useFormat } from "~/ui/format";
import { Pager } from "~/ui/Pager";
import { PublicityBadge } from "~/ui/workspaces/Publicity";
import { DataTable } from "~/ui/TableParts";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, ["workspaces.accessLog.title", "admin.title"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "accessLog.view" });
  const q = AccessLogQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({ ...listAccessLog({ documentId: q.document, page: q.page }), documentId: q.document ?? null });
}

/** The access log of non-public documents: read-only here, and append-only in the database. */
export default function AccessLogPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { rows, total, page, pageCount, documents, documentId } = useLoaderData<typeof loader>();
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t("workspaces.accessLog.title")}
      </Title>
      <Text maw={760}>{t("workspaces.accessLog.intro")}</Text>
      <Form method="get">
        <Group align="end" gap="xs">
          <NativeSelect
            name="document"
            label={t("workspaces.accessLog.filter")}
            defaultValue={documentId ? String(documentId) : ""}
            data={[{ value: "", label: t("workspaces.accessLog.all") }, ...documents.map((d) => ({ value: String(d.id), label: d.title }))]}
          />
          <Button type="submit" variant="light">
            {t("common.filter")}
          </Button>
        </Group>
      </Form>
      {rows.length === 0 ? (
        <Text>{t("workspaces.accessLog.none")}</Text>
      ) : (
        <DataTable
          caption={t("workspaces.accessLog.title")}
          minWidth={760}
          data-testid="access-log"
          columns={[
            t("workspaces.accessLog.at"),
            t("workspaces.accessLog.user"),
            t("workspaces.accessLog.action"),
            t("workspaces.accessLog.document"),
            t("workspaces.accessLog.version"),
            t("workspaces.accessLog.ip"),
          ]}
        >
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{fmt.dateTime(r.at)}</Table.Td>
              <Table.Td>
                {r.userName ?? "–"}
                {r.userEmail ? (
                  <Text size="xs" c="dimmed">
                    {r.userEmail}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={r.action === "download" ? "orange" : "city"}>
                  {t(`workspaces.accessLog.actions.${r.action}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {r.groupId ? (
                  <Anchor component={Link} to={`/workspaces/${r.groupId}/documents/${r.documentId}`}>
                    {r.documentTitle}
                  </Anchor>
                ) : (
                  r.documentTitle
                )}{" "}
                <PublicityBadge publicity={r.publicity} />
              </Table.Td>
              <Table.Td>{r.version ?? "–"}</Table.Td>
              <Table.Td>{r.ip ?? "–"}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <Pager page={page} pageCount={pageCount} total={total} />
    </Stack>
  );
}
