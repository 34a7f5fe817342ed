import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FollowUpEditSchema } from "~/forms/measures";
import { idParam, notFound } from "~/server/people/guard.server";
import { requireMeasureRight } from "~/server/city/measure-guards.server";
import { editFollowUp, getFollowUp } from "~/server/city/measures.server";
import { FormErrors, useZodForm, IntentForm } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { FollowUpTextFields } from "~/ui/measures/FollowUpTextFields";
import { languageOf, pageTitle } from "~/i18n/page-title";
import { INTL_LOCALE } from "~/i18n/config";

async function load(request: Request, context: Parameters<typeof requireMeasureRight>[1], params: Record<string, string | undefined>) {
  const access = await requireMeasureRight(request, context, params.measureId, "measure.followUp");
  const entry = getFollowUp(idParam(params.entryId));
  if (!entry || entry.measureId !== access.id) notFound();
  return { ...access, entry };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "measures.correctEntryTitle", {
    params: {
      date: data
        ? new Intl.DateTimeFormat(INTL_LOCALE[languageOf(matches)], { dateStyle: "medium", timeZone: "Europe/Helsinki" }).format(
            new Date(data.entry.reportedAt),
          )
        : "",
    },
  });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { entry } = await load(request, context, params);
  return json({ entry });
}

/** Corrections keep the earlier wording as a revision that staff can read on the measure page. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer, id, entry } = await load(request, context, params);
  const submission = parseWithZod(await request.formData(), { schema: FollowUpEditSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), revision: entry.revision }, { status: 400 });
  const result = editFollowUp(viewer, entry.id, submission.value.revision, submission.value);
  if (result.ok) return redirect(`/measures/${id}?saved=entry`);
  if (result.reason === "conflict")
    return json(
      { result: submission.reply({ formErrors: ["measures.conflict.entry"] }), revision: getFollowUp(entry.id)!.revision },
      { status: 409 },
    );
  notFound();
}

export default function EditEntryPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { entry } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm(FollowUpEditSchema, {
    lastResult: actionData?.result,
    defaultValue: {
      done: entry.done,
      next: entry.next,
      obstacles: entry.obstacles,
      publicText: entry.publicText,
      publicTextSv: entry.publicTextSv ?? "",
      publicTextEn: entry.publicTextEn ?? "",
    },
  });
  return (
    <Stack maw={760}>
      <Anchor component={Link} to={`/measures/${entry.measureId}`} size="sm">
        ← {t("measures.backToMeasure")}
      </Anchor>
      <Title order={1}>{t("measures.correctEntryTitle", { date: fmt.date(entry.reportedAt) })}</Title>
      <Text>{t("measures.correctEntryHelp")}</Text>
      <FormErrors errors={form.errors} />
      <Paper withBorder p="lg">
        <IntentForm
          intent="editFollowUp"
          values={{ followUpId: entry.id, revision: actionData?.revision ?? entry.revision }}
          {...getFormProps(form)}
        >
          <Stack>
            <FollowUpTextFields fields={fields} withHelp={false} />
            <Group>
              <Button type="submit">{t("common.save")}</Button>
              <Anchor component={Link} to={`/measures/${entry.measureId}`}>
                {t("common.cancel")}
              </Anchor>
            </Group>
          </Stack>
        </IntentForm>
      </Paper>
    </Stack>
  );
}
