// `/situations/new`: a coordinator convenes a situation: title, description, severity, publicity
// class with its legal ground (the documents' model, Act 621/1999), the affected areas and the
// organisations' representatives to invite. The invitees are notified and mailed at once.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PUBLICITY_CLASSES, SITUATION_SEVERITIES } from "../../db/schema";
import { SituationSchema } from "~/forms/situations";
import { detectLanguage } from "~/i18n/i18n.server";
import { localName, nameOptions } from "~/i18n/names";
import { pageTitle } from "~/i18n/page-title";
import { listSelectableAreas } from "~/server/people/directory.server";
import { authorize } from "~/server/people/guard.server";
import { listInvitableRepresentatives, openSituation } from "~/server/situations/situations.server";
import { FieldSelect, FieldTextInput, FieldTextarea, FormErrors, checkedList, useZodForm, FieldCheckboxList, SubmitRow } from "~/ui/forms";
import { PageHeading } from "~/ui/PageHeading";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, ["situations.new.title", "situations.title"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "situation.convene" });
  const lang = await detectLanguage(request);
  return json({
    areas: nameOptions(listSelectableAreas(), lang, { withCode: true }),
    people: listInvitableRepresentatives().map((p) => ({
      value: p.userId,
      label: `${p.name}, ${localName({ nameFi: p.organisationNameFi, nameSv: p.organisationNameSv, nameEn: p.organisationNameEn }, lang)}`,
    })),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "situation.convene" });
  const submission = parseWithZod(await request.formData(), { schema: SituationSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  const result = openSituation(viewer, {
    title: v.title,
    description: v.description,
    severity: v.severity,
    publicity: v.publicity,
    legalGround: v.legalGround ?? null,
    secretUntil: v.secretUntil ?? null,
    areaIds: v.areaIds,
    memberIds: v.memberIds,
  });
  if (!result.ok) return json({ result: submission.reply({ formErrors: [`situations.errors.${result.reason}`] }) }, { status: 403 });
  return redirect(`/situations/${result.id}`);
}

export default function NewSituationPage() {
  const { t } = useTranslation();
  const { areas, people } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(SituationSchema, {
    id: "new-situation",
    lastResult: actionData?.result,
    defaultValue: { severity: "moderate", publicity: "public" },
  });
  const chosenAreas = checkedList(fields.areaIds.initialValue);
  return (
    <Stack gap="lg">
      <PageHeading title={t("situations.new.title")} intro={t("situations.intro")} />
      <Paper withBorder p="md">
        <Form method="post" {...getFormProps(form)}>
          <Stack maw={760}>
            <FormErrors errors={form.errors} />
            <FieldTextInput field={fields.title} label={t("situations.fields.title")} required />
            <FieldTextarea field={fields.description} label={t("situations.fields.description")} minRows={3} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FieldSelect
                field={fields.severity}
                label={t("situations.fields.severity")}
                data={SITUATION_SEVERITIES.map((s) => ({ value: s, label: t(`situations.severity.${s}`) }))}
              />
              <FieldSelect
                field={fields.publicity}
                label={t("workspaces.documents.publicity")}
                description={t("workspaces.documents.publicityHelp")}
                data={PUBLICITY_CLASSES.map((c) => ({ value: c, label: t(`workspaces.documents.class.${c}`) }))}
              />
              <FieldTextInput
                field={fields.legalGround}
                label={t("workspaces.documents.legalGround")}
                description={t("workspaces.documents.legalGroundHelp")}
              />
              <FieldTextInput field={fields.secretUntil} type="date" label={t("workspaces.documents.secretUntil")} />
            </SimpleGrid>
            <FieldSelect
              field={fields.areaIds}
              label={t("situations.fields.areas")}
              description={t("situations.fields.areasHelp")}
              multiple
              size="sm"
              styles={{ input: { height: 180 } }}
              defaultValue={chosenAreas}
              data={areas}
            />
            <Text size="sm">{t("situations.fields.membersHelp")}</Text>
            <FieldCheckboxList field={fields.memberIds} label={t("situations.fields.members")} items={people} />
            <SubmitRow label={t("situations.new.submit")} busy={navigation.state === "submitting"} />
          </Stack>
        </Form>
      </Paper>
    </Stack>
  );
}
