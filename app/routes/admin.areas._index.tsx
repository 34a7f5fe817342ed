// The coordinator's list of areas: every area with its validity (former areas marked) and how
// many records refer to it, with links to manage each (merge, remove) and to the import.
import { Anchor, Group, Stack, Table, Text } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormerAreaBadge } from "~/ui/FormerAreaBadge";
import { translatorFor } from "~/i18n/i18n.server";
import { localName } from "~/i18n/names";
import { listAreasForAdmin } from "~/server/city/areas.server";
import { authorize } from "~/server/people/guard.server";
import { RemovedAreaNameSchema } from "~/forms/city-data";
import { DataTable } from "~/ui/TableParts";
import { PageHeading } from "~/ui/PageHeading";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} – Lähiturva` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "areas.manage" });
  const t = await translatorFor(request);
  const removed = RemovedAreaNameSchema.safeParse(new URL(request.url).searchParams.get("removed"));
  return json({ pageTitle: t("cityData.areas.title"), areas: listAreasForAdmin(), removed: removed.success ? removed.data : null });
}

export default function AdminAreas() {
  const { t, i18n } = useTranslation();
  const { areas, removed } = useLoaderData<typeof loader>();
  const byId = new Map(areas.map((a) => [a.id, a]));
  return (
    <Stack gap="md">
      <PageHeading order={2} title={t("cityData.areas.title")} intro={t("cityData.areas.intro")} />
      <Notice message={removed ? t("cityData.areas.remove.done", { name: removed }) : null} />
      <Group>
        <Anchor component={Link} to="/admin/areas/import">
          {t("cityData.areas.importLink")}
        </Anchor>
      </Group>
      {areas.length ? (
        <DataTable
          caption={t("cityData.areas.caption")}
          showCaption
          minWidth={720}
          columns={[
            t("cityData.areas.level"),
            t("cityData.areas.code"),
            t("cityData.areas.name"),
            t("cityData.areas.parent"),
            t("cityData.areas.validity"),
            { label: t("cityData.areas.uses"), alignRight: true },
            { label: t("cityData.areas.manage"), visuallyHidden: true },
          ]}
          scoped
        >
          {areas.map((a) => {
            const parent = a.parentId ? byId.get(a.parentId) : undefined;
            return (
              <Table.Tr key={a.id} data-area={`${a.level}:${a.code}`}>
                <Table.Td>{t(`areaLevels.${a.level}`)}</Table.Td>
                <Table.Td>{a.code}</Table.Td>
                <Table.Td>
                  {localName(a, i18n.language)}
                  <FormerAreaBadge former={a.former} />
                </Table.Td>
                <Table.Td>{parent ? `${parent.code} ${localName(parent, i18n.language)}` : "–"}</Table.Td>
                <Table.Td>{a.validFrom || a.validUntil ? `${a.validFrom ?? ""}–${a.validUntil ?? ""}` : "–"}</Table.Td>
                <Table.Td ta="right">{a.uses}</Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/admin/areas/${a.id}`}
                    aria-label={t("cityData.areas.manageNamed", { name: `${a.code} ${localName(a, i18n.language)}` })}
                  >
                    {t("cityData.areas.manage")}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      ) : (
        <Text>{t("cityData.areas.none")}</Text>
      )}
    </Stack>
  );
}
