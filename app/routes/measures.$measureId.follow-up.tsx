import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Alert, Anchor, Button, Checkbox, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { FollowUpFormSchema } from "~/forms/measures";
import { forbidden } from "~/server/people/guard.server";
import { requireMeasureRight } from "~/server/city/measure-guards.server";
import { followUpStatuses, helsinkiDate, taskOverdue } from "~/server/city/measure-rules";
import { addFollowUp, getMeasure } from "~/server/city/measures.server";
import { FieldNumberInput, FieldSelect, FormErrors, useErrorText, useZodForm } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { FollowUpTextFields } from "~/ui/measures/FollowUpTextFields";
import { StatusBadge } from "~/ui/measures/badges";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "measures.reportTitle", { params: { code: data?.measure.code ?? "" } });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { id } = await requireMeasureRight(request, context, params.measureId, "measure.followUp");
  const measure = getMeasure(id, { publicOnly: false })!;
  if (measure.measure.status === "proposed") forbidden();
  const m = measure.measure;
  return json({
    measure: {
      id: m.id,
      code: m.code,
      title: m.title,
      status: m.status,
      progress: m.progress,
      version: m.version,
      lastFollowUpAt: m.lastFollowUpAt,
    },
    late: measure.late,
    stale: measure.stale,
    tasks: measure.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      dueDate: t.dueDate,
      state: t.state,
      overdue: taskOverdue(t, helsinkiDate()),
    })),
    statuses: followUpStatuses(m.status),
    // The previous report's "done" and "what next", which this report answers.
    latest: measure.followUps[0]
      ? { reportedAt: measure.followUps[0].reportedAt, done: measure.followUps[0].done, next: measure.followUps[0].next }
      : null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer, id } = await requireMeasureRight(request, context, params.measureId, "measure.followUp");
  const submission = parseWithZod(await request.formData(), { schema: FollowUpFormSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), conflict: null, completion: null }, { status: 400 });
  const v = submission.value;
  // addFollowUp checks the status change against the measure as it is inside its transaction.
  const result = addFollowUp(viewer, id, v.version, { ...v, taskStates: v.tasks });
  if (result.ok) return redirect(`/measures/${id}?saved=followUp`);
  if (result.reason === "confirmCompletion") {
    // Nothing saved: the form comes back with everything typed and asks; asked once already, the
    // unticked box gets a field error.
    const errors = v.completionAsked ? { fieldErrors: { confirmCompletion: ["measures.completion.required"] } } : undefined;
    return json(
      { result: submission.reply(errors), conflict: null, completion: { progress: result.progress, openTasks: result.openTasks } },
      { status: 400 },
    );
  }
  if (result.reason === "transition") {
    return json(
      { result: submission.reply({ fieldErrors: { status: ["measures.validation.transition"] } }), conflict: null, completion: null },
      { status: 400 },
    );
  }
  if (result.reason === "conflict") {
    // Someone reported while this form was open: keep everything typed and show what they said.
    return json(
      {
        result: submission.reply({ formErrors: ["measures.conflict.followUp"] }),
        conflict: { version: result.currentVersion, latest: result.latest },
        completion: null,
      },
      { status: 409 },
    );
  }
  return json(
    { result: submission.reply({ formErrors: [`measures.decision.${result.reason}`] }), conflict: null, completion: null },
    { status: 400 },
  );
}

export default function FollowUpPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { measure, tasks, statuses, latest } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errorText = useErrorText();
  const [form, fields] = useZodForm(FollowUpFormSchema, {
    lastResult: actionData?.result,
    defaultValue: {
      status: measure.status,
      progress: String(measure.progress),
      tasks: tasks.map((task) => ({ id: String(task.id), state: task.state })),
    },
    shouldRevalidate: "onInput",
  });
  const conflict = actionData?.conflict;
  const version = conflict?.version ?? measure.version;
  const taskFields = fields.tasks.getFieldList();
  const completion = actionData?.completion ?? null;
  const overdueCount = tasks.filter((task) => task.overdue).length;
  const questionRef = useRef<HTMLHeadingElement>(null);
  // The question replaces the page the reporter was looking at: move focus to it so it is read out.
  useEffect(() => {
    if (completion) questionRef.current?.focus();
  }, [completion]);

  return (
    <Stack gap="md" maw={860}>
      <Anchor component={Link} to={`/measures/${measure.id}`} size="sm">
        ← {measure.code} {measure.title}
      </Anchor>
      <Title order={1}>{t("measures.reportTitle", { code: measure.code })}</Title>
      <Group gap="xs">
        <Text>{t("measures.currently")}</Text>
        <StatusBadge status={measure.status} />
        <Text>
          {fmt.number(measure.progress)} % · {t("measures.lastFollowUp")}: {fmt.date(measure.lastFollowUpAt)}
        </Text>
      </Group>
      {conflict ? (
        <Alert color="orange" role="alert" title={t("measures.conflict.title")}>
          <Text size="sm">{t("measures.conflict.followUp")}</Text>
          {conflict.latest ? (
            <Text size="sm" mt="xs">
              {t("measures.conflict.latest", {
                name: conflict.latest.reporterName ?? "–",
                date: fmt.dateTime(conflict.latest.reportedAt),
                status: t(`measures.status.${conflict.latest.status}`),
                progress: conflict.latest.progress,
              })}{" "}
              “{conflict.latest.done}”
            </Text>
          ) : null}
        </Alert>
      ) : (
        <FormErrors errors={form.errors} />
      )}
      <Paper withBorder p="lg">
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="version" value={version} />
          <Stack>
            {completion ? (
              <Alert color="yellow" variant="light" aria-labelledby="completion-title">
                <input type="hidden" name="completionAsked" value="1" />
                <Title order={2} size="h4" id="completion-title" ref={questionRef} tabIndex={-1}>
                  {t("measures.completion.title")}
                </Title>
                <Text size="sm" mt="xs">
                  {t("measures.completion.intro")}
                </Text>
                {completion.progress < 100 ? (
                  <Text size="sm" mt="xs">
                    {t("measures.completion.progress", { progress: fmt.number(completion.progress) })}
                  </Text>
                ) : null}
                {completion.openTasks.length ? (
                  <>
                    <Text size="sm" mt="xs" id="completion-open-tasks">
                      {t("measures.completion.openTasks", { count: completion.openTasks.length })}
                    </Text>
                    <List size="sm" mt={4} aria-labelledby="completion-open-tasks">
                      {completion.openTasks.map((task) => (
                        <List.Item key={task.id}>
                          {task.title}
                          {task.dueDate ? ` (${t("measures.due")} ${fmt.date(task.dueDate)})` : ""}
                          {task.overdue ? ` – ${t("measures.taskOverdue")}` : ""}
                        </List.Item>
                      ))}
                    </List>
                    <Text size="sm" mt="xs">
                      {t("measures.completion.openTasksHelp")}
                    </Text>
                  </>
                ) : null}
                <Checkbox
                  mt="md"
                  key={fields.confirmCompletion.key}
                  id={fields.confirmCompletion.id}
                  name={fields.confirmCompletion.name}
                  label={t("measures.completion.confirm")}
                  error={errorText(fields.confirmCompletion.errors)}
                />
              </Alert>
            ) : null}
            <Group grow align="start">
              <FieldSelect
                field={fields.status}
                label={t("measures.statusLabel")}
                data={statuses.map((s) => ({ value: s, label: t(`measures.status.${s}`) }))}
              />
              <FieldNumberInput
                field={fields.progress}
                label={t("measures.progressPercent")}
                min={0}
                max={100}
                clampBehavior="none"
                allowDecimal={false}
                required
              />
            </Group>
            {latest?.next.trim() ? (
              <Paper withBorder p="sm">
                <Text size="sm" fw={600}>
                  {t("measures.previousNext", { date: fmt.date(latest.reportedAt) })}
                </Text>
                <Text size="sm" mt={4} style={{ whiteSpace: "pre-line" }}>
                  {latest.next}
                </Text>
                <Text size="sm" mt={4} c="dimmed">
                  {t("measures.previousNextHelp")}
                </Text>
              </Paper>
            ) : null}
            <FollowUpTextFields fields={fields} withHelp />
            {tasks.length ? (
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend>
                  <Text fw={600}>{t("measures.tasks")}</Text>
                </legend>
                {overdueCount ? (
                  <Text size="sm" mt="xs">
                    {t("measures.taskOverdueHelp", { count: overdueCount })}
                  </Text>
                ) : null}
                <Stack gap="xs" mt="xs">
                  {taskFields.map((taskField, index) => {
                    const task = tasks[index];
                    if (!task) return null;
                    const f = taskField.getFieldset();
                    return (
                      <Group key={taskField.key} grow align="end">
                        <input type="hidden" name={f.id.name} value={task.id} />
                        <FieldSelect
                          field={f.state}
                          label={`${task.title}${task.dueDate ? ` (${t("measures.due")} ${fmt.date(task.dueDate)})` : ""}${task.overdue ? ` – ${t("measures.taskOverdue")}` : ""}`}
                          data={(["open", "done", "cancelled"] as const).map((s) => ({ value: s, label: t(`measures.taskState.${s}`) }))}
                        />
                      </Group>
                    );
                  })}
                </Stack>
              </fieldset>
            ) : null}
            <Group>
              <Button type="submit" loading={navigation.state === "submitting"}>
                {conflict ? t("measures.sendAnyway") : t("measures.sendReport")}
              </Button>
              <Anchor component={Link} to={`/measures/${measure.id}`}>
                {t("common.cancel")}
              </Anchor>
            </Group>
          </Stack>
        </Form>
      </Paper>
      {latest ? (
        <Text size="sm" c="dimmed">
          {t("measures.previousReport", { date: fmt.date(latest.reportedAt) })}: {latest.done}
        </Text>
      ) : null}
    </Stack>
  );
}
