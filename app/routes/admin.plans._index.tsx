import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Stack, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewPlanSchema } from "~/forms/plans";
import { authorize } from "~/server/people/guard.server";
import { createSafetyPlan, listPlans, listStrategies, planMeasureCounts } from "~/server/city/plans.server";
import { FormErrors, useZodForm, SubmitRow } from "~/ui/forms";
import { PlanBasicsFields } from "~/ui/plans/PlanBasicsFields";
import { PlanTable } from "~/ui/plans/PlanTable";
import { pageTitle } from "~/i18n/page-title";
import { namesFrom } from "~/i18n/names";
import { Panel } from "~/ui/Panel";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, ["plans.adminTitle", "admin.title"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "plan.manage" });
  const counts = planMeasureCounts({ publicOnly: false });
  return json({
    plans: listPlans({ publicOnly: false }).map((p) => ({ ...p, measureCount: counts[p.id] ?? 0 })),
    strategies: listStrategies().map((s) => ({
      id: s.id,
      ...namesFrom(s),
      termStartYear: s.termStartYear,
      termEndYear: s.termEndYear,
    })),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "plan.manage" });
  const submission = parseWithZod(await request.formData(), { schema: NewPlanSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const res = createSafetyPlan(viewer, submission.value);
  if (!res.ok) {
    const fieldErrors: Record<string, string[]> =
      res.reason === "periodOrder"
        ? { periodEnd: ["plans.errors.periodOrder"] }
        : res.reason === "strategyNotFound"
          ? { strategyId: ["validation.choose"] }
          : {};
    return json(
      { result: submission.reply({ fieldErrors, formErrors: Object.keys(fieldErrors).length ? undefined : ["validation.invalid"] }) },
      { status: 400 },
    );
  }
  // The new draft opens for the rest of the set-up: description, priority areas, approval.
  throw redirect(`/admin/plans/${res.id}`);
}

export default function AdminPlans() {
  const { t } = useTranslation();
  const { plans, strategies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm(NewPlanSchema, {
    id: "new-plan",
    lastResult: actionData?.result,
    defaultValue: { updateIntervalDays: "90", strategyId: strategies[0] ? String(strategies[0].id) : "" },
  });
  return (
    <Stack>
      <Title order={2}>{t("plans.adminTitle")}</Title>
      <PlanTable plans={plans} minWidth={640} hrefOf={(id) => `/admin/plans/${id}`} markUnpublished withPublicLink />
      {plans.length === 0 ? <Text>{t("plans.noPlansAdmin")}</Text> : null}

      <Panel titleId="plans-new-plan" title={t("plans.newPlan")} order={3} mb="xs">
        <Text size="sm" mb="sm">
          {t("plans.newPlanHelp")}
        </Text>
        <Form method="post" {...getFormProps(form)}>
          <Stack>
            <FormErrors errors={form.errors} />
            <PlanBasicsFields fields={fields} strategies={strategies} />
            <SubmitRow label={t("plans.createPlan")} />
          </Stack>
        </Form>
      </Panel>
    </Stack>
  );
}
