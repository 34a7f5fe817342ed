import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Button, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GoalSchema, StrategySchema } from "~/forms/plans";
import { localName, namesFrom } from "~/i18n/names";
import { authorize, badRequest, notFound } from "~/server/people/guard.server";
import { getStrategyWithGoals, listStrategies, saveStrategyGoal, saveStrategy } from "~/server/city/plans.server";
import { FieldTextInput, FieldTextarea, FormErrors, useZodForm, IntentForm, SubmitRow } from "~/ui/forms";
import { useStrategyLabel } from "~/ui/plans/labels";
import { DataTable, EditLinkCell } from "~/ui/TableParts";
import {
  LocalizedDescriptionFields,
  LocalizedNameFields,
  localizedDescriptionDefaults,
  localizedNameDefaults,
} from "~/ui/admin/LocalizedFields";
import { pageTitle } from "~/i18n/page-title";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

type ActionData = { intent: string; result?: SubmissionResult<string[]>; saved?: boolean };

const positiveId = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : null);

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, ["plans.strategyAdminTitle", "admin.title"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "plan.manage" });
  const url = new URL(request.url);
  const strategies = listStrategies();
  const creating = url.searchParams.get("new") === "1" || strategies.length === 0;
  const wanted = positiveId(url.searchParams.get("strategy"));
  if (url.searchParams.get("strategy") && !wanted) notFound();
  // Without a choice, the newest strategy programme (the current council term) is edited.
  const selected = creating ? null : getStrategyWithGoals(wanted ?? strategies[0]?.id ?? null);
  if (!creating && !selected) notFound();
  const goalParam = url.searchParams.get("goal");
  const editingGoal = goalParam ? (selected?.goals.find((g) => String(g.id) === goalParam) ?? null) : null;
  if (goalParam && !editingGoal) notFound();
  return json({
    strategies: strategies.map((s) => ({
      id: s.id,
      ...namesFrom(s),
      termStartYear: s.termStartYear,
      termEndYear: s.termEndYear,
    })),
    selected,
    editingGoal,
    goalSaved: url.searchParams.get("done") === "goalSaved",
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "plan.manage" });
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent === "strategy") {
    const submission = parseWithZod(formData, { schema: StrategySchema });
    if (submission.status !== "success") return json<ActionData>({ intent, result: submission.reply() }, { status: 400 });
    const { id, ...input } = submission.value;
    const res = saveStrategy(viewer, id ?? null, input);
    if (!res.ok) {
      if (res.reason === "notFound") notFound();
      return json<ActionData>(
        { intent, result: submission.reply({ fieldErrors: { termEndYear: ["plans.errors.termOrder"] } }) },
        { status: 400 },
      );
    }
    if (!id) throw redirect(`/admin/strategy?strategy=${res.id}`);
    return json<ActionData>({ intent, result: submission.reply(), saved: true });
  }
  if (intent === "goal") {
    const submission = parseWithZod(formData, { schema: GoalSchema });
    if (submission.status !== "success") return json<ActionData>({ intent, result: submission.reply() }, { status: 400 });
    const { id, strategyId, ...input } = submission.value;
    const res = saveStrategyGoal(viewer, strategyId, id ?? null, input);
    if (!res.ok) {
      if (res.reason === "notFound") notFound();
      return json<ActionData>({ intent, result: submission.reply({ fieldErrors: { code: ["plans.errors.codeTaken"] } }) }, { status: 400 });
    }
    // An edit closes the goal editor; a new goal leaves an empty form for the next one.
    if (id) throw redirect(`/admin/strategy?strategy=${strategyId}&done=goalSaved#goals`);
    return json<ActionData>({ intent, result: submission.reply({ resetForm: true }), saved: true });
  }
  badRequest();
}

export default function AdminStrategy() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { strategies, selected, editingGoal, goalSaved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const strategyLabel = useStrategyLabel();
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);

  const [strategyForm, sf] = useZodForm(StrategySchema, {
    id: `strategy-${selected?.id ?? "new"}`,
    lastResult: resultFor("strategy"),
    defaultValue: selected
      ? {
          ...localizedNameDefaults(selected),
          termStartYear: String(selected.termStartYear),
          termEndYear: String(selected.termEndYear),
          ...localizedDescriptionDefaults(selected),
        }
      : {},
  });

  const [goalForm, gf] = useZodForm(GoalSchema, {
    id: `goal-${editingGoal?.id ?? "new"}`,
    lastResult: resultFor("goal"),
    defaultValue: editingGoal
      ? {
          code: editingGoal.code,
          ...localizedNameDefaults(editingGoal),
          descriptionFi: editingGoal.descriptionFi ?? "",
        }
      : {},
  });

  return (
    <Stack gap="lg">
      <Title order={2}>{t("plans.strategyAdminTitle")}</Title>
      <Text size="sm" maw={760}>
        {t("plans.strategyAdminHelp")}
      </Text>
      {strategies.length ? (
        <Group component="nav" aria-label={t("plans.strategyPrograms")} gap="xs">
          {strategies.map((s) => (
            <Button
              key={s.id}
              component={Link}
              to={`/admin/strategy?strategy=${s.id}`}
              size="xs"
              variant={selected?.id === s.id ? "filled" : "light"}
              aria-current={selected?.id === s.id ? "page" : undefined}
            >
              {strategyLabel(s)}
            </Button>
          ))}
          <Button
            component={Link}
            to="/admin/strategy?new=1"
            size="xs"
            variant={selected ? "subtle" : "filled"}
            aria-current={selected ? undefined : "page"}
          >
            {t("plans.newStrategy")}
          </Button>
        </Group>
      ) : null}

      <Panel
        titleId="strategy-form-title"
        title={selected ? t("plans.editStrategy") : t("plans.newStrategy")}
        order={3}
        mb="xs"
        actions={
          selected ? (
            <Anchor component={Link} to={`/strategy/${selected.id}`}>
              {t("plans.openPublicPage")}
            </Anchor>
          ) : null
        }
      >
        <IntentForm intent="strategy" {...getFormProps(strategyForm)}>
          {selected ? <input type="hidden" name="id" value={selected.id} /> : null}
          <Stack>
            <Notice message={actionData?.intent === "strategy" && actionData.saved ? t("common.saved") : null} variant="light" />
            <FormErrors errors={strategyForm.errors} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <LocalizedNameFields fields={sf} />
              <FieldTextInput field={sf.termStartYear} type="number" min={1900} max={2200} label={t("plans.termStartYear")} required />
              <FieldTextInput field={sf.termEndYear} type="number" min={1900} max={2200} label={t("plans.termEndYear")} required />
            </SimpleGrid>
            <LocalizedDescriptionFields fields={sf} />
            <SubmitRow label={selected ? t("common.save") : t("plans.createStrategy")} />
          </Stack>
        </IntentForm>
      </Panel>

      {selected ? (
        <Panel order={3} mb="xs" titleId="goals-title" title={t("plans.goalsTitle")} id="goals">
          <Stack>
            <Notice message={goalSaved ? t("common.saved") : null} variant="light" />
            {selected.goals.length ? (
              <DataTable caption={t("plans.goalsTitle")} minWidth={480} columns={[t("plans.code"), t("plans.goal")]} scoped actions>
                {selected.goals.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Td>{g.code}</Table.Td>
                    <Table.Th scope="row" fw="normal">
                      {localName(g, lang)}
                    </Table.Th>
                    <EditLinkCell to={`/admin/strategy?strategy=${selected.id}&goal=${g.id}#goal-form`} name={localName(g, lang)} />
                  </Table.Tr>
                ))}
              </DataTable>
            ) : (
              <Text>{t("plans.noGoals")}</Text>
            )}
            <IntentForm intent="goal" values={{ strategyId: selected.id }} {...getFormProps(goalForm)} aria-labelledby="goal-form">
              {editingGoal ? <input type="hidden" name="id" value={editingGoal.id} /> : null}
              <Stack>
                <Title order={4} size="h5" id="goal-form">
                  {editingGoal ? t("plans.editGoal", { name: localName(editingGoal, lang) }) : t("plans.newGoal")}
                </Title>
                <Notice message={actionData?.intent === "goal" && actionData.saved ? t("plans.done.goalAdded") : null} variant="light" />
                <FormErrors errors={goalForm.errors} />
                <SimpleGrid cols={{ base: 1, sm: 4 }}>
                  <FieldTextInput field={gf.code} label={t("plans.code")} required />
                  <LocalizedNameFields fields={gf} />
                </SimpleGrid>
                <FieldTextarea field={gf.descriptionFi} label={t("plans.descriptionFi")} minRows={2} />
                <Group>
                  <Button type="submit">{editingGoal ? t("common.save") : t("plans.addGoal")}</Button>
                  {editingGoal ? (
                    <Button component={Link} to={`/admin/strategy?strategy=${selected.id}#goals`} variant="subtle">
                      {t("common.cancel")}
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            </IntentForm>
          </Stack>
        </Panel>
      ) : null}
    </Stack>
  );
}
