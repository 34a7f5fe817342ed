import { parseWithZod } from "@conform-to/zod";
import { Anchor, Stack, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeasureFormSchema, NewMeasureQuerySchema } from "~/forms/measures";
import { localName, namesFrom } from "~/i18n/names";
import { authorize, notFound } from "~/server/people/guard.server";
import { measureInputFromForm } from "~/server/city/measure-input";
import { measureFormOptions, resolvePlan } from "~/server/city/measure-views.server";
import { proposeMeasure } from "~/server/city/measures.server";
import { MeasureFormFields, measureDefaults } from "~/ui/measures/MeasureFormFields";
import { pageTitle } from "~/i18n/page-title";

async function load(request: Request, context: Parameters<typeof authorize>[1]) {
  const viewer = await authorize(request, context, { kind: "measure.propose" });
  const { plan } = resolvePlan(NewMeasureQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams)).plan, viewer);
  if (!plan) notFound();
  return { viewer, plan };
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "measures.proposeTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer, plan } = await load(request, context);
  const ownOrganisation = viewer.memberships.find((m) => m.groupKind === "expert" && m.organisationId)?.organisationId ?? null;
  return json({
    plan: { id: plan.id, ...namesFrom(plan) },
    options: measureFormOptions(plan),
    defaults: measureDefaults({
      ownerOrganisationId: ownOrganisation ?? undefined,
      responsibleUserId: viewer.id,
      cityWide: true,
      published: true,
    }),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { viewer, plan } = await load(request, context);
  const submission = parseWithZod(await request.formData(), { schema: MeasureFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const result = proposeMeasure(viewer, plan.id, measureInputFromForm(submission.value));
  if (result.ok) return redirect(`/measures/${result.id}?saved=measure`);
  return json(submission.reply({ fieldErrors: { code: ["measures.validation.codeTaken"] } }), { status: 400 });
}

export default function NewMeasurePage() {
  const { t, i18n } = useTranslation();
  const { plan, options, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <Stack maw={980}>
      <Anchor component={Link} to={`/measures?plan=${plan.id}`} size="sm">
        ← {t("measures.backToList")}
      </Anchor>
      <Title order={1}>{t("measures.proposeTitle")}</Title>
      <Text>{t("measures.proposeIntro", { plan: localName(plan, i18n.language) })}</Text>
      <MeasureFormFields options={options} defaultValue={defaults} lastResult={lastResult} submitLabel={t("measures.sendProposal")} />
    </Stack>
  );
}
