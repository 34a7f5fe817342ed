// `/indicators/<id>/edit` (the trailing _ keeps it out of the indicator page's nesting): a
// coordinator corrects an indicator's definition. Two coordinators at once: the later save on an
// older version is refused, keeps what was typed and shows the newer one.
import { parseWithZod } from "@conform-to/zod";
import { Alert, Anchor, Stack, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { definitionRefusal, IndicatorDefinitionSchema, parseMeasureCodes } from "~/forms/indicators";
import { detectLanguage } from "~/i18n/i18n.server";
import { localName } from "~/i18n/names";
import { authorize, badRequest, idParam, notFound } from "~/server/people/guard.server";
import {
  definitionFormOptions,
  getIndicatorDefinition,
  indicatorMeasureCodes,
  indicatorPriorityAreaIds,
  updateIndicator,
} from "~/server/city/indicators.server";
import { IndicatorDefinitionForm } from "~/ui/indicators/IndicatorDefinitionForm";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} – Lähiturva` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "indicator.define" });
  const indicator = getIndicatorDefinition(idParam(params.indicatorId));
  if (!indicator) notFound();
  const lang = await detectLanguage(request);
  const { priorityAreas, scope } = definitionFormOptions(lang);
  const linked = indicatorPriorityAreaIds(indicator.id).filter((id) => scope.priorityAreaIds.includes(id));
  return json({
    pageTitle: localName(indicator, lang),
    indicator,
    priorityAreas,
    linked,
    measureCodes: indicatorMeasureCodes(indicator.id, scope.planId),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "indicator.define" });
  const id = idParam(params.indicatorId);
  const submission = parseWithZod(await request.formData(), { schema: IndicatorDefinitionSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), conflict: null }, { status: 400 });
  if (!submission.value.version) badRequest();
  const { scope } = definitionFormOptions(await detectLanguage(request));
  const result = updateIndicator(
    viewer,
    id,
    submission.value.version,
    { ...submission.value, measureCodes: parseMeasureCodes(submission.value.measureCodes) },
    scope,
  );
  if (result.ok) return redirect(`/indicators/${id}?saved=definition`);
  if (result.reason === "notFound") notFound();
  if (result.reason === "conflict") {
    return json(
      { result: submission.reply({ formErrors: ["indicators.definitionForm.conflict"] }), conflict: result.current },
      { status: 409 },
    );
  }
  const fieldErrors = definitionRefusal(result);
  if (!fieldErrors) badRequest();
  return json({ result: submission.reply({ fieldErrors }), conflict: null }, { status: 400 });
}

export default function EditIndicatorPage() {
  const { t, i18n } = useTranslation();
  const { indicator, priorityAreas, linked, measureCodes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const conflict = actionData?.conflict;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/indicators/${indicator.id}`} size="sm">
        ← {localName(indicator, i18n.language)}
      </Anchor>
      <Title order={1}>{t("indicators.definitionForm.editTitle")}</Title>
      {conflict ? (
        <Alert color="orange" role="alert" title={t("indicators.detail.definition")}>
          <Text size="sm">
            {localName(conflict, i18n.language)} · {conflict.key} · {conflict.unit} · {t(`indicators.direction.${conflict.direction}`)} ·{" "}
            {t(`indicators.resolution.${conflict.resolution}`)}
          </Text>
          {conflict.descriptionFi ? <Text size="sm">{conflict.descriptionFi}</Text> : null}
        </Alert>
      ) : null}
      <IndicatorDefinitionForm
        lastResult={actionData?.result}
        defaultValue={{
          key: indicator.key,
          nameFi: indicator.nameFi,
          nameSv: indicator.nameSv ?? "",
          nameEn: indicator.nameEn ?? "",
          unit: indicator.unit,
          source: indicator.source,
          direction: indicator.direction,
          resolution: indicator.resolution,
          descriptionFi: indicator.descriptionFi ?? "",
          priorityAreaIds: linked.map(String),
          measureCodes: measureCodes.join(", "),
        }}
        priorityAreas={priorityAreas}
        version={conflict?.version ?? indicator.version}
        submitLabel={t("indicators.definitionForm.save")}
      />
    </Stack>
  );
}
