import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z, ZodTypeAny } from "zod";
import { ATTENDANCE } from "../../db/schema";
import { AgendaItemSchema, DecisionFormSchema, MeetingIntentSchema, MeetingSchema, MinutesSchema } from "~/forms/workspaces";
import { badRequest, idParam, notFound } from "~/server/people/guard.server";
import { helsinkiParts, helsinkiToDate } from "~/server/platform/helsinki-time";
import { linkOptions, parseLinkValue } from "~/server/workspaces/links.server";
import {
  addAgendaItem,
  approveMinutes,
  getMeeting,
  moveAgendaItem,
  recordDecision,
  removeAgendaItem,
  saveMinutes,
  setAttendance,
  updateMeeting,
  type Refusal,
} from "~/server/workspaces/meetings.server";
import { requireWorkspace } from "~/server/workspaces/workspace-guards.server";
import { EditDetailsSection } from "~/ui/EditDetailsSection";
import { FieldSelect, FieldTextInput, FieldTextarea, FormErrors, useErrorText, useZodForm, IntentForm, SubmitRow } from "~/ui/forms";
import { MeetingFields } from "~/ui/workspaces/MeetingFields";
import { useFormat } from "~/ui/format";
import { LinkSelect } from "~/ui/workspaces/LinkSelect";
import { LinkView } from "~/ui/workspaces/LinkView";
import { LocalText } from "~/ui/LocalText";
import { TranslationFields } from "~/ui/TranslationFields";
import { pageTitle } from "~/i18n/page-title";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, "titles.meeting", { name: data?.meeting.title });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, groupId, canManage } = await requireWorkspace(request, context, params.groupId);
  const data = getMeeting(viewer, groupId, idParam(params.meetingId));
  if (!data) notFound();
  const editable = canManage && data.meeting.minutesStatus === "draft";
  const starts = helsinkiParts(data.meeting.startsAt);
  return json({
    ...data,
    groupId,
    viewerId: viewer.id,
    canManage,
    editable,
    form: { date: starts.date, start: starts.time, end: helsinkiParts(data.meeting.endsAt).time },
    options: editable ? linkOptions(viewer, groupId) : null,
  });
}

type Result = { ok: true } | Refusal;

const refusalKey = (r: Refusal) =>
  r.reason === "conflict"
    ? "workspaces.meetings.errors.conflict"
    : r.reason === "approved"
      ? "workspaces.meetings.errors.approved"
      : "workspaces.meetings.errors.invalid";

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer, groupId, canManage } = await requireWorkspace(request, context, params.groupId);
  const meetingId = idParam(params.meetingId);
  if (!getMeeting(viewer, groupId, meetingId)) notFound();
  const formData = await request.formData();
  const parsed = MeetingIntentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsed.success) badRequest();
  const intent = parsed.data.intent;
  const back = (done: string) => redirect(`/workspaces/${groupId}/meetings/${meetingId}?done=${done}`);
  // Parses the form, runs the write and answers: the page again, or the form as typed with why it was refused.
  const submit = <S extends ZodTypeAny>(
    schema: S,
    run: (value: z.output<S>, fieldError: (options: { fieldErrors: Record<string, string[]> }) => Response) => Result | Response,
    done: string,
  ) => {
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return json({ intent, result: submission.reply(), error: null }, { status: 400 });
    const fieldError = (options: { fieldErrors: Record<string, string[]> }) =>
      json({ intent, result: submission.reply(options), error: null }, { status: 400 });
    const r = run(submission.value as z.output<S>, fieldError);
    if (r instanceof Response) return r;
    if (!r.ok) return json({ intent, result: submission.reply({ formErrors: [refusalKey(r)] }), error: null }, { status: 409 });
    return back(done);
  };
  // The same for a form that links the record to another (an agenda item, a decision): an unknown link is the field's error.
  type Linked = Extract<ReturnType<typeof parseLinkValue>, { ok: true }>;
  const submitLinked = <S extends ZodTypeAny>(schema: S, run: (value: z.output<S>, link: Linked) => Result, done: string) =>
    submit(
      schema,
      (v, fieldError) => {
        const link = parseLinkValue(viewer, v.link);
        return link.ok ? run(v, link) : fieldError({ fieldErrors: { link: ["workspaces.meetings.errors.link"] } });
      },
      done,
    );
  // Answering for oneself is for every member; everything else is the organisers' work.
  if (intent !== "answer" && !canManage) return json({ intent, result: null, error: "errors.403.title" }, { status: 403 });

  switch (intent) {
    case "answer": {
      const status = formData.get("status") === "declined" ? "declined" : "attending";
      const r = setAttendance(viewer, meetingId, viewer.id, status, { manager: false });
      return r.ok ? back("answer") : json({ intent, result: null, error: refusalKey(r) }, { status: 409 });
    }
    case "attendance": {
      for (const [key, value] of formData) {
        if (!key.startsWith("attendance.") || typeof value !== "string" || !(ATTENDANCE as readonly string[]).includes(value)) continue;
        const r = setAttendance(viewer, meetingId, key.slice("attendance.".length), value as (typeof ATTENDANCE)[number], {
          manager: true,
        });
        if (!r.ok && r.reason !== "invalid") return json({ intent, result: null, error: refusalKey(r) }, { status: 409 });
      }
      return back("attendance");
    }
    case "edit":
      return submit(
        MeetingSchema,
        (v) =>
          updateMeeting(viewer, meetingId, v.version ?? 0, {
            title: v.title,
            startsAt: helsinkiToDate(v.date, v.start),
            endsAt: helsinkiToDate(v.date, v.end),
            place: v.place,
            onlineUrl: v.onlineUrl ?? null,
            status: v.status,
          }),
        "saved",
      );
    case "addItem":
      return submitLinked(
        AgendaItemSchema,
        (v, link) =>
          addAgendaItem(viewer, meetingId, { title: v.title, description: v.description, linkType: link.linkType, linkId: link.linkId }),
        "item",
      );
    case "moveUp":
    case "moveDown":
    case "removeItem": {
      const itemId = Number(formData.get("itemId"));
      if (!Number.isSafeInteger(itemId)) badRequest();
      const r =
        intent === "removeItem"
          ? removeAgendaItem(viewer, meetingId, itemId)
          : moveAgendaItem(viewer, meetingId, itemId, intent === "moveUp" ? "up" : "down");
      return r.ok ? back("item") : json({ intent, result: null, error: refusalKey(r) }, { status: 409 });
    }
    case "minutes":
    case "approve": {
      const submission = parseWithZod(formData, { schema: MinutesSchema });
      if (submission.status !== "success") return json({ intent: "minutes", result: submission.reply(), error: null }, { status: 400 });
      if (intent === "minutes") {
        const saved = saveMinutes(viewer, meetingId, submission.value.version, submission.value.minutes);
        if (!saved.ok)
          return json({ intent: "minutes", result: submission.reply({ formErrors: [refusalKey(saved)] }), error: null }, { status: 409 });
        return back("minutes");
      }
      // Approving saves what is in the box in the same transaction, so nothing typed is lost.
      const approved = approveMinutes(viewer, meetingId, submission.value.version, { minutes: submission.value.minutes });
      if (!approved.ok)
        return json(
          {
            intent: "minutes",
            result: submission.reply({
              formErrors: [approved.reason === "invalid" ? "workspaces.meetings.errors.minutesEmpty" : refusalKey(approved)],
            }),
            error: null,
          },
          { status: 409 },
        );
      return back("approved");
    }
    case "decision":
      return submitLinked(
        DecisionFormSchema,
        (v, link) =>
          recordDecision(viewer, meetingId, {
            text: v.text,
            textSv: v.textSv,
            textEn: v.textEn,
            decidedOn: v.decidedOn,
            agendaItemId: v.agendaItemId ?? null,
            linkType: link.linkType,
            linkId: link.linkId,
          }),
        "decision",
      );
  }
}

export default function MeetingPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const { meeting, agenda, decisions, attendance, editable, options, groupId, viewerId } = data;
  const done = params.get("done");
  const result = (intent: string) => (actionData?.intent === intent ? (actionData.result ?? undefined) : undefined);
  const busy = navigation.state === "submitting";

  const [editForm, edit] = useZodForm(MeetingSchema, {
    id: `meeting-edit-${meeting.version}`,
    lastResult: result("edit"),
    defaultValue: { ...data.form, title: meeting.title, place: meeting.place, onlineUrl: meeting.onlineUrl ?? "", status: meeting.status },
  });
  const [itemForm, item] = useZodForm(AgendaItemSchema, {
    id: `agenda-${agenda.length}`,
    lastResult: result("addItem"),
  });
  const [minutesForm, minutes] = useZodForm(MinutesSchema, {
    id: `minutes-${meeting.version}`,
    lastResult: result("minutes"),
    defaultValue: { minutes: meeting.minutes },
  });
  const [decisionForm, decision] = useZodForm(DecisionFormSchema, {
    id: `decision-${decisions.length}`,
    lastResult: result("decision"),
    defaultValue: { decidedOn: data.form.date },
  });
  const mine = attendance.find((a) => a.userId === viewerId);
  const base = `/workspaces/${groupId}/meetings/${meeting.id}`;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/workspaces/${groupId}/meetings`} size="sm">
        ← {t("workspaces.meetings.title")}
      </Anchor>
      <Stack gap={4}>
        <Title order={2} size="h3">
          {meeting.title}
        </Title>
        <Group gap="xs">
          <Badge variant="light" color={meeting.status === "cancelled" ? "red" : meeting.status === "held" ? "green" : "city"}>
            {t(`workspaces.meetings.status.${meeting.status}`)}
          </Badge>
          <Badge variant="outline" color={meeting.minutesStatus === "approved" ? "green" : "dark"} data-testid="minutes-status">
            {t(`workspaces.meetings.minutesStatus.${meeting.minutesStatus}`)}
          </Badge>
        </Group>
        <Text>
          {t("workspaces.meetings.when")}: {fmt.dateTime(meeting.startsAt)} – {data.form.end}
        </Text>
        {meeting.place ? (
          <Text>
            {t("workspaces.meetings.where")}: {meeting.place}
          </Text>
        ) : null}
        {meeting.onlineUrl ? (
          <Text>
            {t("workspaces.meetings.online")}:{" "}
            <Anchor href={meeting.onlineUrl} rel="noopener noreferrer">
              {meeting.onlineUrl}
            </Anchor>
          </Text>
        ) : null}
        <Anchor component={Link} to={`${base}.ics`} reloadDocument size="sm">
          {t("workspaces.meetings.exportIcs")}
        </Anchor>
      </Stack>
      <Notice message={done ? t(done === "created" ? "workspaces.meetings.created" : "common.saved") : null} />
      <Notice tone="error" message={actionData?.error ? t(actionData.error) : null} />

      <Panel titleId="meeting-agenda" title={t("workspaces.meetings.agenda")} order={3}>
        {agenda.length === 0 ? <Text size="sm">{t("workspaces.meetings.noAgenda")}</Text> : null}
        <Stack gap="sm" component="ol" style={{ paddingLeft: "1.5rem", margin: 0 }} data-testid="agenda">
          {agenda.map((a, i) => (
            <li key={a.id}>
              <Text fw={600}>{a.title}</Text>
              {a.description ? (
                <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                  {a.description}
                </Text>
              ) : null}
              <LinkView link={a.link} />
              {editable ? (
                <Form method="post">
                  <input type="hidden" name="itemId" value={a.id} />
                  <Group gap={4} mt={4}>
                    <Button
                      type="submit"
                      name="intent"
                      value="moveUp"
                      size="compact-xs"
                      variant="subtle"
                      disabled={i === 0}
                      aria-label={t("workspaces.meetings.moveUp", { title: a.title })}
                    >
                      ↑
                    </Button>
                    <Button
                      type="submit"
                      name="intent"
                      value="moveDown"
                      size="compact-xs"
                      variant="subtle"
                      disabled={i === agenda.length - 1}
                      aria-label={t("workspaces.meetings.moveDown", { title: a.title })}
                    >
                      ↓
                    </Button>
                    <Button
                      type="submit"
                      name="intent"
                      value="removeItem"
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      aria-label={t("workspaces.meetings.removeItem", { title: a.title })}
                    >
                      {t("common.remove")}
                    </Button>
                  </Group>
                </Form>
              ) : null}
            </li>
          ))}
        </Stack>
        {editable && options ? (
          <AddRecordForm
            formProps={getFormProps(itemForm)}
            errors={itemForm.errors}
            intent="addItem"
            title={t("workspaces.meetings.addItem")}
            busy={busy}
          >
            <FieldTextInput field={item.title} label={t("workspaces.meetings.itemTitle")} required />
            <FieldTextarea field={item.description} label={t("workspaces.meetings.itemDescription")} minRows={2} />
            <LinkSelect
              key={item.link.key}
              name={item.link.name}
              defaultValue={item.link.initialValue}
              options={options}
              label={t("workspaces.meetings.link")}
              description={t("workspaces.meetings.linkHelp")}
              error={errorText(item.link.errors)}
            />
          </AddRecordForm>
        ) : null}
      </Panel>

      <Panel titleId="meeting-attendance" title={t("workspaces.meetings.attendance")} order={3}>
        {meeting.status === "planned" && mine && !["present", "absent"].includes(mine.status) ? (
          <IntentForm intent="answer">
            <Group gap="xs" mb="sm">
              <Text size="sm">
                {t("workspaces.meetings.myAnswer")}: {t(`workspaces.meetings.attendanceStatus.${mine.status}`)}
              </Text>
              <Button type="submit" name="status" value="attending" size="xs" variant={mine.status === "attending" ? "filled" : "light"}>
                {t("workspaces.meetings.attend")}
              </Button>
              <Button type="submit" name="status" value="declined" size="xs" variant={mine.status === "declined" ? "filled" : "light"}>
                {t("workspaces.meetings.decline")}
              </Button>
            </Group>
          </IntentForm>
        ) : null}
        {editable ? (
          <IntentForm intent="attendance">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {attendance.map((a) => (
                <NativeSelect
                  key={a.userId}
                  name={`attendance.${a.userId}`}
                  label={a.name}
                  aria-label={t("workspaces.meetings.attendanceOf", { name: a.name })}
                  defaultValue={a.status}
                  data={ATTENDANCE.map((s) => ({ value: s, label: t(`workspaces.meetings.attendanceStatus.${s}`) }))}
                />
              ))}
            </SimpleGrid>
            <Button type="submit" mt="sm" variant="light">
              {t("workspaces.meetings.saveAttendance")}
            </Button>
          </IntentForm>
        ) : (
          <Table>
            <caption className="visually-hidden">{t("workspaces.meetings.attendance")}</caption>
            <Table.Tbody>
              {attendance.map((a) => (
                <Table.Tr key={a.userId}>
                  <Table.Th scope="row" fw={400}>
                    {a.name}
                  </Table.Th>
                  <Table.Td>{t(`workspaces.meetings.attendanceStatus.${a.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Panel>

      <Panel titleId="meeting-minutes" title={t("workspaces.meetings.minutes")} order={3}>
        {editable ? (
          <Form method="post" {...getFormProps(minutesForm)}>
            <input type="hidden" name="version" value={meeting.version} />
            <Stack>
              <FormErrors errors={minutesForm.errors} />
              <FieldTextarea
                field={minutes.minutes}
                label={t("workspaces.meetings.minutes")}
                description={t("workspaces.meetings.minutesHelp")}
                minRows={6}
              />
              <Group>
                <Button type="submit" name="intent" value="minutes" variant="light" loading={busy}>
                  {t("workspaces.meetings.saveMinutes")}
                </Button>
                <Button type="submit" name="intent" value="approve" color="green" loading={busy}>
                  {t("workspaces.meetings.approveMinutes")}
                </Button>
              </Group>
            </Stack>
          </Form>
        ) : (
          <>
            <Text style={{ whiteSpace: "pre-line" }} data-testid="minutes-text">
              {meeting.minutes || t("workspaces.meetings.noMinutes")}
            </Text>
            {meeting.minutesStatus === "approved" ? (
              <Text size="sm" c="dimmed" mt="xs">
                {t("workspaces.meetings.approvedBy", { name: meeting.approverName ?? "–" })}, {fmt.dateTime(meeting.minutesApprovedAt)}
              </Text>
            ) : null}
          </>
        )}
      </Panel>

      <Panel titleId="meeting-decisions" title={t("workspaces.meetings.decisions")} order={3}>
        {decisions.length === 0 ? <Text size="sm">{t("workspaces.meetings.noDecisions")}</Text> : null}
        <Stack gap="xs" data-testid="decisions">
          {decisions.map((d) => (
            <div key={d.id}>
              <Text>
                <strong>{d.number}</strong> ({fmt.date(d.decidedOn)}) <LocalText record={d} field="text" />
              </Text>
              <LinkView link={d.link} />
            </div>
          ))}
        </Stack>
        {editable && options ? (
          <AddRecordForm
            formProps={getFormProps(decisionForm)}
            errors={decisionForm.errors}
            intent="decision"
            title={t("workspaces.meetings.recordDecision")}
            busy={busy}
          >
            <FieldTextarea field={decision.text} label={t("workspaces.meetings.decisionText")} minRows={2} required />
            <TranslationFields sv={decision.textSv} en={decision.textEn} label={t("workspaces.meetings.decisionText")} multiline />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FieldTextInput field={decision.decidedOn} type="date" label={t("workspaces.meetings.decidedOn")} required />
              <FieldSelect
                field={decision.agendaItemId}
                defaultValue={decision.agendaItemId.initialValue ?? ""}
                label={t("workspaces.meetings.concernsItem")}
                data={[
                  { value: "", label: t("common.none") },
                  ...agenda.map((a, i) => ({ value: String(a.id), label: `${i + 1}. ${a.title}` })),
                ]}
              />
            </SimpleGrid>
            <LinkSelect
              key={decision.link.key}
              name={decision.link.name}
              defaultValue={decision.link.initialValue}
              options={options}
              label={t("workspaces.decisions.concerns")}
              error={errorText(decision.link.errors)}
            />
          </AddRecordForm>
        ) : null}
      </Panel>

      {editable ? (
        <EditDetailsSection
          titleId="meeting-edit"
          title={t("workspaces.meetings.edit")}
          open={actionData?.intent === "edit"}
          form={editForm}
          intent="edit"
          values={{ version: meeting.version }}
          busy={busy}
        >
          <MeetingFields fields={edit} />
          <FieldSelect
            field={edit.status}
            label={t("workspaces.meetings.fields.status")}
            data={(["planned", "held", "cancelled"] as const).map((s) => ({ value: s, label: t(`workspaces.meetings.status.${s}`) }))}
          />
        </EditDetailsSection>
      ) : null}
    </Stack>
  );
}

/** A form under a list that adds to it (an agenda item, a decision): its title is also its button. */
function AddRecordForm({
  formProps,
  errors,
  intent,
  title,
  busy,
  children,
}: {
  formProps: ReturnType<typeof getFormProps>;
  errors: string[] | undefined;
  intent: string;
  title: string;
  busy: boolean;
  children: ReactNode;
}) {
  return (
    <IntentForm intent={intent} {...formProps}>
      <Stack mt="md" maw={720}>
        <Title order={4} size="h5">
          {title}
        </Title>
        <FormErrors errors={errors} />
        {children}
        <SubmitRow label={title} busy={busy} />
      </Stack>
    </IntentForm>
  );
}
