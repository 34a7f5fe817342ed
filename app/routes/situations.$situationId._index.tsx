// `/situations/:situationId`: one situation for its group, the coordinators and those briefed: the
// details and the group, the log (new entries appear live through server-sent events; without
// JavaScript a reload shows them), the situational picture with its versions, the agreed actions,
// the briefings, and closing. Anyone else gets a 404: a situation's existence is not theirs to know.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { z, ZodTypeAny } from "zod";
import { parseWithZod } from "@conform-to/zod";
import { Alert, Anchor, Badge, Button, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type TypedResponse } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RELIABILITIES, SITUATION_ACTION_STATUSES } from "../../db/schema";
import {
  ActionSchema,
  ActionStatusSchema,
  BriefingSchema,
  CloseSchema,
  InviteSchema,
  LogEntrySchema,
  PictureSchema,
  SituationIntentSchema,
} from "~/forms/situations";
import { detectLanguage } from "~/i18n/i18n.server";
import { localName, nameOptions } from "~/i18n/names";
import { pageTitle, routeData } from "~/i18n/page-title";
import { authorize, badRequest, forbidden, idParam, notFound } from "~/server/people/guard.server";
import { clock } from "~/server/platform/clock";
import { helsinkiParts, helsinkiToDate } from "~/server/platform/helsinki-time";
import {
  addAction,
  addLogEntry,
  closeSituation,
  getSituation,
  inviteToSituation,
  listBriefingRecipientCandidates,
  listInvitableRepresentatives,
  listOrganisationOptions,
  savePicture,
  sendBriefing,
  setActionStatus,
  viewerOrganisationIn,
  situationGroupId,
  SITUATION_ACCESS_LOG_SIZE,
  type Refusal,
} from "~/server/situations/situations.server";
import { PICTURE_FIELDS } from "~/server/situations/picture-diff";
import { FieldSelect, FieldTextInput, FieldTextarea, FormErrors, useZodForm, IntentForm, FieldCheckboxList, SubmitRow } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { DataTable } from "~/ui/TableParts";
import { PublicityBadge } from "~/ui/workspaces/Publicity";
import { OverdueBadge, PictureFields, SeverityBadge } from "~/ui/situations/parts";
import { LiveLog } from "~/ui/situations/LiveLog";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction = ({ matches }) => {
  const data = routeData<{ view: { situation: { title: string } } }>(matches, "routes/situations.$situationId._index");
  return pageTitle(matches, "titles.situation", { name: data?.view.situation.title ?? null });
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "situation.list" });
  const id = idParam(params.situationId);
  const now = clock.now();
  const view = getSituation(viewer, id, now);
  if (!view) notFound();
  const lang = await detectLanguage(request);
  const writes = view.canLog || view.canManage;
  const organisations = writes ? nameOptions(listOrganisationOptions(), lang) : [];
  const current = view.members.filter((m) => m.current);
  const here = helsinkiParts(now);
  return json({
    // Only what the page shows: no person ids beyond the form choices that need them.
    view: {
      ...view,
      members: view.members.map(({ userId: _u, ...m }) => m),
      picture: view.picture ? { ...view.picture, savedById: null } : null,
      actions: view.actions.map(({ responsibleUserId: _r, ...a }) => a),
      briefings: view.briefings.map((b) => ({ ...b, recipients: b.recipients.map(({ userId: _u, ...r }) => r) })),
    },
    organisations,
    // A .server constant is not in the browser bundle: the page gets it as data.
    accessLogSize: SITUATION_ACCESS_LOG_SIZE,
    defaultSource: String(viewerOrganisationIn(viewer, situationGroupId(viewer, id)) ?? ""),
    today: here,
    responsibleOptions: view.canManage ? current.map((m) => ({ value: m.userId, label: m.name })) : [],
    invitable: view.canManage
      ? listInvitableRepresentatives()
          .filter((p) => !current.some((m) => m.userId === p.userId))
          .map((p) => ({
            value: p.userId,
            label: `${p.name}, ${localName({ nameFi: p.organisationNameFi, nameSv: p.organisationNameSv, nameEn: p.organisationNameEn }, lang)}`,
          }))
      : [],
    recipients: view.canManage
      ? listBriefingRecipientCandidates(now).map((p) => ({ value: p.userId, label: p.title ? `${p.name}, ${p.title}` : p.name }))
      : [],
  });
}

type Reply = (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]>;
type DomainResult = { ok: true } | Refusal | { ok: false; reason: string };

/** A refusal from the domain: a missing record is a 404, a right not held a 403, a closed situation a message. */
function refused(r: { reason: string }, intent: string, reply: Reply) {
  if (r.reason === "notFound") notFound();
  if (r.reason === "forbidden") forbidden();
  return json({ intent, result: reply({ formErrors: [`situations.errors.${r.reason}`] }), conflict: null }, { status: 409 });
}

/**
 * One intent's form: parsed with its schema; one that did not validate answers 400 with its field
 * errors and everything typed kept (conform's reply); a valid one is run, and its domain result
 * answered: a refusal as above, success by `done`. `fieldOf` names the field a refusal belongs to.
 */
function runForm<S extends ZodTypeAny, R extends DomainResult | TypedResponse<unknown>>(
  formData: FormData,
  intent: string,
  schema: S,
  run: (value: z.output<S>, reply: Reply) => R,
  done: () => TypedResponse<never>,
  fieldOf: Record<string, string> = {},
) {
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return json({ intent, result: submission.reply(), conflict: null }, { status: 400 });
  const reply: Reply = (options) => submission.reply(options);
  const r = run(submission.value as z.output<S>, reply);
  // A page-specific answer (a conflict shown beside what was typed) goes out as it is.
  if (r instanceof Response) return r as Extract<R, TypedResponse<unknown>>;
  const result = r as DomainResult;
  if (result.ok) return done();
  const field = fieldOf[result.reason];
  if (field)
    return json(
      { intent, result: reply({ fieldErrors: { [field]: [`situations.errors.${result.reason}`] } }), conflict: null },
      { status: 400 },
    );
  return refused(result, intent, reply);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "situation.list" });
  const id = idParam(params.situationId);
  const formData = await request.formData();
  const intent = SituationIntentSchema.safeParse({ intent: formData.get("intent") });
  if (!intent.success) badRequest();
  const back = (done: string, anchor: string) => () => redirect(`/situations/${id}?done=${done}#${anchor}`);
  switch (intent.data.intent) {
    case "log":
      return runForm(
        formData,
        "log",
        LogEntrySchema,
        (v) =>
          addLogEntry(viewer, id, {
            body: v.body,
            sourceOrganisationId: v.sourceOrganisationId,
            reliability: v.reliability,
            happenedAt: helsinkiToDate(v.happenedDate, v.happenedTime),
            areaId: v.areaId ?? null,
            documentId: v.documentId ?? null,
            correctsId: v.correctsId ?? null,
          }),
        back("logged", "log"),
        { document: "documentId", area: "areaId", corrects: "correctsId" },
      );
    case "picture":
      return runForm(
        formData,
        "picture",
        PictureSchema,
        (v, reply) => {
          const r = savePicture(viewer, id, v.version, {
            happened: v.happened,
            location: v.location,
            affected: v.affected,
            risks: v.risks,
            resources: v.resources,
            agreed: v.agreed,
            nextUpdateAt: v.nextUpdateDate ? helsinkiToDate(v.nextUpdateDate, v.nextUpdateTime ?? "12:00") : null,
          });
          // Someone saved the picture meanwhile: their version beside what this person typed.
          if (!r.ok && r.reason === "conflict")
            return json({ intent: "picture", result: reply(), conflict: r.current, openedOn: v.version }, { status: 409 });
          return r;
        },
        back("picture", "picture"),
      );
    case "action":
      return runForm(
        formData,
        "action",
        ActionSchema,
        (v) =>
          addAction(viewer, id, {
            title: v.title,
            ownerOrganisationId: v.ownerOrganisationId,
            responsibleUserId: v.responsibleUserId ?? null,
            deadline: v.deadline,
          }),
        back("action", "actions"),
        { responsible: "responsibleUserId" },
      );
    case "actionStatus":
      return runForm(
        formData,
        "actionStatus",
        ActionStatusSchema,
        (v, reply) => {
          const r = setActionStatus(viewer, v.actionId, v.version, v.status);
          if (!r.ok && r.reason === "conflict")
            return json(
              { intent: "actionStatus", result: reply({ formErrors: ["situations.actions.conflict"] }), conflict: null },
              { status: 409 },
            );
          return r;
        },
        back("status", "actions"),
      );
    case "briefing":
      return runForm(formData, "briefing", BriefingSchema, (v) => sendBriefing(viewer, id, v.recipientIds), back("briefing", "briefing"));
    case "invite":
      return runForm(formData, "invite", InviteSchema, (v) => inviteToSituation(viewer, id, v.memberIds), back("invited", "members"));
    case "close":
      return runForm(
        formData,
        "close",
        CloseSchema,
        (v) =>
          closeSituation(viewer, id, {
            afterAction: v.afterAction,
            proposals:
              v.proposalTitle && v.proposalOwnerId
                ? [{ title: v.proposalTitle, description: v.proposalDescription ?? "", ownerOrganisationId: v.proposalOwnerId }]
                : [],
          }),
        back("closed", "closing"),
      );
  }
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionData = ReturnType<typeof useActionData<typeof action>>;
const resultFor = (data: ActionData, intent: string) =>
  (data && "intent" in data && data.intent === intent ? data.result : undefined) as SubmissionResult<string[]> | undefined;

const DONE_KEYS: Record<string, string> = {
  logged: "situations.log.added",
  picture: "situations.picture.saved",
  action: "situations.actions.statusSaved",
  status: "situations.actions.statusSaved",
  briefing: "situations.briefing.sent",
  invited: "situations.page.invited",
  closed: "situations.close.closed",
};

export default function SituationPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { view } = data;
  const s = view.situation;
  const done = search.get("done");
  const pictureVersion = view.picture?.version ?? 0;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group gap="xs">
          <SeverityBadge severity={s.severity} />
          <Badge variant="outline" color={s.status === "open" ? "blue" : "gray"} c="dark">
            {t(`situations.status.${s.status}`)}
          </Badge>
          <PublicityBadge publicity={s.publicity} />
        </Group>
        <Title order={1}>{s.title}</Title>
        <Text size="sm">
          {t("situations.page.opened", { date: fmt.dateTime(s.openedAt), name: s.openedByName ?? "–" })}
          {s.closedAt ? ` · ${t("situations.page.closedOn", { date: fmt.dateTime(s.closedAt) })}` : ""}
        </Text>
        <Anchor component={Link} to="/situations" size="sm">
          {t("situations.title")}
        </Anchor>
      </Stack>
      <Notice
        message={
          done && DONE_KEYS[done]
            ? done === "picture"
              ? t("situations.picture.saved", { version: pictureVersion })
              : t(DONE_KEYS[done]!)
            : null
        }
        variant="light"
      />
      {s.publicity !== "public" ? (
        <Alert
          color={s.publicity === "confidential" ? "red" : "orange"}
          variant="light"
          title={t(`workspaces.documents.marking.${s.publicity}`)}
        >
          <Text size="sm">{t("situations.page.legalGround", { ground: s.legalGround ?? "–", date: fmt.date(s.secretUntil) })}</Text>
          <Text size="sm">{t("workspaces.documents.logged")}</Text>
        </Alert>
      ) : null}
      {s.status === "closed" ? (
        <Alert color="gray" variant="light">
          {t("situations.page.readOnly")}
        </Alert>
      ) : null}

      <Panel titleId="details" title={t("situations.page.description")} mb="xs">
        <Text style={{ whiteSpace: "pre-wrap" }}>{s.description || "–"}</Text>
        <Text size="sm" mt="sm" fw={600}>
          {t("situations.page.areas")}
        </Text>
        <Text size="sm">
          {view.areas.length ? view.areas.map((a) => localName(a, i18n.language)).join(", ") : t("situations.page.noAreas")}
        </Text>
      </Panel>

      {s.status === "closed" ? <Closed view={view} /> : null}

      <LogSection data={data} actionData={actionData} />
      <PictureSection data={data} actionData={actionData} />
      <ActionsSection data={data} actionData={actionData} />
      <BriefingSection data={data} actionData={actionData} />
      <MembersSection data={data} actionData={actionData} />
      {view.canManage ? <CloseSection data={data} actionData={actionData} /> : null}
      {s.publicity !== "public" && view.accessLog.length ? <AccessLog rows={view.accessLog} size={data.accessLogSize} /> : null}
    </Stack>
  );
}

function Closed({ view }: { view: Data["view"] }) {
  const { t } = useTranslation();
  return (
    <Panel titleId="after-action" title={t("situations.close.afterActionTitle")} mb="xs">
      <Text style={{ whiteSpace: "pre-wrap" }}>{view.situation.afterAction}</Text>
      {view.proposals.length ? (
        <>
          <Title order={3} size="h4" mt="md" mb="xs">
            {t("situations.close.proposals")}
          </Title>
          <List>
            {view.proposals.map((m) => (
              <List.Item key={m.id}>
                <Anchor component={Link} to={`/measures/${m.id}`}>
                  {m.code} {m.title}
                </Anchor>{" "}
                ({t(`measures.status.${m.status}`)})
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Panel>
  );
}

type SectionProps = { data: Data; actionData: ActionData };

function LogSection({ data, actionData }: SectionProps) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const navigation = useNavigation();
  const { view } = data;
  const [form, fields] = useZodForm(LogEntrySchema, {
    id: "log-entry",
    lastResult: resultFor(actionData, "log"),
    defaultValue: {
      sourceOrganisationId: data.defaultSource,
      reliability: "unconfirmed",
      happenedDate: data.today.date,
      happenedTime: data.today.time,
    },
  });
  const latest = view.log.length ? view.log[view.log.length - 1]!.id : 0;
  return (
    <Panel titleId="log" title={t("situations.log.title")} mb={4}>
      <Text size="sm">{t("situations.log.help")}</Text>
      {view.situation.status === "open" ? <LiveLog situationId={view.situation.id} latest={latest} /> : null}
      {view.log.length ? (
        <ol className="situation-log" aria-label={t("situations.log.title")} data-testid="situation-log">
          {view.log.map((e) => (
            <li key={e.id} id={`entry-${e.id}`}>
              <Paper withBorder p="sm" mt="xs">
                <Group gap={6}>
                  <Text size="sm" fw={700}>
                    {t("situations.log.entry", { id: e.id })}
                  </Text>
                  <Badge color={e.reliability === "confirmed" ? "green" : "yellow"} variant="light" c="dark">
                    {t(`situations.reliability.${e.reliability}`)}
                  </Badge>
                  {e.correctedBy ? (
                    <Badge color="gray" variant="outline" c="dark">
                      {t("situations.log.correctedBy", { id: e.correctedBy })}
                    </Badge>
                  ) : null}
                </Group>
                {e.correctsId ? (
                  <Anchor href={`#entry-${e.correctsId}`} size="sm">
                    {t("situations.log.corrects", { id: e.correctsId })}
                  </Anchor>
                ) : null}
                <Text style={{ whiteSpace: "pre-wrap" }}>{e.body}</Text>
                <Text size="sm">
                  {t("situations.log.source")}:{" "}
                  {localName({ nameFi: e.sourceNameFi, nameSv: e.sourceNameSv, nameEn: e.sourceNameEn }, i18n.language)}
                  {e.areaNameFi
                    ? ` · ${localName({ nameFi: e.areaNameFi, nameSv: e.areaNameSv, nameEn: e.areaNameEn }, i18n.language)}`
                    : ""}
                  {e.documentId ? ` · #${e.documentId}` : ""}
                </Text>
                <Text size="sm">
                  {t("situations.log.happened")} {fmt.dateTime(e.happenedAt)} · {t("situations.log.logged")} {fmt.dateTime(e.loggedAt)},{" "}
                  {t("situations.log.by", { name: e.loggedByName ?? "–" })}
                </Text>
              </Paper>
            </li>
          ))}
        </ol>
      ) : (
        <Text size="sm" mt="xs">
          {t("situations.log.none")}
        </Text>
      )}
      {view.canLog ? (
        <IntentForm intent="log" {...getFormProps(form)}>
          <Stack mt="md" maw={760}>
            <Title order={3} size="h4">
              {t("situations.log.add")}
            </Title>
            <FormErrors errors={form.errors} />
            <FieldTextarea field={fields.body} label={t("situations.log.body")} required minRows={2} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FieldSelect
                field={fields.sourceOrganisationId}
                label={t("situations.log.sourceField")}
                data={[{ value: "", label: "–" }, ...data.organisations]}
              />
              <FieldSelect
                field={fields.reliability}
                label={t("situations.log.reliabilityField")}
                data={RELIABILITIES.map((r) => ({ value: r, label: t(`situations.reliability.${r}`) }))}
              />
              <FieldTextInput field={fields.happenedDate} type="date" label={t("situations.log.happenedDate")} />
              <FieldTextInput field={fields.happenedTime} type="time" label={t("situations.log.happenedTime")} />
              <FieldSelect
                field={fields.areaId}
                label={t("situations.log.area")}
                data={[{ value: "", label: t("situations.log.noArea") }, ...nameOptions(view.areas, i18n.language)]}
              />
              <FieldSelect
                field={fields.correctsId}
                label={t("situations.log.correctsField")}
                data={[
                  { value: "", label: t("situations.log.noCorrection") },
                  ...view.log.map((e) => ({ value: String(e.id), label: t("situations.log.entry", { id: e.id }) })),
                ]}
              />
              <FieldTextInput
                field={fields.documentId}
                inputMode="numeric"
                label={t("situations.log.document")}
                description={t("situations.log.documentHelp")}
              />
            </SimpleGrid>
            <SubmitRow
              label={t("situations.log.add")}
              busy={navigation.state === "submitting" && navigation.formData?.get("intent") === "log"}
            />
          </Stack>
        </IntentForm>
      ) : null}
    </Panel>
  );
}

function PictureSection({ data, actionData }: SectionProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { view } = data;
  const p = view.picture;
  const conflict = actionData && "conflict" in actionData ? actionData.conflict : null;
  const next = p?.nextUpdateAt ? new Date(p.nextUpdateAt) : null;
  const [form, fields] = useZodForm(PictureSchema, {
    // The form keeps its identity (and what was typed) when a save is refused as stale; a saved
    // version opens a fresh form on the new text.
    id: `picture-${actionData && "openedOn" in actionData ? actionData.openedOn : (p?.version ?? 0)}`,
    lastResult: resultFor(actionData, "picture"),
    defaultValue: {
      version: String(p?.version ?? 0),
      ...(p ? Object.fromEntries(PICTURE_FIELDS.map((f) => [f, p[f]])) : {}),
      nextUpdateDate: next ? fmtParts(next).date : "",
      nextUpdateTime: next ? fmtParts(next).time : "",
    },
  });
  return (
    <Panel titleId="picture" title={t("situations.picture.title")} mb={4}>
      {p ? (
        <>
          <Text size="sm">
            {t("situations.picture.version", {
              version: p.version,
              date: fmt.dateTime(p.savedAt),
              name: view.versions[0]?.savedByName ?? "–",
            })}
          </Text>
          <PictureFields picture={p} className="situation-picture" />
        </>
      ) : (
        <Text size="sm">{t("situations.picture.none")}</Text>
      )}
      {view.versions.length > 1 ? (
        <Form method="get" action={`/situations/${view.situation.id}/compare`}>
          <Group align="end" mt="md">
            <NativeSelect
              name="from"
              label={t("situations.picture.from")}
              defaultValue={String(view.versions[1]!.version)}
              data={view.versions.map((v) => ({ value: String(v.version), label: `${v.version} (${fmt.dateTime(v.savedAt)})` }))}
            />
            <NativeSelect
              name="to"
              label={t("situations.picture.to")}
              defaultValue={String(view.versions[0]!.version)}
              data={view.versions.map((v) => ({ value: String(v.version), label: `${v.version} (${fmt.dateTime(v.savedAt)})` }))}
            />
            <Button type="submit" variant="light">
              {t("situations.picture.compareSubmit")}
            </Button>
          </Group>
        </Form>
      ) : null}
      {view.canManage ? (
        <IntentForm intent="picture" values={{ version: String(conflict ? conflict.version : (p?.version ?? 0)) }} {...getFormProps(form)}>
          <Stack mt="md" maw={760}>
            <Title order={3} size="h4">
              {t("situations.picture.edit")}
            </Title>
            <FormErrors errors={form.errors} />
            {conflict ? (
              <Alert color="orange" variant="light" role="alert" title={t("situations.picture.newer", { version: conflict.version })}>
                <Text size="sm" mb="xs">
                  {t("situations.picture.conflict", { version: conflict.version, name: conflict.savedByName ?? "–" })}
                </Text>
                <PictureFields picture={conflict} className="situation-picture" />
              </Alert>
            ) : null}
            {PICTURE_FIELDS.map((f) => (
              <FieldTextarea field={fields[f]} label={t(`situations.picture.${f}`)} required={f === "happened"} minRows={2} />
            ))}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FieldTextInput field={fields.nextUpdateDate} type="date" label={t("situations.picture.nextUpdateDate")} />
              <FieldTextInput field={fields.nextUpdateTime} type="time" label={t("situations.picture.nextUpdateTime")} />
            </SimpleGrid>
            <SubmitRow label={t("situations.picture.save")} />
          </Stack>
        </IntentForm>
      ) : null}
    </Panel>
  );
}

/** Helsinki wall-clock parts of an instant, for the form's date and time inputs. */
function fmtParts(date: Date) {
  return helsinkiParts(date);
}

function ActionsSection({ data, actionData }: SectionProps) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { view } = data;
  const [form, fields] = useZodForm(ActionSchema, {
    id: "new-action",
    lastResult: resultFor(actionData, "action"),
    defaultValue: { deadline: data.today.date },
  });
  const statusErrors = resultFor(actionData, "actionStatus")?.error?.[""] as string[] | undefined;
  return (
    <Panel titleId="actions" title={t("situations.actions.title")} mb="xs">
      <FormErrors errors={statusErrors} />
      {view.actions.length ? (
        <DataTable
          caption={t("situations.actions.title")}
          minWidth={720}
          columns={[
            t("situations.actions.action"),
            t("situations.actions.owner"),
            t("situations.actions.responsible"),
            t("situations.actions.deadline"),
            t("situations.actions.status"),
          ]}
        >
          {view.actions.map((a) => (
            <Table.Tr key={a.id} data-overdue={a.overdue ? "true" : undefined}>
              <Table.Td>
                <Text fw={a.overdue ? 700 : undefined}>{a.title}</Text>
              </Table.Td>
              <Table.Td>{localName({ nameFi: a.ownerNameFi, nameSv: a.ownerNameSv, nameEn: a.ownerNameEn }, i18n.language)}</Table.Td>
              <Table.Td>{a.responsibleName ?? t("situations.actions.noResponsible")}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {fmt.date(`${a.deadline}T12:00:00Z`)}
                  {a.overdue ? <OverdueBadge /> : null}
                </Group>
              </Table.Td>
              <Table.Td>
                {view.canUpdateActions ? (
                  <IntentForm intent="actionStatus" values={{ actionId: a.id, version: a.version }}>
                    <Group gap={6} wrap="nowrap">
                      <NativeSelect
                        name="status"
                        aria-label={`${t("situations.actions.status")}: ${a.title}`}
                        defaultValue={a.status}
                        data={SITUATION_ACTION_STATUSES.map((st) => ({ value: st, label: t(`situations.actionStatus.${st}`) }))}
                      />
                      <Button type="submit" size="xs" variant="light" aria-label={`${t("situations.actions.setStatus")}: ${a.title}`}>
                        {t("situations.actions.setStatus")}
                      </Button>
                    </Group>
                  </IntentForm>
                ) : (
                  t(`situations.actionStatus.${a.status}`)
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      ) : (
        <Text size="sm">{t("situations.actions.none")}</Text>
      )}
      {view.canManage ? (
        <IntentForm intent="action" {...getFormProps(form)}>
          <Stack mt="md" maw={760}>
            <Title order={3} size="h4">
              {t("situations.actions.add")}
            </Title>
            <FormErrors errors={form.errors} />
            <FieldTextInput field={fields.title} label={t("situations.actions.action")} required />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <FieldSelect
                field={fields.ownerOrganisationId}
                label={t("situations.actions.owner")}
                data={[{ value: "", label: "–" }, ...data.organisations]}
              />
              <FieldSelect
                field={fields.responsibleUserId}
                label={t("situations.actions.responsible")}
                data={[{ value: "", label: t("situations.actions.noResponsible") }, ...data.responsibleOptions]}
              />
              <FieldTextInput field={fields.deadline} type="date" label={t("situations.actions.deadline")} />
            </SimpleGrid>
            <SubmitRow label={t("situations.actions.addSubmit")} />
          </Stack>
        </IntentForm>
      ) : null}
    </Panel>
  );
}

function BriefingSection({ data, actionData }: SectionProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { view } = data;
  const [form, fields] = useZodForm(BriefingSchema, {
    id: "briefing",
    lastResult: resultFor(actionData, "briefing"),
  });
  return (
    <Panel titleId="briefing" title={t("situations.briefing.title")} mb={4}>
      <Text size="sm">{t("situations.briefing.help")}</Text>
      {view.briefings.length ? (
        <List mt="xs" spacing="xs">
          {view.briefings.map((b) => (
            <List.Item key={b.id}>
              <Anchor component={Link} to={`/situations/${view.situation.id}/briefings/${b.id}`}>
                {t("situations.briefing.sentAt", { date: fmt.dateTime(b.sentAt) })}
              </Anchor>
              <Text size="sm">
                {b.recipients
                  .map(
                    (r) =>
                      `${r.name} (${r.readAt ? t("situations.briefing.readAt", { date: fmt.dateTime(r.readAt) }) : t("situations.briefing.unread")})`,
                  )
                  .join(", ")}
              </Text>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" mt="xs">
          {t("situations.briefing.none")}
        </Text>
      )}
      {view.canManage ? (
        <IntentForm intent="briefing" {...getFormProps(form)}>
          <Stack maw={760}>
            <FormErrors errors={form.errors} />
            <FieldCheckboxList field={fields.recipientIds} label={t("situations.briefing.recipients")} items={data.recipients} />
            <SubmitRow label={t("situations.briefing.send")} />
          </Stack>
        </IntentForm>
      ) : null}
    </Panel>
  );
}

function MembersSection({ data, actionData }: SectionProps) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { view } = data;
  const [form, fields] = useZodForm(InviteSchema, {
    id: "invite",
    lastResult: resultFor(actionData, "invite"),
  });
  return (
    <Panel titleId="members" title={t("situations.page.members")} mb="xs">
      <List spacing={4}>
        {view.members.map((m) => (
          <List.Item key={`${m.name}-${String(m.joinedAt)}`}>
            {m.name}
            {m.organisationNameFi
              ? `, ${localName({ nameFi: m.organisationNameFi, nameSv: m.organisationNameSv, nameEn: m.organisationNameEn }, i18n.language)}`
              : ""}{" "}
            ({t(`positions.${m.position}`)})
            {!m.current && m.leftAt ? ` – ${t("situations.page.memberLeft", { date: fmt.date(m.leftAt) })}` : ""}
          </List.Item>
        ))}
      </List>
      {view.canManage && data.invitable.length ? (
        <IntentForm intent="invite" {...getFormProps(form)}>
          <Stack maw={760}>
            <FormErrors errors={form.errors} />
            <FieldCheckboxList field={fields.memberIds} label={t("situations.page.invite")} items={data.invitable} />
            <SubmitRow label={t("situations.page.inviteSubmit")} variant="light" />
          </Stack>
        </IntentForm>
      ) : null}
    </Panel>
  );
}

function CloseSection({ data, actionData }: SectionProps) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(CloseSchema, {
    id: "close",
    lastResult: resultFor(actionData, "close"),
  });
  return (
    <Panel titleId="closing" title={t("situations.close.title")} mb={4}>
      <Text size="sm">{t("situations.close.help")}</Text>
      <IntentForm intent="close" {...getFormProps(form)}>
        <Stack maw={760} mt="sm">
          <FormErrors errors={form.errors} />
          <FieldTextarea
            field={fields.afterAction}
            label={t("situations.close.afterAction")}
            description={t("situations.close.afterActionHelp")}
            required
            minRows={3}
          />
          <fieldset className="plain-fieldset">
            <legend>
              <Text fw={600} size="sm">
                {t("situations.close.proposal")}
              </Text>
            </legend>
            <Stack>
              <FieldTextInput field={fields.proposalTitle} label={t("situations.close.proposalTitle")} />
              <FieldTextarea field={fields.proposalDescription} label={t("situations.close.proposalDescription")} minRows={2} />
              <FieldSelect
                field={fields.proposalOwnerId}
                label={t("situations.close.proposalOwner")}
                data={[{ value: "", label: "–" }, ...data.organisations]}
              />
            </Stack>
          </fieldset>
          <SubmitRow label={t("situations.close.submit")} color="red" />
        </Stack>
      </IntentForm>
    </Panel>
  );
}

function AccessLog({ rows, size }: { rows: Data["view"]["accessLog"]; size: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Panel titleId="access-log" title={t("situations.accessLog.title")} mb={4}>
      <Text size="sm" mb="xs">
        {t("situations.accessLog.help", { count: size })}
      </Text>
      <DataTable
        caption={t("situations.accessLog.title")}
        minWidth={480}
        columns={[t("situations.accessLog.at"), t("situations.accessLog.who"), t("situations.accessLog.action")]}
      >
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{fmt.dateTime(r.at)}</Table.Td>
            <Table.Td>{r.name ?? "–"}</Table.Td>
            <Table.Td>{t(`situations.accessLog.actions.${r.action}`)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Panel>
  );
}
