import { parseWithZod } from "@conform-to/zod";
import { Anchor, Stack, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeasureFormSchema } from "~/forms/measures";
import { notFound } from "~/server/people/guard.server";
import { requireMeasureRight } from "~/server/city/measure-guards.server";
import { measureInputFromForm } from "~/server/city/measure-input";
import { measureFormOptions } from "~/server/city/measure-views.server";
import { getMeasure, snapshotOf, updateMeasure } from "~/server/city/measures.server";
import { getPlan } from "~/server/city/plans.server";
import { MeasureFormFields, measureDefaults } from "~/ui/measures/MeasureFormFields";
import { pageTitle } from "~/i18n/page-title";

function planOf(planId: number) {
  const plan = getPlan(planId, { publicOnly: false });
  if (!plan) notFound();
  return plan;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "measures.editTitle", { params: { code: data?.code ?? "" } });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { id, info } = await requireMeasureRight(request, context, params.measureId, "measure.edit");
  const snapshot = snapshotOf(id)!;
  const m = getMeasure(id, { publicOnly: false })!.measure;
  return json({
    id,
    code: m.code,
    title: m.title,
    version: info.version,
    defaults: measureDefaults(snapshot),
    options: measureFormOptions(planOf(info.planId), undefined, snapshot.areaIds),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer, id } = await requireMeasureRight(request, context, params.measureId, "measure.edit");
  const submission = parseWithZod(await request.formData(), { schema: MeasureFormSchema });
  if (submission.status !== "success")
    return json({ result: submission.reply(), conflict: null }, { status: submission.status === "error" ? 400 : 200 });
  const result = updateMeasure(viewer, id, submission.value.version ?? 0, measureInputFromForm(submission.value));
  if (result.ok) return redirect(`/measures/${id}?saved=measure`);
  if (result.reason === "conflict") {
    // Keep what this person typed; show what the other person saved; the next save is on top of it.
    return json(
      {
        result: submission.reply(),
        conflict: {
          version: result.currentVersion,
          changed: result.changed,
          current: result.current as unknown as Record<string, unknown>,
        },
      },
      { status: 409 },
    );
  }
  if (result.reason === "codeTaken")
    return json(
      { result: submission.reply({ fieldErrors: { code: ["measures.validation.codeTaken"] } }), conflict: null },
      { status: 400 },
    );
  notFound();
}

export default function EditMeasurePage() {
  const { t } = useTranslation();
  const { id, code, title, version, defaults, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <Stack maw={980}>
      <Anchor component={Link} to={`/measures/${id}`} size="sm">
        ← {code} {title}
      </Anchor>
      <Title order={1}>{t("measures.editTitle", { code })}</Title>
      <MeasureFormFields
        options={options}
        defaultValue={defaults}
        lastResult={actionData?.result}
        version={actionData?.conflict?.version ?? version}
        conflict={actionData?.conflict}
        submitLabel={t("common.save")}
      />
    </Stack>
  );
}
