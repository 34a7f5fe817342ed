import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Alert, Anchor, Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApproveSchema, PlanEditSchema, PriorityAreaSchema, PublishSchema, StepSchema } from "~/forms/plans";
import { localName, namesFrom } from "~/i18n/names";
import { authorize, badRequest, idParam, notFound } from "~/server/people/guard.server";
import {
  getPlan,
  listPriorityAreas,
  listStrategies,
  PLAN_NEXT_STATUS,
  planYears,
  priorityAreaYearRecords,
  savePriorityArea,
  setPlanPublished,
  transitionPlan,
  updatePlan,
} from "~/server/city/plans.server";
import { FieldTextInput, FormErrors, useErrorText, useZodForm, IntentForm, SubmitRow } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { PlanBasicsFields } from "~/ui/plans/PlanBasicsFields";
import { PlanStatusBadge, UnpublishedBadge } from "~/ui/plans/PlanStatusBadge";
import { DataTable, EditLinkCell } from "~/ui/TableParts";
import {
  LocalizedDescriptionFields,
  LocalizedNameFields,
  localizedDescriptionDefaults,
  localizedNameDefaults,
} from "~/ui/admin/LocalizedFields";
import { languageOf, pageTitle } from "~/i18n/page-title";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

type Notice = { color: "green" | "red"; key: string; params?: Record<string, string | number>; link?: string };
type ActionData = { intent: string; result?: SubmissionResult<string[]>; notice?: Notice };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, ["plans.adminTitle", "admin.title"], { name: data ? localName(data.plan, languageOf(matches)) : null });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "plan.manage" });
  const plan = getPlan(idParam(params.planId), { publicOnly: false });
  if (!plan) notFound();
  const url = new URL(request.url);
  const areas = listPriorityAreas(plan.id);
  const editParam = url.searchParams.get("area");
  const editing = editParam ? (areas.find((a) => String(a.id) === editParam) ?? null) : null;
  if (editParam && !editing) notFound();
  return json({
    plan,
    areas,
    editing,
    years: planYears(plan),
    yearRecords: priorityAreaYearRecords(plan.id),
    next: PLAN_NEXT_STATUS[plan.status],
    strategies: listStrategies().map((s) => ({
      id: s.id,
      ...namesFrom(s),
      termStartYear: s.termStartYear,
      termEndYear: s.termEndYear,
    })),
    areaSaved: url.searchParams.get("done") === "areaSaved",
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "plan.manage" });
  const planId = idParam(params.planId);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const reply = (data: ActionData, status = 200) => json(data, { status });

  if (intent === "plan") {
    const submission = parseWithZod(formData, { schema: PlanEditSchema });
    if (submission.status !== "success") return reply({ intent, result: submission.reply() }, 400);
    const res = updatePlan(viewer, planId, submission.value);
    if (res.ok) return reply({ intent, result: submission.reply(), notice: { color: "green", key: "plans.done.planSaved" } });
    if (res.reason === "notFound") notFound();
    const fieldErrors: Record<string, string[]> =
      res.reason === "periodOrder"
        ? { periodEnd: ["plans.errors.periodOrder"] }
        : res.reason === "strategyNotFound"
          ? { strategyId: ["validation.choose"] }
          : res.reason === "decisionMissing"
            ? { decisionDate: ["plans.errors.decisionKept"] }
            : { periodEnd: ["plans.errors.yearsOutsidePeriod"] };
    return reply({ intent, result: submission.reply({ fieldErrors }) }, 400);
  }

  if (intent === "approve") {
    const submission = parseWithZod(formData, { schema: ApproveSchema });
    if (submission.status !== "success") return reply({ intent, result: submission.reply() }, 400);
    const res = transitionPlan(viewer, planId, "approved", submission.value);
    if (res.ok) return reply({ intent, result: submission.reply(), notice: { color: "green", key: "plans.done.approved" } });
    if (res.reason === "notFound") notFound();
    return reply(
      {
        intent,
        result: submission.reply({
          formErrors: [res.reason === "decisionMissing" ? "plans.errors.decisionMissing" : "plans.errors.transition"],
        }),
      },
      409,
    );
  }

  if (intent === "step") {
    const submission = parseWithZod(formData, { schema: StepSchema });
    if (submission.status !== "success") badRequest();
    const res = transitionPlan(viewer, planId, submission.value.to);
    if (res.ok)
      return reply({
        intent,
        notice: { color: "green", key: submission.value.to === "in_force" ? "plans.done.inForce" : "plans.done.closed" },
      });
    if (res.reason === "notFound") notFound();
    if (res.reason === "otherInForce") {
      return reply(
        {
          intent,
          notice: {
            color: "red",
            key: "plans.errors.otherInForce",
            params: { name: res.other.nameFi },
            link: `/admin/plans/${res.other.id}`,
          },
        },
        409,
      );
    }
    return reply({ intent, notice: { color: "red", key: "plans.errors.transition" } }, 409);
  }

  if (intent === "publish") {
    const submission = parseWithZod(formData, { schema: PublishSchema });
    if (submission.status !== "success") badRequest();
    const published = submission.value.published === "1";
    if (!setPlanPublished(viewer, planId, published)) notFound();
    return reply({ intent, notice: { color: "green", key: published ? "plans.done.published" : "plans.done.unpublished" } });
  }

  if (intent === "area") {
    const submission = parseWithZod(formData, { schema: PriorityAreaSchema });
    if (submission.status !== "success") return reply({ intent, result: submission.reply() }, 400);
    const { id, ...input } = submission.value;
    const res = savePriorityArea(viewer, planId, id ?? null, input);
    if (!res.ok) {
      if (res.reason === "notFound") notFound();
      const fieldErrors: Record<string, string[]> =
        res.reason === "codeTaken" ? { code: ["plans.errors.codeTaken"] } : { years: ["plans.errors.yearOutsidePeriod"] };
      return reply({ intent, result: submission.reply({ fieldErrors }) }, 400);
    }
    // An edit closes the editor (its address names the area); a new area leaves an empty form for the next.
    if (id) throw redirect(`/admin/plans/${planId}?done=areaSaved#priority-areas`);
    return reply({ intent, result: submission.reply({ resetForm: true }), notice: { color: "green", key: "plans.done.areaAdded" } });
  }

  badRequest();
}

function NoticeAlert({ notice }: { notice: Notice | undefined }) {
  const { t } = useTranslation();
  if (!notice) return null;
  return (
    <Alert color={notice.color} variant="light" role={notice.color === "red" ? "alert" : "status"}>
      {t(notice.key, notice.params)}
      {notice.link ? (
        <>
          {" "}
          <Anchor component={Link} to={notice.link}>
            {t("plans.openOtherPlan")}
          </Anchor>
        </>
      ) : null}
    </Alert>
  );
}

export default function AdminPlan() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const lang = i18n.language;
  const { plan, areas, editing, years, yearRecords, next, strategies, areaSaved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const errorText = useErrorText();
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  const noticeFor = (...intents: string[]) => (actionData && intents.includes(actionData.intent) ? actionData.notice : undefined);

  const [planForm, planFields] = useZodForm(PlanEditSchema, {
    id: `plan-${plan.id}`,
    lastResult: resultFor("plan"),
    defaultValue: {
      ...localizedNameDefaults(plan),
      ...localizedDescriptionDefaults(plan),
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      updateIntervalDays: String(plan.updateIntervalDays),
      strategyId: plan.strategyId ? String(plan.strategyId) : "",
      decisionDate: plan.decisionDate ?? "",
      decisionBody: plan.decisionBody ?? "",
      decisionReference: plan.decisionReference ?? "",
    },
  });

  const [approveForm, approveFields] = useZodForm(ApproveSchema, {
    id: `approve-${plan.id}`,
    lastResult: resultFor("approve"),
    defaultValue: {
      decisionDate: plan.decisionDate ?? "",
      decisionBody: plan.decisionBody ?? "",
      decisionReference: plan.decisionReference ?? "",
    },
  });

  const [areaForm, areaFields] = useZodForm(PriorityAreaSchema, {
    id: `area-${editing?.id ?? "new"}`,
    lastResult: resultFor("area"),
    defaultValue: editing
      ? {
          code: editing.code,
          ...localizedNameDefaults(editing),
          ...localizedDescriptionDefaults(editing),
          years: editing.years.map(String),
        }
      : { years: [] as string[] },
  });
  // One ticked box comes back as a string, several as a list.
  const initialYears = areaFields.years.initialValue as string[] | string | undefined;
  const checkedYears = new Set(Array.isArray(initialYears) ? initialYears : initialYears ? [initialYears] : []);
  const noteOf = (areaId: number, year: number) => yearRecords.find((r) => r.priorityAreaId === areaId && r.year === year)?.decisionNote;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/admin/plans" size="sm">
          {t("plans.backToAdminPlans")}
        </Anchor>
        <Title order={2}>{localName(plan, lang)}</Title>
        <Group gap="sm">
          <PlanStatusBadge status={plan.status} />
          {!plan.published ? <UnpublishedBadge /> : null}
          <Anchor component={Link} to={`/plans/${plan.id}`}>
            {t("plans.openPublicPage")}
          </Anchor>
        </Group>
      </Stack>

      <Panel order={3} mb="xs" titleId="lifecycle" title={t("plans.lifecycleTitle")}>
        <Stack>
          <NoticeAlert notice={noticeFor("approve", "step", "publish")} />
          <Text size="sm">{t("plans.lifecycleHelp")}</Text>
          {next === "approved" ? (
            <IntentForm intent="approve" {...getFormProps(approveForm)}>
              <Stack>
                <FormErrors errors={approveForm.errors} />
                <Text size="sm">{t("plans.approveHelp")}</Text>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <FieldTextInput field={approveFields.decisionDate} type="date" label={t("plans.decisionDate")} required />
                  <FieldTextInput
                    field={approveFields.decisionBody}
                    label={t("plans.decisionBody")}
                    description={t("plans.decisionBodyHelp")}
                    required
                  />
                  <FieldTextInput
                    field={approveFields.decisionReference}
                    label={t("plans.decisionReference")}
                    description={t("plans.decisionReferenceHelp")}
                    required
                  />
                </SimpleGrid>
                <SubmitRow label={t("plans.approve")} />
              </Stack>
            </IntentForm>
          ) : null}
          {next === "in_force" || next === "closed" ? (
            <IntentForm intent="step" values={{ to: next }}>
              <Group>
                <Button type="submit" color={next === "closed" ? "red" : undefined}>
                  {next === "in_force" ? t("plans.putInForce") : t("plans.close")}
                </Button>
                <Text size="sm">{next === "in_force" ? t("plans.putInForceHelp") : t("plans.closeHelp")}</Text>
              </Group>
            </IntentForm>
          ) : null}
          {next === null ? <Text>{t("plans.closedNote")}</Text> : null}
          <IntentForm intent="publish" values={{ published: plan.published ? "0" : "1" }}>
            <Group>
              <Button type="submit" variant="outline">
                {plan.published ? t("plans.unpublish") : t("plans.publish")}
              </Button>
              <Text size="sm">{plan.published ? t("plans.publishedHelp") : t("plans.unpublishedHelp")}</Text>
            </Group>
          </IntentForm>
        </Stack>
      </Panel>

      <Panel order={3} mb="xs" titleId="plan-details" title={t("plans.detailsTitle")}>
        <IntentForm intent="plan" {...getFormProps(planForm)}>
          <Stack>
            <NoticeAlert notice={noticeFor("plan")} />
            <FormErrors errors={planForm.errors} />
            <PlanBasicsFields fields={planFields} strategies={strategies} />
            <LocalizedDescriptionFields fields={planFields} />
            {plan.status !== "draft" ? (
              <Fieldset legend={t("plans.decisionTitle")}>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <FieldTextInput field={planFields.decisionDate} type="date" label={t("plans.decisionDate")} required />
                  <FieldTextInput field={planFields.decisionBody} label={t("plans.decisionBody")} required />
                  <FieldTextInput field={planFields.decisionReference} label={t("plans.decisionReference")} required />
                </SimpleGrid>
              </Fieldset>
            ) : null}
            <SubmitRow label={t("common.save")} />
          </Stack>
        </IntentForm>
      </Panel>

      <Panel order={3} mb="xs" titleId="priority-areas-title" title={t("plans.priorityAreasTitle")} id="priority-areas">
        <Stack>
          <Notice message={areaSaved ? t("plans.done.areaSaved") : null} variant="light" />
          <Text size="sm">{t("plans.priorityAreasHelp")}</Text>
          {areas.length ? (
            <DataTable
              caption={t("plans.priorityAreasTitle")}
              minWidth={560}
              columns={[t("plans.code"), t("plans.name"), t("plans.yearsInForce")]}
              scoped
              actions
            >
              {areas.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.code}</Table.Td>
                  <Table.Th scope="row" fw="normal">
                    {localName(a, lang)}
                  </Table.Th>
                  <Table.Td>{a.years.length ? a.years.join(", ") : "–"}</Table.Td>
                  <EditLinkCell to={`?area=${a.id}#area-form`} name={localName(a, lang)} />
                </Table.Tr>
              ))}
            </DataTable>
          ) : (
            <Text>{t("plans.noAreas")}</Text>
          )}

          <IntentForm intent="area" {...getFormProps(areaForm)} aria-labelledby="area-form">
            {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
            <Stack>
              <Title order={4} size="h5" id="area-form">
                {editing ? t("plans.editArea", { name: localName(editing, lang) }) : t("plans.newArea")}
              </Title>
              <NoticeAlert notice={noticeFor("area")} />
              <FormErrors errors={areaForm.errors} />
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <FieldTextInput field={areaFields.code} label={t("plans.code")} description={t("plans.codeHelp")} required />
                <LocalizedNameFields fields={areaFields} />
              </SimpleGrid>
              <LocalizedDescriptionFields fields={areaFields} inRow />
              <Fieldset legend={t("plans.yearsInForce")} key={areaFields.years.key}>
                <Text size="sm" mb="xs">
                  {t("plans.yearsHelp")}
                </Text>
                <Group gap="lg" align="flex-start">
                  {years.map((y) => {
                    const note = editing ? noteOf(editing.id, y) : null;
                    return (
                      <Checkbox
                        key={y}
                        name={areaFields.years.name}
                        value={String(y)}
                        defaultChecked={checkedYears.has(String(y))}
                        label={String(y)}
                        description={note ?? undefined}
                      />
                    );
                  })}
                </Group>
                {areaFields.years.errors ? (
                  <Text c="red.7" size="sm" mt="xs" role="alert">
                    {errorText(areaFields.years.errors)}
                  </Text>
                ) : null}
                <FieldTextInput
                  field={areaFields.decisionNote}
                  label={t("plans.decisionNote")}
                  description={t("plans.decisionNoteHelp")}
                  mt="sm"
                />
              </Fieldset>
              <Group>
                <Button type="submit">{editing ? t("common.save") : t("plans.addArea")}</Button>
                {editing ? (
                  <Button component={Link} to={`/admin/plans/${plan.id}#priority-areas`} variant="subtle">
                    {t("common.cancel")}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          </IntentForm>
        </Stack>
      </Panel>
      <Text size="sm" c="dimmed">
        {t("plans.createdAt", { date: fmt.date(plan.createdAt) })}
      </Text>
    </Stack>
  );
}
