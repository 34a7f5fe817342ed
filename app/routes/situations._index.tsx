// `/situations`: the situation room's overview. Coordinators and the steering group see the open
// situations at a glance (severity, age, overdue actions); everyone sees only the situations they
// may read (decided in SQL), their own tasks in them, and a search of the closed ones.
import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SituationListQuerySchema } from "~/forms/situations";
import { pageTitle } from "~/i18n/page-title";
import { authorize } from "~/server/people/guard.server";
import { can } from "~/server/people/permissions.server";
import { clock } from "~/server/platform/clock";
import { listMyActions, listSituations } from "~/server/situations/situations.server";
import { useFormat } from "~/ui/format";
import { Pager } from "~/ui/Pager";
import { DataTable } from "~/ui/TableParts";
import type { PublicityClass, SituationSeverity } from "../../db/schema";
import { PublicityBadge } from "~/ui/workspaces/Publicity";
import { MyActions, SeverityBadge, situationAge } from "~/ui/situations/parts";
import { Panel } from "~/ui/Panel";
import { FilterForm } from "~/ui/FilterForm";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "situations.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "situation.list" });
  const query = SituationListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const now = clock.now();
  return json({
    list: listSituations(viewer, { q: query.q, page: query.page, now }),
    myActions: listMyActions(viewer, now),
    q: query.q ?? "",
    canConvene: can(viewer, { kind: "situation.convene" }),
    now: now.getTime(),
  });
}

export default function SituationsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { list, myActions, q, canConvene, now } = useLoaderData<typeof loader>();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="end">
        <Title order={1}>{t("situations.title")}</Title>
        {canConvene ? (
          <Button component={Link} to="/situations/new">
            {t("situations.convene")}
          </Button>
        ) : null}
      </Group>
      <Text maw={760}>{t("situations.intro")}</Text>

      <Panel titleId="my-actions" title={t("situations.myActions")} mb="xs" plain>
        <MyActions actions={myActions} />
      </Panel>

      <Panel titleId="open-situations" title={t("situations.open")} mb="xs" plain>
        {list.open.length ? (
          <DataTable
            caption={t("situations.open")}
            minWidth={640}
            columns={[
              t("situations.cols.situation"),
              t("situations.cols.severity"),
              t("situations.cols.age"),
              t("situations.cols.openActions"),
              t("situations.cols.overdue"),
            ]}
          >
            {list.open.map((s) => (
              <Table.Tr key={s.id}>
                <SituationCells situation={s} />
                <Table.Td>
                  {fmt.dateTime(s.openedAt)} ({situationAge(t, s.openedAt, now)})
                </Table.Td>
                <Table.Td>{s.openActions}</Table.Td>
                <Table.Td>
                  {s.overdue ? (
                    <Badge color="red" variant="filled">
                      {s.overdue} {t("situations.overdueBadge")}
                    </Badge>
                  ) : (
                    "0"
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        ) : (
          <Text size="sm">{t("situations.noOpen")}</Text>
        )}
      </Panel>

      <Panel titleId="closed-situations" title={t("situations.closed")} mb="xs" plain>
        <FilterForm label={t("situations.search")} submit={t("situations.searchButton")} mb="sm">
          <TextInput name="q" defaultValue={q} label={t("situations.search")} type="search" />
        </FilterForm>
        {list.closed.length ? (
          <DataTable
            caption={t("situations.closed")}
            minWidth={560}
            columns={[
              t("situations.cols.situation"),
              t("situations.cols.severity"),
              t("situations.cols.age"),
              t("situations.cols.closedAt"),
            ]}
          >
            {list.closed.map((s) => (
              <Table.Tr key={s.id}>
                <SituationCells situation={s} />
                <Table.Td>{fmt.dateTime(s.openedAt)}</Table.Td>
                <Table.Td>{fmt.dateTime(s.closedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        ) : (
          <Text size="sm">{t("situations.noClosed")}</Text>
        )}
        <Pager page={list.page} pageCount={list.pageCount} total={list.total} />
      </Panel>
    </Stack>
  );
}

/** A situation's first two cells: its title as a link with its publicity class, and its severity. */
function SituationCells({
  situation: s,
}: {
  situation: { id: number; title: string; publicity: PublicityClass; severity: SituationSeverity };
}) {
  return (
    <>
      <Table.Td>
        <Group gap={6}>
          <Anchor component={Link} to={`/situations/${s.id}`}>
            {s.title}
          </Anchor>
          <PublicityBadge publicity={s.publicity} />
        </Group>
      </Table.Td>
      <Table.Td>
        <SeverityBadge severity={s.severity} />
      </Table.Td>
    </>
  );
}
