import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Alert, Anchor, Button, Checkbox, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AssessmentSchema, DecisionFormSchema, ReviewStepSchema, ReviewTitlesSchema } from "~/forms/reviews";
import { citableConsultations, citationsOf } from "~/server/consultations/consultations.server";
import { ReviewConsultations } from "~/ui/consultations/ReviewConsultations";
import { detectLanguage } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/page-title";
import { reviewTitleIn } from "~/server/steering/review-titles";
import { ReviewTitleFields, ReviewTitleText } from "~/ui/reviews/ReviewTitle";
import { localName, localText, namesFrom, nameOrNull, localVersion } from "~/i18n/names";
import { authorize, badRequest, forbidden, idParam, notFound } from "~/server/people/guard.server";
import { columnCount, helsinkiDate, STATUS_COLUMN_KEYS } from "~/server/city/measure-rules";
import { can } from "~/server/people/permissions.server";
import { listPriorityAreas } from "~/server/city/plans.server";
import {
  closeReview,
  getReview,
  getReviewRecord,
  markDiscussed,
  recordDecision,
  saveAssessment,
  sendReview,
  updateReviewTitles,
} from "~/server/steering/reviews.server";
import { ChangeList } from "~/ui/ChangeList";
import {
  FieldSelect,
  FieldTextInput,
  FieldTextarea,
  FormErrors,
  useErrorText,
  useZodForm,
  IntentForm,
  SubmitRow,
  IntentButton,
} from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { useFigureWithUnit } from "~/ui/indicators/figures";
import { ScrollTable } from "~/ui/ScrollTable";
import { MeasureFlags, StatusBadge } from "~/ui/measures/badges";
import { countSentence } from "~/ui/measures/CountSentence";
import { ReviewStatusBadge } from "~/ui/reviews/ReviewStatusBadge";
import { LocalText } from "~/ui/LocalText";
import { TranslationFields } from "~/ui/TranslationFields";
import { numberColumn, TableHead } from "~/ui/TableParts";
import { Panel } from "~/ui/Panel";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, "titles.review", { name: data?.title.text });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "review.view" });
  const view = getReview(idParam(params.reviewId));
  if (!view) notFound();
  const lang = await detectLanguage(request);
  const { title, titleSv, titleEn, ...review } = view.review;
  const mayRename = can(viewer, { kind: "review.send" }) && view.review.status === "draft";
  return json({
    // The title in the reader's language; all three only to those who may rename the draft.
    view: { ...view, review },
    title: reviewTitleIn({ title, titleSv, titleEn }, lang),
    titles: mayRename ? { title, titleSv: titleSv ?? "", titleEn: titleEn ?? "" } : null,
    planAreas: listPriorityAreas(view.review.planId).map((a) => ({
      id: a.id,
      code: a.code,
      ...namesFrom(a),
    })),
    rights: {
      assess: can(viewer, { kind: "review.assess" }) && view.review.status === "draft",
      send: can(viewer, { kind: "review.send" }) && view.review.status === "draft",
      record: can(viewer, { kind: "review.record" }) && (view.review.status === "sent" || view.review.status === "discussed"),
    },
    today: helsinkiDate(),
    // Issue 16: the closed consultations a decision may cite, and which one each decision cites.
    citable: can(viewer, { kind: "review.record" })
      ? citableConsultations().map((c) => ({ id: c.id, titleFi: c.titleFi, titleSv: c.titleSv, titleEn: c.titleEn }))
      : [],
    citations: citationsOf(view.decisions.map((d) => d.id)),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "review.view" });
  const id = idParam(params.reviewId);
  if (!getReviewRecord(id)) notFound();
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  if (intent === "titles") {
    if (!can(viewer, { kind: "review.send" })) forbidden();
    const submission = parseWithZod(formData, { schema: ReviewTitlesSchema });
    if (submission.status !== "success") return json({ intent, area: "", result: submission.reply(), message: null }, { status: 400 });
    const { version, intent: _intent, ...titles } = submission.value;
    const result = updateReviewTitles(viewer, id, version, titles);
    if (!result.ok) {
      const reply =
        result.reason === "titleTaken"
          ? submission.reply({ fieldErrors: { [result.field]: ["reviews.validation.titleTaken"] } })
          : submission.reply({ formErrors: [`reviews.refusal.${result.reason}`] });
      return json({ intent, area: "", result: reply, message: null }, { status: 409 });
    }
    return json({ intent, area: "", result: null, message: "reviews.titlesSaved" });
  }
  if (intent === "assess") {
    if (!can(viewer, { kind: "review.assess" })) forbidden();
    const submission = parseWithZod(formData, { schema: AssessmentSchema });
    if (submission.status !== "success")
      return json(
        { intent, area: String(formData.get("priorityAreaId") ?? ""), result: submission.reply(), message: null },
        { status: 400 },
      );
    const v = submission.value;
    const result = saveAssessment(
      viewer,
      id,
      v.priorityAreaId ?? null,
      { assessment: v.assessment, proposals: v.proposals },
      v.version || null,
    );
    if (!result.ok)
      return json(
        {
          intent,
          area: String(v.priorityAreaId ?? ""),
          result: submission.reply({ formErrors: [`reviews.refusal.${result.reason}`] }),
          message: null,
        },
        { status: 409 },
      );
    return json({ intent, area: String(v.priorityAreaId ?? ""), result: null, message: "reviews.saved.assessment" });
  }
  if (intent === "decide") {
    if (!can(viewer, { kind: "review.record" })) forbidden();
    const submission = parseWithZod(formData, { schema: DecisionFormSchema });
    if (submission.status !== "success") return json({ intent, area: "", result: submission.reply(), message: null }, { status: 400 });
    const result = recordDecision(viewer, id, submission.value);
    if (!result.ok)
      return json(
        { intent, area: "", result: submission.reply({ formErrors: [`reviews.refusal.${result.reason}`] }), message: null },
        { status: 409 },
      );
    return json({ intent, area: "", result: submission.reply({ resetForm: true }), message: "reviews.saved.decision" });
  }
  const step = ReviewStepSchema.safeParse(Object.fromEntries(formData));
  if (!step.success) badRequest();
  const { version } = step.data;
  const result =
    step.data.intent === "send"
      ? can(viewer, { kind: "review.send" })
        ? sendReview(viewer, id, version)
        : forbidden()
      : can(viewer, { kind: "review.record" })
        ? step.data.intent === "discussed"
          ? markDiscussed(viewer, id, version)
          : closeReview(viewer, id, version)
        : forbidden();
  if (!result.ok) return json({ intent, area: "", result: null, message: `reviews.refusal.${result.reason}` }, { status: 409 });
  return json({ intent, area: "", result: null, message: `reviews.saved.${step.data.intent}` });
}

export default function ReviewPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const withUnit = useFigureWithUnit();
  const lang = i18n.language;
  const { view, title, titles, planAreas, rights, today, citable, citations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { review, content, decisions } = view;
  const areaName = (a: { code: string | null; nameFi: string | null; nameSv: string | null; nameEn: string | null }) =>
    a.nameFi ? `${a.code} ${nameOrNull(a, lang)}` : t("reviews.noPriorityArea");
  const refused = actionData?.message?.startsWith("reviews.refusal");

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/reviews" size="sm">
        ← {t("reviews.title")}
      </Anchor>
      <div>
        <Title order={1}>
          <ReviewTitleText title={title} />
        </Title>
        <Group gap="sm" mt={4}>
          <ReviewStatusBadge status={review.status} />
          <Text>
            {fmt.date(review.periodStart)} – {fmt.date(review.periodEnd)} · {localName(content.plan, lang)}
          </Text>
          {review.sentAt ? <Text c="dimmed">{t("reviews.sentOn", { date: fmt.dateTime(review.sentAt) })}</Text> : null}
        </Group>
      </div>
      {actionData?.message ? (
        <Alert color={refused ? "red" : "green"} role={refused ? "alert" : "status"}>
          {t(actionData.message)}
        </Alert>
      ) : null}
      {titles ? (
        <RenameForm titles={titles} version={review.version} lastResult={actionData?.intent === "titles" ? actionData.result : undefined} />
      ) : null}
      <Alert color={review.status === "draft" ? "city" : "gray"} variant="light">
        {review.status === "draft" ? t("reviews.draftNotice") : t("reviews.frozenNotice", { date: fmt.dateTime(content.compiledAt) })}
      </Alert>
      <Group gap="sm">
        <Button component="a" href={`/reviews/${review.id}/pdf`} variant="light">
          {t("reviews.downloadPdf")}
        </Button>
        <Button component="a" href={`/reviews/${review.id}/xlsx`} variant="light">
          {t("reviews.downloadXlsx")}
        </Button>
        {rights.send ? <IntentButton intent="send" values={{ version: review.version }} label={t("reviews.send")} /> : null}
        {rights.record && review.status === "sent" ? (
          <IntentButton intent="discussed" values={{ version: review.version }} label={t("reviews.markDiscussed")} variant="light" />
        ) : null}
        {rights.record ? (
          <IntentButton intent="close" values={{ version: review.version }} label={t("reviews.close")} variant="outline" />
        ) : null}
      </Group>

      <Panel titleId="review-summary" title={t("reviews.summary")}>
        <Text mb="sm" data-testid="count-sentence">
          {t("reviews.pdf.summaryText", {
            counted: countSentence(t, content.totals.total, content.totals.counts.proposed),
            completed: content.totals.counts.completed,
            late: content.totals.late,
            stale: content.totals.stale,
            progress: content.progress ?? 0,
          })}
        </Text>
        <ScrollTable minWidth={960} label={t("steering.byArea")}>
          <Table striped withTableBorder>
            <TableHead
              scoped
              columns={[
                t("measures.priorityArea"),
                ...(["total", ...STATUS_COLUMN_KEYS, "late", "progress"] as const).map((c) => numberColumn(t(`reviews.cols.${c}`))),
              ]}
            />
            <Table.Tbody>
              {content.priorityAreas.map((a) => (
                <Table.Tr key={a.id ?? "none"}>
                  <Table.Th scope="row">
                    <Anchor href={`#area-${a.id ?? "none"}`}>{areaName(a)}</Anchor>
                  </Table.Th>
                  <Table.Td ta="right">{a.total}</Table.Td>
                  {STATUS_COLUMN_KEYS.map((c) => (
                    <Table.Td key={c} ta="right">
                      {columnCount(a.counts, c)}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{a.late}</Table.Td>
                  <Table.Td ta="right">{a.progress == null ? "–" : `${a.progress} %`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Panel>

      {content.observations ? (
        <Panel titleId="review-observations" title={t("observations.statusReview.title")}>
          <Text>{t("observations.statusReview.total", { count: content.observations.total })}</Text>
          {content.observations.byCategory.length ? (
            <List size="sm" mt="xs">
              {content.observations.byCategory.map((c) => (
                <List.Item key={c.nameFi}>
                  {localName(c, i18n.language)}: {c.count}
                </List.Item>
              ))}
            </List>
          ) : null}
        </Panel>
      ) : null}

      <Panel titleId="review-changes" title={t("reviews.changes")}>
        {content.changes ? (
          <>
            <Text size="sm" mb="xs">
              {t("reviews.comparedTo")}{" "}
              <Anchor component={Link} to={`/reviews/${content.changes.previousReviewId}`}>
                {content.changes.previousTitle}
              </Anchor>
            </Text>
            <ChangeList changes={content.changes} />
          </>
        ) : (
          <Text>{t("reviews.firstReview")}</Text>
        )}
      </Panel>

      {content.priorityAreas.map((area) => {
        const assessment = content.assessments.find((x) => x.priorityAreaId === area.id);
        const measures = content.measures.filter((m) => m.priorityAreaId === area.id);
        const areaIndicators = content.indicators.filter((i) => area.id != null && i.priorityAreaIds.includes(area.id));
        return (
          <Paper key={area.id ?? "none"} withBorder p="md" component="section" aria-labelledby={`area-${area.id ?? "none"}`}>
            <Title order={2} size="h3" id={`area-${area.id ?? "none"}`} mb="sm">
              {areaName(area)}
            </Title>
            <ScrollTable minWidth={860} labelledBy={`area-${area.id ?? "none"}`}>
              <Table striped>
                <TableHead
                  columns={[
                    t("measures.title"),
                    t("measures.statusLabel"),
                    { label: t("measures.progress"), alignRight: true },
                    t("measures.owner"),
                    t("reviews.cols.latest"),
                  ]}
                />
                <Table.Tbody>
                  {measures.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/measures/${m.id}`}>
                          {m.code} <LocalText record={m} field="title" />
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4}>
                          <StatusBadge status={m.status} />
                          <MeasureFlags flags={m} />
                        </Stack>
                      </Table.Td>
                      <Table.Td ta="right">{m.progress} %</Table.Td>
                      <Table.Td>{localName({ nameFi: m.ownerNameFi, nameSv: m.ownerNameSv, nameEn: m.ownerNameEn }, lang)}</Table.Td>
                      <Table.Td>
                        {m.latest ? (
                          <Text size="sm">
                            <strong>{fmt.date(m.latest.reportedAt)}</strong> {m.latest.done}
                          </Text>
                        ) : (
                          "–"
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            {areaIndicators.length ? (
              <ScrollTable minWidth={480} mt="md" label={`${areaName(area)}: ${t("reviews.indicators")}`}>
                <Table withTableBorder>
                  <caption>{t("reviews.indicators")}</caption>
                  <TableHead
                    columns={[
                      t("reviews.cols.indicator"),
                      { label: t("reviews.cols.latestValue"), alignRight: true },
                      { label: t("reviews.cols.previousValue"), alignRight: true },
                      { label: t("reviews.cols.target"), alignRight: true },
                    ]}
                  />
                  <Table.Tbody>
                    {areaIndicators.map((i) => (
                      <Table.Tr key={i.id}>
                        <Table.Td>{localName(i, lang)}</Table.Td>
                        <Table.Td ta="right">{i.latest ? withUnit(i.latest, i.unit) : "–"}</Table.Td>
                        <Table.Td ta="right">{i.previous ? withUnit(i.previous, i.unit) : "–"}</Table.Td>
                        <Table.Td ta="right">{i.target ? withUnit(i.target, i.unit) : "–"}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            ) : null}
            <Title order={3} size="h4" mt="md">
              {t("reviews.assessment")}
            </Title>
            {rights.assess ? (
              <AssessmentForm areaId={area.id} assessment={assessment} actionData={actionData} />
            ) : (
              <Stack gap={4}>
                <Text style={{ whiteSpace: "pre-line" }}>{assessment?.assessment || t("reviews.noAssessment")}</Text>
                {assessment?.proposals ? (
                  <Text style={{ whiteSpace: "pre-line" }}>
                    <strong>{t("reviews.proposals")}:</strong> {assessment.proposals}
                  </Text>
                ) : null}
              </Stack>
            )}
          </Paper>
        );
      })}

      <ReviewConsultations consultations={content.consultations ?? []} />

      <Panel titleId="review-decisions" title={t("reviews.decisions")}>
        {decisions.length === 0 ? <Text>{t("reviews.noDecisions")}</Text> : null}
        <Stack gap="xs">
          {decisions.map((d) => (
            <Text key={d.id}>
              <strong>{fmt.date(d.decidedOn)}</strong> <LocalText record={d} field="text" />
              {d.kind === "priority_areas" && d.year ? ` (${t("reviews.priorityAreasFor", { year: d.year })})` : ""}
              {citations[d.id] ? (
                <>
                  {" "}
                  <Anchor component={Link} to={`/consultations/${citations[d.id].id}`}>
                    {t("consultations.decision.cited", {
                      title: localText({ fi: citations[d.id].titleFi, sv: citations[d.id].titleSv, en: citations[d.id].titleEn }, lang)
                        .text,
                    })}
                  </Anchor>
                </>
              ) : null}
            </Text>
          ))}
        </Stack>
        {rights.record ? <DecisionForm planAreas={planAreas} today={today} actionData={actionData} citable={citable} /> : null}
      </Panel>
    </Stack>
  );
}

type ActionData = ReturnType<typeof useActionData<typeof action>>;

function AssessmentForm({
  areaId,
  assessment,
  actionData,
}: {
  areaId: number | null;
  assessment?: { assessment: string; proposals: string; version: number };
  actionData: ActionData;
}) {
  const { t } = useTranslation();
  const mine = actionData?.intent === "assess" && actionData.area === String(areaId ?? "");
  const [form, fields] = useZodForm(AssessmentSchema, {
    id: `assess-${areaId ?? "all"}`,
    lastResult: mine ? actionData?.result : undefined,
    defaultValue: { assessment: assessment?.assessment ?? "", proposals: assessment?.proposals ?? "" },
  });
  return (
    <IntentForm intent="assess" {...getFormProps(form)}>
      {areaId ? <input type="hidden" name="priorityAreaId" value={areaId} /> : null}
      <input type="hidden" name="version" value={assessment?.version ?? 0} />
      <Stack gap="xs">
        <FormErrors errors={form.errors} />
        <FieldTextarea field={fields.assessment} label={t("reviews.assessmentLabel")} minRows={3} />
        <FieldTextarea field={fields.proposals} label={t("reviews.proposals")} minRows={2} />
        <SubmitRow label={t("reviews.saveAssessment")} size="sm" />
      </Stack>
    </IntentForm>
  );
}

function DecisionForm({
  planAreas,
  today,
  actionData,
  citable,
}: {
  planAreas: { id: number; code: string; nameFi: string; nameSv: string | null; nameEn: string | null }[];
  today: string;
  actionData: ActionData;
  citable: { id: number; titleFi: string; titleSv: string | null; titleEn: string | null }[];
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [form, fields] = useZodForm(DecisionFormSchema, {
    id: "decision",
    lastResult: actionData?.intent === "decide" ? actionData.result : undefined,
    defaultValue: { decidedOn: today, kind: "priority_areas", year: String(Number(today.slice(0, 4)) + 1) },
  });
  const chosen = Array.isArray(fields.priorityAreaIds.initialValue) ? fields.priorityAreaIds.initialValue.map(String) : [];
  return (
    <IntentForm intent="decide" {...getFormProps(form)}>
      <Stack gap="sm" mt="md">
        <Title order={3} size="h4">
          {t("reviews.recordDecision")}
        </Title>
        <FormErrors errors={form.errors} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <FieldTextInput field={fields.decidedOn} type="date" label={t("reviews.decidedOn")} required />
          <FieldSelect
            field={fields.kind}
            label={t("reviews.decisionKind")}
            data={[
              { value: "priority_areas", label: t("reviews.kinds.priority_areas") },
              { value: "other", label: t("reviews.kinds.other") },
            ]}
          />
          <FieldTextInput field={fields.year} label={t("reviews.year")} description={t("reviews.yearHelp")} inputMode="numeric" />
        </SimpleGrid>
        <Checkbox.Group label={t("reviews.areasInForce")} defaultValue={chosen} error={errorText(fields.priorityAreaIds.errors)}>
          <Stack gap={6} mt={6}>
            {planAreas.map((a) => (
              <Checkbox
                key={a.id}
                name={fields.priorityAreaIds.name}
                value={String(a.id)}
                label={`${a.code} ${localName(a, i18n.language)}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <FieldTextarea field={fields.text} label={t("reviews.decisionText")} minRows={2} required />
        <TranslationFields sv={fields.textSv} en={fields.textEn} label={t("reviews.decisionText")} multiline />
        {citable.length ? (
          <FieldSelect
            field={fields.consultationId}
            defaultValue={fields.consultationId.initialValue ?? ""}
            label={t("consultations.decision.cites")}
            data={[
              { value: "", label: t("consultations.decision.noCitation") },
              ...citable.map((c) => ({
                value: String(c.id),
                label: localVersion(c, "title", i18n.language).text,
              })),
            ]}
          />
        ) : null}
        <SubmitRow label={t("reviews.saveDecision")} />
      </Stack>
    </IntentForm>
  );
}

/** Renaming the draft in its three languages (closed by default: it is seldom needed). */
function RenameForm({
  titles,
  version,
  lastResult,
}: {
  titles: { title: string; titleSv: string; titleEn: string };
  version: number;
  lastResult: SubmissionResult<string[]> | null | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(ReviewTitlesSchema, {
    id: "review-titles",
    lastResult,
    defaultValue: titles,
  });
  return (
    <details open={!!lastResult}>
      <summary>{t("reviews.editTitles")}</summary>
      <Paper withBorder p="md" mt="xs">
        <IntentForm intent="titles" values={{ version: version }} {...getFormProps(form)}>
          <Stack>
            <FormErrors errors={form.errors} />
            <ReviewTitleFields fields={fields} />
            <SubmitRow label={t("reviews.saveTitles")} />
          </Stack>
        </IntentForm>
      </Paper>
    </details>
  );
}
