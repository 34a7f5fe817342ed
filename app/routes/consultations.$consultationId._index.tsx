// One residents' consultation: what it asks and for whom, the answer form for a resident of the
// covered areas (once per person, changeable until closing; refused with the reason after it, with
// what was typed kept), how answers are handled, where the results are, and what was decided.
// Coordinators see a preview of the questions; an upcoming consultation is theirs only (404).
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Badge, Group, List, Stack, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { answerSchema, answersFromForm, formFromAnswers } from "~/forms/consultations";
import { errorKey } from "~/forms/z";
import { localVersion } from "~/i18n/names";
import { languageOf, pageTitle } from "~/i18n/page-title";
import { ownAnswer, submitAnswer } from "~/server/consultations/answers.server";
import { decisionsCiting, getConsultation, inAudience } from "~/server/consultations/consultations.server";
import { resultsAccess } from "~/server/consultations/results.server";
import { authorize, getViewer, idParam, notFound } from "~/server/people/guard.server";
import { can } from "~/server/people/permissions.server";
import { helsinkiParts } from "~/server/platform/helsinki-time";
import { AnswerFields } from "~/ui/consultations/AnswerFields";
import { FormErrors, useZodForm, SubmitRow } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { LocalText } from "~/ui/LocalText";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "consultations.title", {
    name: data ? localVersion(data.consultation, "title", languageOf(matches)).text : null,
  });

/** A consultation the viewer may know of: an upcoming one is the coordinators' only. */
async function load(request: Request, context: Parameters<typeof getViewer>[1], param: string | undefined) {
  const viewer = await getViewer(request, context);
  const data = getConsultation(idParam(param));
  if (!data) notFound();
  const manage = can(viewer, { kind: "consultation.manage" });
  if (data.state === "upcoming" && !manage) notFound();
  return { viewer, data, manage };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, data, manage } = await load(request, context, params.consultationId);
  const id = data.consultation.id;
  const mine = viewer ? ownAnswer(viewer.id, id) : null;
  const resident = !!viewer && can(viewer, { kind: "consultation.answer" });
  const { resultsPublic, opensAt, closesAt, ...c } = data.consultation;
  return json({
    consultation: { ...c, opensAt, closesAt, resultsPublic },
    state: data.state,
    areas: data.areas,
    questions: data.questions,
    signedIn: !!viewer,
    resident,
    canAnswer: resident && inAudience(id, viewer!.residentAreaIds) != null,
    answeredAt: mine?.updatedAt ?? null,
    answer: mine ? formFromAnswers(data.questions, mine.rows) : {},
    manage,
    moderate: !!viewer && can(viewer, { kind: "consultation.moderateAny" }),
    results: resultsAccess(viewer, { opensAt, closesAt, resultsPublic }),
    decisions: decisionsCiting(id),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "consultation.answer" });
  const { data } = await load(request, context, params.consultationId);
  const submission = parseWithZod(await request.formData(), { schema: answerSchema(data.questions) });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = submitAnswer(viewer, data.consultation.id, answersFromForm(data.questions, submission.value));
  if (!result.ok) {
    const closes = helsinkiParts(data.consultation.closesAt);
    const at = `${closes.date.split("-").reverse().join(".")} ${closes.time}`;
    // The reason, with everything typed kept (conform's reply carries the submitted values back).
    return json(submission.reply({ formErrors: [errorKey(`consultations.answer.refused.${result.reason}`, { at })] }), {
      status: result.reason === "notFound" ? 404 : 409,
    });
  }
  return redirect(`/consultations/${data.consultation.id}?saved=${result.changed ? "changed" : "new"}#answer`);
}

export default function ConsultationPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  const c = d.consultation;
  const [form, fields] = useZodForm(answerSchema(d.questions), {
    lastResult,
    defaultValue: d.answer,
  });
  const showForm = d.canAnswer && (d.state === "open" || !!lastResult) && d.questions.length > 0;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>
          <LocalText record={{ title: c.titleFi, titleSv: c.titleSv, titleEn: c.titleEn }} field="title" />
        </Title>
        <Group gap="sm">
          <Badge variant="light" color={d.state === "open" ? "city" : "dark"}>
            {t(`consultations.state.${d.state}`)}
          </Badge>
          <Text size="sm">{t("consultations.period", { opens: fmt.dateTime(c.opensAt), closes: fmt.dateTime(c.closesAt) })}</Text>
        </Group>
        <Text size="sm">
          {t("consultations.audience")}: {d.areas.length ? d.areas.map((a) => a.nameFi).join(", ") : t("consultations.wholeCity")}
        </Text>
      </Stack>
      <Text maw={760} style={{ whiteSpace: "pre-wrap" }}>
        <LocalText
          record={{ description: c.descriptionFi, descriptionSv: c.descriptionSv, descriptionEn: c.descriptionEn }}
          field="description"
        />
      </Text>
      {d.manage ? (
        <Group>
          <Anchor component={Link} to={`/consultations/${c.id}/edit`}>
            {t("consultations.edit.link")}
          </Anchor>
        </Group>
      ) : null}

      {d.state !== "closed" || lastResult ? (
        <Panel titleId="answer-title" title={t("consultations.answer.title")} id="answer">
          <Notice message={saved ? t(saved === "changed" ? "consultations.answer.changed" : "consultations.answer.saved") : null} mb="md" />
          {d.state === "upcoming" ? <Text>{t("consultations.answer.notOpen", { at: fmt.dateTime(c.opensAt) })}</Text> : null}
          {d.state === "open" && !d.signedIn ? (
            <Stack gap="xs">
              <Text>{t("consultations.answer.signInHelp")}</Text>
              <Group gap="xs">
                <Anchor component={Link} to={`/login?redirectTo=${encodeURIComponent(`/consultations/${c.id}`)}`}>
                  {t("consultations.answer.signIn")}
                </Anchor>
                <Text>/</Text>
                <Anchor component={Link} to="/register">
                  {t("consultations.answer.register")}
                </Anchor>
              </Group>
            </Stack>
          ) : null}
          {d.state === "open" && d.signedIn && !d.resident && !d.manage ? <Text>{t("consultations.answer.residentsOnly")}</Text> : null}
          {d.state === "open" && d.resident && !d.canAnswer ? <Text>{t("consultations.answer.notInAudience")}</Text> : null}
          {d.answeredAt && d.state === "open" ? (
            <Text mb="sm">{t("consultations.answer.yours", { at: fmt.dateTime(d.answeredAt) })}</Text>
          ) : null}
          {showForm ? (
            <Form method="post" {...getFormProps(form)}>
              <Stack>
                <FormErrors errors={form.errors} />
                <AnswerFields questions={d.questions} fields={fields as never} />
                <SubmitRow label={t(d.answeredAt ? "consultations.answer.change" : "consultations.answer.submit")} />
              </Stack>
            </Form>
          ) : null}
          {d.manage && !d.canAnswer && d.questions.length ? (
            <Stack gap="xs" mt="md">
              <Title order={3} size="h4">
                {t("consultations.answer.previewTitle")}
              </Title>
              <Text size="sm">{t("consultations.answer.previewHelp")}</Text>
              <fieldset disabled style={{ border: 0, padding: 0, margin: 0 }}>
                <AnswerFields questions={d.questions} fields={fields as never} />
              </fieldset>
            </Stack>
          ) : null}
          <Stack gap={4} mt="lg" component="aside" aria-labelledby="privacy-title">
            <Title order={3} size="h5" id="privacy-title">
              {t("consultations.privacy.title")}
            </Title>
            <List size="sm" spacing={4}>
              <List.Item>{t("consultations.privacy.who")}</List.Item>
              <List.Item>{t("consultations.privacy.retention")}</List.Item>
              <List.Item>{t("consultations.privacy.basis")}</List.Item>
            </List>
            <Anchor component={Link} to="/privacy" size="sm">
              {t("consultations.privacy.link")}
            </Anchor>
          </Stack>
        </Panel>
      ) : null}

      <Panel titleId="results-title" title={t("consultations.results.title")}>
        {d.results ? (
          <Stack gap="xs">
            {d.results === "live" && d.state !== "closed" ? <Text size="sm">{t("consultations.results.live")}</Text> : null}
            <Anchor component={Link} to={`/consultations/${c.id}/results`}>
              {t("consultations.results.link")}
            </Anchor>
          </Stack>
        ) : (
          <Text>{t(c.resultsPublic ? "consultations.results.publicAfter" : "consultations.results.notPublic")}</Text>
        )}
        {d.moderate ? (
          <Anchor component={Link} to={`/consultations/${c.id}/moderation`} display="block" mt="xs">
            {t("consultations.moderation.link")}
          </Anchor>
        ) : null}
      </Panel>

      {d.state === "closed" || d.decisions.length ? (
        <Panel titleId="decided-title" title={t("consultations.decided.title")}>
          {d.decisions.length ? (
            <Stack>
              {d.decisions.map((decision) => (
                <Stack key={decision.id} gap={4}>
                  <Text fw={600}>{t("consultations.decided.on", { date: fmt.date(decision.decidedOn) })}</Text>
                  <Text style={{ whiteSpace: "pre-wrap" }}>
                    <LocalText record={decision} field="text" />
                  </Text>
                  {decision.year && decision.priorityAreas.length ? (
                    <>
                      <Text size="sm">{t("consultations.decided.areasIn", { year: decision.year })}</Text>
                      <List size="sm">
                        {decision.priorityAreas.map((p) => (
                          <List.Item key={p.id}>
                            {p.code} <LocalText record={{ name: p.nameFi, nameSv: p.nameSv, nameEn: p.nameEn }} field="name" />
                          </List.Item>
                        ))}
                      </List>
                    </>
                  ) : null}
                </Stack>
              ))}
            </Stack>
          ) : (
            <Text>{t("consultations.decided.none")}</Text>
          )}
        </Panel>
      ) : null}
    </Stack>
  );
}
