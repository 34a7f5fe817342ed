import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewPlanSchema } from "~/forms/plans";
import { localName } from "~/i18n/names";
import { authorize } from "~/server/people/guard.server";
import { createSafetyPlan, listPlans, listStrategies, planMeasureCounts } from "~/server/city/plans.server";
import { FormErrors } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { PlanBasicsFields } from "~/ui/plans/PlanBasicsFields";
import { PlanStatusBadge, UnpublishedBadge } from "~/ui/plans/PlanStatusBadge";
import { TableHead } from "~/ui/TableParts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "plan.manage" });
  const counts = planMeasureCounts({ publicOnly: false });
  return json({
    plans: listPlans({ publicOnly: false }).map((p) => ({ ...p, measureCount: counts[p.id] ?? 0 })),
    strategies: listStrategies().map((s) => ({
      id: s.id,
      nameFi: s.nameFi,
      nameSv: s.nameSv,
      nameEn: s.nameEn,
      termStartYear: s.termStartYear,
      termEndYear: s.termEndYear,
    })),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "plan.manage" });
  const submission = parseWithZod(await request.formData(), { schema: NewPlanSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const res = createSafetyPlan(viewer.id, submission.value);
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
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const lang = i18n.language;
  const { plans, strategies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-plan",
    lastResult: actionData?.result,
    defaultValue: { updateIntervalDays: "90", strategyId: strategies[0] ? String(strategies[0].id) : "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewPlanSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Stack>
      <Title order={2}>{t("plans.adminTitle")}</Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <caption className="visually-hidden">{t("plans.listCaption")}</caption>
          <TableHead
            columns={[t("plans.name"), t("plans.period"), t("plans.statusLabel"), { label: t("plans.measureCount"), alignRight: true }]}
            scoped
            actions
          />
          <Table.Tbody>
            {plans.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row" fw="normal">
                  <Anchor component={Link} to={`/admin/plans/${p.id}`}>
                    {localName(p, lang)}
                  </Anchor>
                </Table.Th>
                <Table.Td>{t("plans.periodRange", { start: fmt.date(p.periodStart), end: fmt.date(p.periodEnd) })}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <PlanStatusBadge status={p.status} />
                    {!p.published ? <UnpublishedBadge /> : null}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{p.measureCount}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/plans/${p.id}`} aria-label={t("plans.viewNamed", { name: localName(p, lang) })}>
                    {t("plans.view")}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {plans.length === 0 ? <Text>{t("plans.noPlansAdmin")}</Text> : null}

      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">
          {t("plans.newPlan")}
        </Title>
        <Text size="sm" mb="sm">
          {t("plans.newPlanHelp")}
        </Text>
        <Form method="post" {...getFormProps(form)}>
          <Stack>
            <FormErrors errors={form.errors} />
            <PlanBasicsFields fields={fields} strategies={strategies} />
            <Group>
              <Button type="submit">{t("plans.createPlan")}</Button>
            </Group>
          </Stack>
        </Form>
      </Paper>
    </Stack>
  );
}
