// A neighbourhood plan's page: public once published, otherwise only for its authors, the area's
// network and coordinators (anyone else gets a 404). The network reviews here, authors withdraw,
// published plans are followed up (action statuses) and archived, and people comment.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Alert, Anchor, Button, Group, List, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PLAN_ACTION_STATUSES } from "../../db/schema";
import { ActionStatusSchema, CommentSchema, HideCommentSchema, ReportCommentSchema, ReviewSchema } from "~/forms/neighbourhood";
import { localName } from "~/i18n/names";
import { badRequest, forbidden, loginRedirect, notFound } from "~/server/people/guard.server";
import { loadVisiblePlan } from "~/server/neighbourhood/neighbourhood-guards.server";
import {
  addComment,
  archivePlan,
  getComment,
  getPlanView,
  hideComment,
  reportComment,
  reviewPlan,
  setActionStatus,
  withdrawPlan,
  type WorkflowResult,
} from "~/server/neighbourhood/neighbourhood.server";
import { can } from "~/server/people/permissions.server";
import { planCitations } from "~/server/neighbourhood/plan-citations.server";
import { linkedObservations } from "~/server/observations/observations.server";
import { LinkedObservations } from "~/ui/observations/parts";
import { FieldCheckbox, FieldTextarea, FormErrors, useZodForm, IntentForm, SubmitRow, IntentButton } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { ActionStatusBadge, ChangesRequestedBanner, PlaceText, PlanStatusBadge } from "~/ui/neighbourhood/parts";
import { LocalText } from "~/ui/LocalText";
import { pageTitle } from "~/i18n/page-title";
import { DataTable } from "~/ui/TableParts";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "titles.residentsPlan", { name: data?.view.plan.title });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, id, access } = await loadVisiblePlan(request, context, params.planId);
  const moderator = can(viewer, { kind: "comment.hide", plan: access });
  const view = getPlanView(id, { publicMeasuresOnly: !can(viewer, { kind: "measure.viewAll" }), moderator })!;
  const cited = linkedObservations(planCitations(id));
  return json({
    // Names only: account ids stay on the server.
    view: { ...view, authors: view.authors.map(({ name, role }) => ({ name, role })) },
    cited,
    signedIn: !!viewer,
    rights: {
      edit: can(viewer, { kind: "neighbourhoodPlan.edit", plan: access }),
      withdraw: can(viewer, { kind: "neighbourhoodPlan.withdraw", plan: access }),
      review: can(viewer, { kind: "neighbourhoodPlan.review", plan: access }),
      followUp: can(viewer, { kind: "neighbourhoodPlan.followUp", plan: access }),
      comment: can(viewer, { kind: "comment.create", plan: access }),
      report: can(viewer, { kind: "comment.report" }),
      moderate: moderator,
      history: can(viewer, { kind: "neighbourhoodPlan.viewHistory", plan: access }),
    },
  });
}

type Reply = { formKey: string; result?: SubmissionResult<string[]>; error?: string };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer, id, access } = await loadVisiblePlan(request, context, params.planId);
  if (!viewer) loginRedirect(request);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const done = (what: string, anchor = "") => redirect(`/neighbourhood-plans/${id}?done=${what}${anchor ? `#${anchor}` : ""}`);
  const workflow = (result: WorkflowResult, what: string) =>
    result.ok
      ? done(what)
      : json<Reply>(
          { formKey: "workflow", error: `neighbourhood.errors.${result.reason}` },
          { status: result.reason === "notFound" ? 404 : 409 },
        );
  /** The comment must be this plan's; a hidden one cannot be reported again. */
  const commentOfPlan = (commentId: number) => {
    const comment = getComment(commentId);
    if (!comment || comment.planId !== id) notFound();
    return comment;
  };

  switch (intent) {
    case "withdraw":
      if (!can(viewer, { kind: "neighbourhoodPlan.withdraw", plan: access })) forbidden();
      return workflow(withdrawPlan(viewer, id), "withdrawn");
    case "archive":
      if (!can(viewer, { kind: "neighbourhoodPlan.followUp", plan: access })) forbidden();
      return workflow(archivePlan(viewer, id), "archived");
    case "review": {
      if (!can(viewer, { kind: "neighbourhoodPlan.review", plan: access })) forbidden();
      const submission = parseWithZod(formData, { schema: ReviewSchema });
      if (submission.status !== "success") return json<Reply>({ formKey: "review", result: submission.reply() }, { status: 400 });
      const { decision, feedback } = submission.value;
      return workflow(reviewPlan(viewer, id, decision, feedback), decision === "accept" ? "published" : "changesRequested");
    }
    case "actionStatus": {
      if (!can(viewer, { kind: "neighbourhoodPlan.followUp", plan: access })) forbidden();
      const parsed = ActionStatusSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) badRequest();
      const result = setActionStatus(viewer, id, parsed.data.actionId, parsed.data.status);
      return result.ok ? done("actionStatus", "plan-actions") : workflow(result, "actionStatus");
    }
    case "comment": {
      if (!can(viewer, { kind: "comment.create", plan: access })) forbidden();
      const submission = parseWithZod(formData, { schema: CommentSchema });
      if (submission.status !== "success") return json<Reply>({ formKey: "comment", result: submission.reply() }, { status: 400 });
      const commentId = addComment(viewer, id, submission.value.body);
      return done("comment", `comment-${commentId}`);
    }
    case "report": {
      if (!can(viewer, { kind: "comment.report" })) forbidden();
      const submission = parseWithZod(formData, { schema: ReportCommentSchema });
      const key = `report-${String(formData.get("commentId") ?? "")}`;
      if (submission.status !== "success") return json<Reply>({ formKey: key, result: submission.reply() }, { status: 400 });
      const comment = commentOfPlan(submission.value.commentId);
      if (comment.hiddenAt) return done("reported", "plan-comments");
      reportComment(viewer, comment.id, submission.value.reason);
      return done("reported", `comment-${comment.id}`);
    }
    case "hide": {
      if (!can(viewer, { kind: "comment.hide", plan: access })) forbidden();
      const submission = parseWithZod(formData, { schema: HideCommentSchema });
      const key = `hide-${String(formData.get("commentId") ?? "")}`;
      if (submission.status !== "success") return json<Reply>({ formKey: key, result: submission.reply() }, { status: 400 });
      const comment = commentOfPlan(submission.value.commentId);
      hideComment(viewer, comment.id, submission.value.reason);
      return done("hidden", `comment-${comment.id}`);
    }
    default:
      badRequest();
  }
}

const DONE_KEYS = [
  "submitted",
  "withdrawn",
  "archived",
  "changesRequested",
  "published",
  "comment",
  "reported",
  "hidden",
  "actionStatus",
] as const;

export default function NeighbourhoodPlanPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = useFormat();
  const { view, rights, signedIn, cited } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as Reply | undefined;
  const [params] = useSearchParams();
  const done = DONE_KEYS.find((k) => k === params.get("done"));
  const { plan, area } = view;
  const goalNumber = (goalId: number | null) => (goalId ? view.goals.findIndex((g) => g.id === goalId) + 1 : 0);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={`/areas/${area.id}`} size="sm">
          ← {localName(area, lang)}
        </Anchor>
        <Title order={1}>{plan.title}</Title>
        <Group gap="xs">
          <PlanStatusBadge status={plan.status} />
          <Text size="sm">
            {t(`areaLevels.${area.level}`)} {localName(area, lang)}
            {view.ancestors.length ? ` · ${view.ancestors.map((a) => localName(a, lang)).join(" · ")}` : ""}
          </Text>
        </Group>
        <Text size="sm">
          <strong>{t("neighbourhood.plan.authors")}:</strong> {view.authors.map((a) => a.name).join(", ")}
        </Text>
        {plan.publishedAt ? (
          <Text size="sm" c="dimmed">
            {t("neighbourhood.plan.publishedOn", { date: fmt.date(plan.publishedAt) })}
          </Text>
        ) : null}
      </Stack>

      <Notice message={done ? t(`neighbourhood.done.${done}`) : null} />
      <Notice tone="error" message={actionData?.formKey === "workflow" && actionData.error ? t(actionData.error, { missing: "" }) : null} />
      {plan.status === "changes_requested" ? (
        <ChangesRequestedBanner feedback={view.feedback}>
          {t("neighbourhood.statusInfo.changes_requested")}
          <Text size="sm" mt={4}>
            {view.reviewer ? t("neighbourhood.plan.reviewer", { name: localName(view.reviewer, lang) }) : t("neighbourhood.plan.noNetwork")}
          </Text>
        </ChangesRequestedBanner>
      ) : plan.status !== "published" ? (
        <Alert color="city" variant="light">
          {t(`neighbourhood.statusInfo.${plan.status}`)}
          {plan.status === "submitted" ? (
            <Text size="sm" mt={4}>
              {view.reviewer
                ? t("neighbourhood.plan.reviewer", { name: localName(view.reviewer, lang) })
                : t("neighbourhood.plan.noNetwork")}
            </Text>
          ) : null}
        </Alert>
      ) : null}

      {rights.edit || rights.history ? (
        <Group gap="sm">
          {rights.edit ? (
            <Button component={Link} to={`/neighbourhood-plans/${plan.id}/edit`}>
              {t("neighbourhood.plan.edit")}
            </Button>
          ) : null}
          {rights.history ? (
            <Anchor component={Link} to={`/neighbourhood-plans/${plan.id}/history`} underline="always">
              {t("neighbourhood.plan.history")}
            </Anchor>
          ) : null}
        </Group>
      ) : null}

      {rights.review ? <ReviewPanel /> : null}

      <PlanSection id="plan-situation" title={t("neighbourhood.sections.situation")}>
        <Text style={{ whiteSpace: "pre-line" }}>{plan.situation || "–"}</Text>
      </PlanSection>

      <PlanSection id="plan-observations" title={t("neighbourhood.sections.observations")}>
        {view.observations.length ? (
          <List spacing="sm">
            {view.observations.map((o) => (
              <List.Item key={o.id}>
                <Text style={{ whiteSpace: "pre-line" }}>{o.text}</Text>
                <PlaceText placeName={o.placeName} lat={o.lat} lng={o.lng} />
                {o.authorName ? (
                  <Text size="xs" c="dimmed">
                    {t("neighbourhood.plan.writtenBy", { name: o.authorName })}
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text>{t("neighbourhood.plan.noObservations")}</Text>
        )}
        <LinkedObservations
          items={cited.observations}
          categories={cited.observationCategories}
          title={t("neighbourhood.citations.planTitle")}
          headingOrder={3}
        />
      </PlanSection>

      <PlanSection id="plan-goals" title={t("neighbourhood.sections.goals")}>
        {view.goals.length ? (
          <List type="ordered" spacing="sm">
            {view.goals.map((g) => (
              <List.Item key={g.id}>
                <Text style={{ whiteSpace: "pre-line" }}>{g.text}</Text>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text>{t("neighbourhood.plan.noGoals")}</Text>
        )}
      </PlanSection>

      <PlanSection id="plan-actions" title={t("neighbourhood.sections.actions")}>
        {view.actions.length ? (
          <DataTable
            caption={t("neighbourhood.plan.actionsCaption")}
            showCaption
            minWidth={760}
            verticalSpacing="sm"
            columns={[
              t("neighbourhood.actionTable.action"),
              t("neighbourhood.actionTable.carriedBy"),
              t("neighbourhood.actionTable.timeline"),
              t("neighbourhood.actionTable.measure"),
              t("neighbourhood.actionTable.status"),
            ]}
            scoped
          >
            {view.actions.map((a, i) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Text style={{ whiteSpace: "pre-line" }}>{a.text}</Text>
                  {a.goalId && goalNumber(a.goalId) > 0 ? (
                    <Text size="xs" c="dimmed">
                      {t("neighbourhood.plan.forGoal", { n: goalNumber(a.goalId) })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {t(`neighbourhood.carriedBy.${a.carriedBy}`)}
                  {a.organisation ? `: ${localName(a.organisation, lang)}` : ""}
                </Table.Td>
                <Table.Td>
                  {a.timeline || "–"}
                  {a.dueDate ? (
                    <Text size="xs">
                      {t("neighbourhood.actionTable.due")} {fmt.date(a.dueDate)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {a.measure ? (
                    <Anchor component={Link} to={`/measures/${a.measure.id}`} underline="always">
                      {a.measure.code} <LocalText record={a.measure} field="title" />
                    </Anchor>
                  ) : (
                    "–"
                  )}
                </Table.Td>
                <Table.Td>
                  {rights.followUp ? (
                    <IntentForm intent="actionStatus" values={{ actionId: a.id }}>
                      <Stack gap={4} miw={150}>
                        <NativeSelect
                          name="status"
                          size="xs"
                          aria-label={t("neighbourhood.plan.statusOf", { n: i + 1 })}
                          defaultValue={a.status}
                          data={PLAN_ACTION_STATUSES.map((s) => ({ value: s, label: t(`neighbourhood.actionStatus.${s}`) }))}
                        />
                        <Button type="submit" size="xs" variant="light" aria-label={t("neighbourhood.plan.updateStatusOf", { n: i + 1 })}>
                          {t("neighbourhood.plan.updateStatus")}
                        </Button>
                      </Stack>
                    </IntentForm>
                  ) : (
                    <ActionStatusBadge status={a.status} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        ) : (
          <Text>{t("neighbourhood.plan.noActions")}</Text>
        )}
      </PlanSection>

      <Comments comments={view.comments} rights={rights} signedIn={signedIn} planId={plan.id} />

      {rights.withdraw || (rights.followUp && plan.status === "published") ? (
        <PlanSection id="plan-withdraw" title={t("neighbourhood.plan.endTitle")}>
          {rights.withdraw ? (
            <details>
              <summary>{t("neighbourhood.plan.withdraw")}</summary>
              <Text size="sm" my="xs">
                {t("neighbourhood.plan.withdrawHelp")}
              </Text>
              <IntentButton intent="withdraw" label={t("neighbourhood.plan.confirmWithdraw")} color="red" variant="outline" />
            </details>
          ) : null}
          {rights.followUp && plan.status === "published" ? (
            <details>
              <summary>{t("neighbourhood.plan.archive")}</summary>
              <Text size="sm" my="xs">
                {t("neighbourhood.plan.archiveHelp")}
              </Text>
              <IntentButton intent="archive" label={t("neighbourhood.plan.confirmArchive")} variant="outline" />
            </details>
          ) : null}
        </PlanSection>
      ) : null}
    </Stack>
  );
}

function PlanSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={`${id}-title`} id={id}>
      <Title order={2} size="h3" id={`${id}-title`} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function ReviewPanel() {
  const { t } = useTranslation();
  const actionData = useActionData<Reply>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(ReviewSchema, {
    id: "review",
    lastResult: actionData?.formKey === "review" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Panel titleId="plan-review-title" title={t("neighbourhood.review.title")} mb={0} padding="lg" bg="gray.0">
      <Text size="sm" mb="sm">
        {t("neighbourhood.review.intro")}
      </Text>
      <IntentForm intent="review" {...getFormProps(form)}>
        <Stack gap="sm">
          <FormErrors errors={form.errors} />
          <FieldTextarea
            field={fields.feedback}
            label={t("neighbourhood.review.feedback")}
            description={t("neighbourhood.review.feedbackHelp")}
            minRows={3}
          />
          <FieldCheckbox
            field={fields.confirmPublish}
            label={t("neighbourhood.review.confirmPublish")}
            description={t("neighbourhood.review.confirmPublishHelp")}
          />
          <Group>
            <Button
              type="submit"
              name="decision"
              value="changes"
              color="orange"
              variant="outline"
              loading={navigation.state === "submitting" && navigation.formData?.get("decision") === "changes"}
            >
              {t("neighbourhood.review.requestChanges")}
            </Button>
            <Button
              type="submit"
              name="decision"
              value="accept"
              color="green"
              loading={navigation.state === "submitting" && navigation.formData?.get("decision") === "accept"}
            >
              {t("neighbourhood.review.accept")}
            </Button>
          </Group>
        </Stack>
      </IntentForm>
    </Panel>
  );
}

type CommentRow = ReturnType<typeof useLoaderData<typeof loader>>["view"]["comments"][number];

function Comments({
  comments,
  rights,
  signedIn,
  planId,
}: {
  comments: CommentRow[];
  rights: { comment: boolean; report: boolean; moderate: boolean };
  signedIn: boolean;
  planId: number;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const actionData = useActionData<Reply>();
  const [form, fields] = useZodForm(CommentSchema, {
    id: "comment",
    lastResult: actionData?.formKey === "comment" ? actionData.result : undefined,
    shouldRevalidate: "onInput",
  });
  return (
    <PlanSection id="plan-comments" title={t("neighbourhood.sections.comments")}>
      <Stack gap="md">
        {comments.length === 0 ? <Text>{t("neighbourhood.comments.none")}</Text> : null}
        {comments.map((c) => (
          <Paper
            key={c.id}
            withBorder
            p="sm"
            id={`comment-${c.id}`}
            component="article"
            aria-label={t("neighbourhood.comments.byline", { name: c.authorName ?? "–", date: fmt.dateTime(c.createdAt) })}
          >
            <Group gap="xs" mb={4}>
              <Text size="sm" fw={600}>
                {c.authorName ?? "–"}
              </Text>
              <Text size="sm" c="dimmed">
                {fmt.dateTime(c.createdAt)}
              </Text>
              {c.kind === "feedback" ? (
                <Text size="xs" fw={700} c="orange.9">
                  {t("neighbourhood.comments.feedbackBadge")}
                </Text>
              ) : null}
              {rights.moderate && c.openReports > 0 ? (
                <Text size="xs" fw={700} c="red.9">
                  {t("neighbourhood.comments.openReports", { count: c.openReports })}
                </Text>
              ) : null}
            </Group>
            {c.hidden ? (
              <>
                <Text size="sm" fs="italic">
                  {t("neighbourhood.comments.hiddenBy", {
                    name: c.hiddenByName ?? "–",
                    date: fmt.date(c.hiddenAt),
                    reason: c.hiddenReason ?? "",
                  })}
                </Text>
                {/* Only moderators receive hidden comments at all; the text stays folded away. */}
                <details>
                  <summary>{t("neighbourhood.comments.showHidden")}</summary>
                  <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                    {c.body}
                  </Text>
                </details>
              </>
            ) : (
              <Text style={{ whiteSpace: "pre-line" }}>{c.body}</Text>
            )}
            {!c.hidden && (rights.report || rights.moderate) ? (
              <Group gap="md" mt="xs" align="start">
                {rights.report ? <ReasonForm commentId={c.id} intent="report" /> : null}
                {rights.moderate ? <ReasonForm commentId={c.id} intent="hide" /> : null}
              </Group>
            ) : null}
          </Paper>
        ))}
        {rights.comment ? (
          <IntentForm intent="comment" {...getFormProps(form)}>
            <Stack gap="xs" maw={720}>
              <FormErrors errors={form.errors} />
              <FieldTextarea field={fields.body} label={t("neighbourhood.comments.body")} minRows={3} />
              <SubmitRow label={t("neighbourhood.comments.submit")} variant="light" />
            </Stack>
          </IntentForm>
        ) : !signedIn ? (
          <Text size="sm">
            <Anchor component={Link} to={`/login?redirectTo=${encodeURIComponent(`/neighbourhood-plans/${planId}`)}`} underline="always">
              {t("neighbourhood.comments.signIn")}
            </Anchor>
          </Text>
        ) : null}
      </Stack>
    </PlanSection>
  );
}

/** Report (anyone signed in) or hide (moderators) a comment, with a reason; folded until opened. */
function ReasonForm({ commentId, intent }: { commentId: number; intent: "report" | "hide" }) {
  const { t } = useTranslation();
  const actionData = useActionData<Reply>();
  const key = `${intent}-${commentId}`;
  const [form, fields] = useZodForm(intent === "report" ? ReportCommentSchema : HideCommentSchema, {
    id: key,
    lastResult: actionData?.formKey === key ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <details open={actionData?.formKey === key ? true : undefined}>
      <summary>
        <Text span size="sm">
          {intent === "report" ? t("neighbourhood.comments.report") : t("neighbourhood.comments.hide")}
        </Text>
      </summary>
      <IntentForm intent={intent} values={{ commentId: commentId }} {...getFormProps(form)}>
        <Stack gap="xs" mt="xs" maw={480}>
          <FieldTextarea
            field={fields.reason}
            label={intent === "report" ? t("neighbourhood.comments.reportReason") : t("neighbourhood.comments.hideReason")}
            minRows={2}
          />
          <SubmitRow
            label={intent === "report" ? t("neighbourhood.comments.sendReport") : t("neighbourhood.comments.sendHide")}
            size="xs"
            color={intent === "hide" ? "red" : undefined}
            variant="light"
          />
        </Stack>
      </IntentForm>
    </details>
  );
}
