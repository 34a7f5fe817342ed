// A coordinator edits a consultation: its details (before the first answer everything, after it
// only the texts and the closing time), its questions (added and removed before the first answer,
// reworded until closing), and closes it early. Every change is audited by the domain module.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  ConsultationEditIntent,
  ConsultationEditSchema,
  QuestionSchema,
  QuestionWordingSchema,
  RemoveQuestionSchema,
} from "~/forms/consultations";
import { localVersion } from "~/i18n/names";
import { languageOf, pageTitle } from "~/i18n/page-title";
import {
  addQuestion,
  closeConsultation,
  consultationForEditing,
  removeQuestion,
  rewordQuestion,
  updateConsultation,
} from "~/server/consultations/consultations.server";
import { authorize, badRequest, idParam, notFound } from "~/server/people/guard.server";
import { ConsultationFields } from "~/ui/consultations/ConsultationFields";
import {
  CheckboxList,
  FieldCheckbox,
  FieldNumberInput,
  FieldSelect,
  FieldTextInput,
  FieldTextarea,
  FormErrors,
  useErrorText,
  useZodForm,
  IntentForm,
  SubmitRow,
} from "~/ui/forms";
import { LocalText } from "~/ui/LocalText";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "consultations.edit.title", {
    name: data ? localVersion(data.consultation, "title", languageOf(matches)).text : null,
  });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "consultation.manage" });
  const data = consultationForEditing(idParam(params.consultationId));
  if (!data) notFound();
  return json(data);
}

const FIELD_OF = {
  closesInPast: "closesDate",
  closesBeforeOpens: "closesDate",
  unknownArea: "areaIds",
  frozen: "",
  conflict: "",
  closed: "",
  notFound: "",
} as const;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "consultation.manage" });
  const id = idParam(params.consultationId);
  const formData = await request.formData();
  const intent = ConsultationEditIntent.safeParse(Object.fromEntries(formData));
  if (!intent.success) badRequest();
  const refused = (submission: { reply: (o: object) => unknown }, reason: keyof typeof FIELD_OF, status = 409) => {
    const field = FIELD_OF[reason];
    const message = [`consultations.validation.${reason}`];
    return json(
      { intent: intent.data.intent, reply: submission.reply(field ? { fieldErrors: { [field]: message } } : { formErrors: message }) },
      { status },
    );
  };
  switch (intent.data.intent) {
    case "edit": {
      const submission = parseWithZod(formData, { schema: ConsultationEditSchema });
      if (submission.status !== "success") return json({ intent: "edit", reply: submission.reply() }, { status: 400 });
      const { version, ...input } = submission.value;
      const result = updateConsultation(viewer, id, version, input);
      if (!result.ok) return refused(submission, result.reason, result.reason === "notFound" ? 404 : 409);
      return redirect(`/consultations/${id}/edit?saved=1`);
    }
    case "addQuestion": {
      const submission = parseWithZod(formData, { schema: QuestionSchema });
      if (submission.status !== "success") return json({ intent: "addQuestion", reply: submission.reply() }, { status: 400 });
      const result = addQuestion(viewer, id, submission.value);
      if (!result.ok) return refused(submission, result.reason);
      return redirect(`/consultations/${id}/edit#questions`);
    }
    case "rewordQuestion": {
      const submission = parseWithZod(formData, { schema: QuestionWordingSchema });
      if (submission.status !== "success") return json({ intent: "rewordQuestion", reply: submission.reply() }, { status: 400 });
      const { questionId, ...text } = submission.value;
      const result = rewordQuestion(viewer, id, questionId, text);
      if (!result.ok) return refused(submission, result.reason);
      return redirect(`/consultations/${id}/edit#questions`);
    }
    case "removeQuestion": {
      const parsed = RemoveQuestionSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) badRequest();
      const result = removeQuestion(viewer, id, parsed.data.questionId);
      if (!result.ok && result.reason === "notFound") notFound();
      return redirect(`/consultations/${id}/edit#questions`);
    }
    case "close": {
      const result = closeConsultation(viewer, id);
      if (!result.ok && result.reason === "notFound") notFound();
      return redirect(`/consultations/${id}`);
    }
  }
}

type ActionData = { intent: string; reply: never } | undefined;

function QuestionForm({
  priorityAreas,
  lastResult,
}: {
  priorityAreas: { id: number; code: string; nameFi: string; nameSv: string | null; nameEn: string | null }[];
  lastResult: never;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [form, fields] = useZodForm(QuestionSchema, {
    id: "add-question",
    lastResult,
    defaultValue: { intent: "addQuestion", kind: "rank", required: "on" },
  });
  const area = (p: (typeof priorityAreas)[number]) =>
    `${p.code} ${i18n.language === "sv" && p.nameSv ? p.nameSv : i18n.language === "en" && p.nameEn ? p.nameEn : p.nameFi}`;
  const input = (name: "textFi" | "textSv" | "textEn", required = false) => (
    <FieldTextInput field={fields[name]} label={t(`consultations.edit.${name}`)} required={required} />
  );
  const lines = (name: "optionsFi" | "optionsSv" | "optionsEn") => (
    <FieldTextarea field={fields[name]} label={t(`consultations.edit.${name}`)} minRows={3} />
  );
  return (
    <IntentForm intent="addQuestion" {...getFormProps(form)}>
      <Stack>
        <FormErrors errors={form.errors} />
        <FieldSelect
          field={fields.kind}
          label={t("consultations.edit.kind")}
          data={(["rank", "single", "multiple", "scale", "text"] as const).map((k) => ({ value: k, label: t(`consultations.kinds.${k}`) }))}
        />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {input("textFi", true)}
          {input("textSv")}
          {input("textEn")}
        </SimpleGrid>
        <Group>
          <FieldCheckbox field={fields.required} label={t("consultations.edit.required")} />
          <FieldNumberInput
            field={fields.maxChoices}
            label={t("consultations.edit.maxChoices")}
            description={t("consultations.edit.maxChoicesHelp")}
            min={1}
            max={20}
          />
        </Group>
        {priorityAreas.length ? (
          <CheckboxList
            label={t("consultations.edit.candidates")}
            name={fields.priorityAreaIds.name}
            checked={[]}
            items={priorityAreas.map((p) => ({ value: String(p.id), label: area(p) }))}
            errors={errorText(fields.priorityAreaIds.errors)}
          />
        ) : null}
        <Text size="sm">{t("consultations.edit.optionsHelp")}</Text>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {lines("optionsFi")}
          {lines("optionsSv")}
          {lines("optionsEn")}
        </SimpleGrid>
        <SubmitRow label={t("consultations.edit.add")} />
      </Stack>
    </IntentForm>
  );
}

function RewordForm({
  question,
  number,
  lastResult,
}: {
  question: { id: number; textFi: string; textSv: string | null; textEn: string | null };
  number: number;
  lastResult: never;
}) {
  const { t } = useTranslation();
  const [form, fields] = useZodForm(QuestionWordingSchema, {
    id: `reword-${question.id}`,
    lastResult,
    defaultValue: {
      intent: "rewordQuestion",
      questionId: String(question.id),
      textFi: question.textFi,
      textSv: question.textSv ?? "",
      textEn: question.textEn ?? "",
    },
  });
  return (
    <details>
      <summary>{t("consultations.edit.rewordNamed", { number })}</summary>
      <IntentForm intent="rewordQuestion" values={{ questionId: question.id }} {...getFormProps(form)}>
        <Stack mt="xs">
          <FormErrors errors={form.errors} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {(["textFi", "textSv", "textEn"] as const).map((name) => (
              <FieldTextInput field={fields[name]} label={t(`consultations.edit.${name}`)} required={name === "textFi"} />
            ))}
          </SimpleGrid>
          <SubmitRow label={t("consultations.edit.rewordSave")} variant="light" />
        </Stack>
      </IntentForm>
    </details>
  );
}

export default function EditConsultationPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData;
  const replyFor = (intent: string) => (actionData?.intent === intent ? actionData.reply : undefined) as never;
  const [form, fields] = useZodForm(ConsultationEditSchema, {
    id: "edit-consultation",
    lastResult: replyFor("edit"),
    defaultValue: d.form,
  });
  const c = d.consultation;
  const [searchParams] = useSearchParams();
  const saved = searchParams.has("saved");
  return (
    <Stack gap="lg">
      <Title order={1}>
        {t("consultations.edit.title")}: <LocalText record={{ title: c.titleFi, titleSv: c.titleSv, titleEn: c.titleEn }} field="title" />
      </Title>
      <Group>
        <Anchor component={Link} to={`/consultations/${c.id}`}>
          {t("consultations.edit.preview")}
        </Anchor>
      </Group>
      {d.frozen ? (
        <Alert color="yellow" role="status">
          {t("consultations.edit.frozen")}
        </Alert>
      ) : null}
      <Notice message={saved ? t("consultations.form.saved") : null} />
      <Panel titleId="details-title" title={t("consultations.edit.detailsTitle")}>
        <IntentForm intent="edit" values={{ version: c.version }} {...getFormProps(form)}>
          <Stack>
            <FormErrors errors={form.errors} />
            <ConsultationFields fields={fields as never} areas={d.areaChoices} frozen={d.frozen} />
            <SubmitRow label={t("consultations.form.save")} />
          </Stack>
        </IntentForm>
      </Panel>
      <Panel titleId="questions-title" title={t("consultations.edit.questionsTitle")} id="questions">
        {d.questions.length ? (
          <Stack component="ol" style={{ paddingInlineStart: "1.25rem" }}>
            {d.questions.map((q, i) => (
              <li key={q.id}>
                <Text fw={600}>
                  <LocalText record={{ text: q.textFi, textSv: q.textSv, textEn: q.textEn }} field="text" />
                </Text>
                <Text size="sm" c="dimmed">
                  {t(`consultations.kinds.${q.kind}`)}
                  {q.options.length ? `: ${q.options.map((o) => o.labelFi).join(", ")}` : ""}
                </Text>
                {d.state !== "closed" ? <RewordForm question={q} number={i + 1} lastResult={replyFor("rewordQuestion")} /> : null}
                {d.frozen ? null : (
                  <IntentForm intent="removeQuestion" values={{ questionId: q.id }}>
                    <Button
                      type="submit"
                      variant="outline"
                      color="red"
                      size="xs"
                      aria-label={t("consultations.edit.removeNamed", { number: i + 1 })}
                    >
                      {t("consultations.edit.remove")}
                    </Button>
                  </IntentForm>
                )}
              </li>
            ))}
          </Stack>
        ) : (
          <Text>{t("consultations.edit.noQuestions")}</Text>
        )}
        {d.frozen ? null : (
          <Stack mt="lg">
            <Title order={3} size="h4">
              {t("consultations.edit.addQuestion")}
            </Title>
            <QuestionForm priorityAreas={d.priorityAreas} lastResult={replyFor("addQuestion")} />
          </Stack>
        )}
      </Panel>
      <Panel titleId="close-title" title={t("consultations.edit.closeTitle")}>
        {d.state === "closed" ? (
          <Text>{t("consultations.edit.closed")}</Text>
        ) : (
          <IntentForm intent="close">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t("consultations.edit.closeHelp")}</Text>
              <Button type="submit" color="red" variant="outline">
                {t("consultations.edit.closeNow")}
              </Button>
            </Stack>
          </IntentForm>
        )}
      </Panel>
    </Stack>
  );
}
