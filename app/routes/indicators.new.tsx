// `/indicators/new`: a coordinator defines a new indicator (values come later, by hand or CSV).
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Stack } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { definitionRefusal, IndicatorDefinitionSchema, parseMeasureCodes } from "~/forms/indicators";
import { detectLanguage, translatorFor } from "~/i18n/i18n.server";
import { authorize, badRequest } from "~/server/people/guard.server";
import { createIndicator, definitionFormOptions } from "~/server/city/indicators.server";
import { IndicatorDefinitionForm } from "~/ui/indicators/IndicatorDefinitionForm";
import { PageHeading } from "~/ui/PageHeading";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} – Lähiturva` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "indicator.define" });
  const t = await translatorFor(request);
  return json({
    pageTitle: t("indicators.definitionForm.newTitle"),
    priorityAreas: definitionFormOptions(await detectLanguage(request)).priorityAreas,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "indicator.define" });
  const submission = parseWithZod(await request.formData(), { schema: IndicatorDefinitionSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const { scope } = definitionFormOptions(await detectLanguage(request));
  const result = createIndicator(viewer, { ...submission.value, measureCodes: parseMeasureCodes(submission.value.measureCodes) }, scope);
  if (result.ok) return redirect(`/indicators/${result.id}?saved=definition`);
  const fieldErrors = definitionRefusal(result);
  if (!fieldErrors) badRequest();
  return json({ result: submission.reply({ fieldErrors }) }, { status: 400 });
}

export default function NewIndicatorPage() {
  const { t } = useTranslation();
  const { priorityAreas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/indicators" size="sm">
        ← {t("indicators.detail.backToList")}
      </Anchor>
      <PageHeading title={t("indicators.definitionForm.newTitle")} intro={t("indicators.definitionForm.intro")} />
      <IndicatorDefinitionForm
        lastResult={actionData?.result}
        priorityAreas={priorityAreas}
        submitLabel={t("indicators.definitionForm.create")}
      />
    </Stack>
  );
}
