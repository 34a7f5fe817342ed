// A coordinator creates a residents' consultation: texts in three languages, the open period in
// Helsinki time, the audience and whether results go public; the questions are added next.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Stack, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConsultationSchema } from "~/forms/consultations";
import { pageTitle } from "~/i18n/page-title";
import {
  audienceAreaChoices,
  consultationPlanId,
  createConsultation,
  newConsultationDefaults,
} from "~/server/consultations/consultations.server";
import { authorize } from "~/server/people/guard.server";
import { ConsultationFields } from "~/ui/consultations/ConsultationFields";
import { FormErrors, useZodForm, SubmitRow } from "~/ui/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultations.newTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "consultation.manage" });
  return json({ areas: audienceAreaChoices(), defaults: newConsultationDefaults() });
}

/** Where each refusal of the domain is said: at the field it concerns. */
const REFUSAL_FIELD = { closesInPast: "closesDate", closesBeforeOpens: "closesDate", unknownArea: "areaIds" } as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "consultation.manage" });
  const submission = parseWithZod(await request.formData(), { schema: ConsultationSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = createConsultation(viewer, { ...submission.value, planId: consultationPlanId() });
  if (!result.ok) {
    const field = REFUSAL_FIELD[result.reason as keyof typeof REFUSAL_FIELD] ?? "closesDate";
    return json(submission.reply({ fieldErrors: { [field]: [`consultations.validation.${result.reason}`] } }), { status: 409 });
  }
  return redirect(`/consultations/${result.id}/edit`);
}

export default function NewConsultationPage() {
  const { t } = useTranslation();
  const { areas, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useZodForm(ConsultationSchema, {
    lastResult,
    defaultValue: defaults,
  });
  return (
    <Stack gap="lg">
      <Title order={1}>{t("consultations.newTitle")}</Title>
      <Form method="post" {...getFormProps(form)}>
        <Stack>
          <FormErrors errors={form.errors} />
          <ConsultationFields fields={fields as never} areas={areas} />
          <SubmitRow label={t("consultations.form.create")} />
        </Stack>
      </Form>
    </Stack>
  );
}
