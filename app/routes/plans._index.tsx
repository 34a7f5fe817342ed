import { Anchor, Group, Stack, Table, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { getViewer } from "~/server/people/guard.server";
import { can } from "~/server/people/permissions.server";
import { listPlans, planMeasureCounts } from "~/server/city/plans.server";
import { useFormat } from "~/ui/format";
import { PlanStatusBadge, UnpublishedBadge } from "~/ui/plans/PlanStatusBadge";
import { TableHead } from "~/ui/TableParts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const publicOnly = !can(viewer, { kind: "measure.viewAll" });
  // Counted with the same visibility rule as the measure list, so the number matches what a click shows.
  const counts = planMeasureCounts({ publicOnly });
  const plans = listPlans({ publicOnly }).map((p) => ({ ...p, measureCount: counts[p.id] ?? 0 }));
  return json({ plans, staff: !publicOnly, canManage: can(viewer, { kind: "plan.manage" }) });
}

export default function PlanList() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { plans, staff, canManage } = useLoaderData<typeof loader>();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t("plans.title")}</Title>
        {canManage ? (
          <Anchor component={Link} to="/admin/plans">
            {t("plans.manageAll")}
          </Anchor>
        ) : null}
      </Group>
      <Text maw={760}>{t("plans.intro")}</Text>
      {plans.length === 0 ? (
        <Text>{t("plans.noPlans")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <caption className="visually-hidden">{t("plans.listCaption")}</caption>
            <TableHead
              columns={[t("plans.name"), t("plans.period"), t("plans.statusLabel"), { label: t("plans.measureCount"), alignRight: true }]}
              scoped
            />
            <Table.Tbody>
              {plans.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw="normal">
                    <Anchor component={Link} to={`/plans/${p.id}`}>
                      {localName(p, i18n.language)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t("plans.periodRange", { start: fmt.date(p.periodStart), end: fmt.date(p.periodEnd) })}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <PlanStatusBadge status={p.status} />
                      {staff && !p.published ? <UnpublishedBadge /> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{p.measureCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
