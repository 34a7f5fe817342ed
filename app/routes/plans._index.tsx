import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getViewer } from "~/server/people/guard.server";
import { can } from "~/server/people/permissions.server";
import { listPlans, planMeasureCounts } from "~/server/city/plans.server";
import { PlanTable } from "~/ui/plans/PlanTable";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "plans.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const publicOnly = !can(viewer, { kind: "measure.viewAll" });
  // Counted with the same visibility rule as the measure list, so the number matches what a click shows.
  const counts = planMeasureCounts({ publicOnly });
  const plans = listPlans({ publicOnly }).map((p) => ({ ...p, measureCount: counts[p.id] ?? 0 }));
  return json({ plans, staff: !publicOnly, canManage: can(viewer, { kind: "plan.manage" }) });
}

export default function PlanList() {
  const { t } = useTranslation();
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
        <PlanTable plans={plans} minWidth={560} hrefOf={(id) => `/plans/${id}`} markUnpublished={staff} />
      )}
    </Stack>
  );
}
