// A resident starts a plan for one of their home areas; the draft opens in the editor.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewNeighbourhoodPlanSchema } from "~/forms/neighbourhood";
import { translatorFor } from "~/i18n/i18n.server";
import { localName } from "~/i18n/names";
import { areaAncestors, getArea } from "~/server/city/areas.server";
import { authorize, forbidden } from "~/server/people/guard.server";
import { createNeighbourhoodPlan } from "~/server/neighbourhood/neighbourhood.server";
import { can } from "~/server/people/permissions.server";
import { FieldSelect, FieldTextInput, FormErrors, useZodForm } from "~/ui/forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} – Lähiturva` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Residents only: the plan is for a home area.
  const viewer = await authorize(request, context, { kind: "myArea.view" });
  const t = await translatorFor(request);
  const homes = viewer.residentAreaIds
    .map((id) => getArea(id))
    .filter((a): a is NonNullable<typeof a> => !!a && can(viewer, { kind: "neighbourhoodPlan.create", areaId: a.id }))
    .map((a) => ({ ...a, parents: areaAncestors(a.id).map((p) => ({ nameFi: p.nameFi, nameSv: p.nameSv })) }));
  if (!homes.length) forbidden();
  return json({ pageTitle: t("neighbourhood.newPlan.title"), homes });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: NewNeighbourhoodPlanSchema });
  if (submission.status !== "success") {
    await authorize(request, context, { kind: "myArea.view" });
    return json(submission.reply(), { status: 400 });
  }
  const viewer = await authorize(request, context, { kind: "neighbourhoodPlan.create", areaId: submission.value.areaId });
  const id = createNeighbourhoodPlan(viewer, submission.value.areaId, submission.value.title);
  return redirect(`/neighbourhood-plans/${id}/edit`);
}

export default function NewNeighbourhoodPlan() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { homes } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const chosen = homes.find((h) => String(h.id) === params.get("area"))?.id ?? homes[0]?.id;
  const [form, fields] = useZodForm(NewNeighbourhoodPlanSchema, {
    lastResult,
    defaultValue: { areaId: chosen ? String(chosen) : "" },
    shouldRevalidate: "onInput",
  });
  return (
    <Stack gap="lg" maw={640}>
      <Title order={1}>{t("neighbourhood.newPlan.title")}</Title>
      <Text>{t("neighbourhood.newPlan.intro")}</Text>
      <Paper withBorder p="lg">
        <Form method="post" {...getFormProps(form)}>
          <Stack>
            <FormErrors errors={form.errors} />
            <FieldSelect
              field={fields.areaId}
              label={t("neighbourhood.newPlan.area")}
              description={t("neighbourhood.newPlan.areaHelp")}
              data={homes.map((h) => ({
                value: String(h.id),
                label: [...h.parents.map((p) => localName(p, lang)), localName(h, lang)].join(" – "),
              }))}
              required
            />
            <FieldTextInput
              field={fields.title}
              label={t("neighbourhood.newPlan.planTitle")}
              description={t("neighbourhood.newPlan.titleHelp")}
              required
            />
            <Button type="submit" loading={navigation.state === "submitting"}>
              {t("neighbourhood.newPlan.create")}
            </Button>
          </Stack>
        </Form>
      </Paper>
    </Stack>
  );
}
