// `/admin/rights-requests/<id>`: one rectification request or objection, who sent it, and the
// coordinators' answer. Answering an answered request is refused (two coordinators at once).
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RIGHTS_TEXT_MAX, RightsAnswerSchema } from "~/forms/rights";
import { authorize, forbidden, idParam, notFound } from "~/server/people/guard.server";
import { answerRightsRequest, getRightsRequest } from "~/server/people/rights-requests.server";
import { FieldTextarea, FormErrors, useZodForm, IntentForm, SubmitRow } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { RightsRequestBadges } from "~/ui/RightsRequestBadges";
import { RequesterLink } from "~/ui/admin/RequesterLink";
import { pageTitle } from "~/i18n/page-title";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, ["titles.rightsRequest", "admin.title"], { name: data ? `#${data.request.id}` : null });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "rightsRequest.handle" });
  const found = getRightsRequest(idParam(params.requestId));
  if (!found) notFound();
  return json({ request: found });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "rightsRequest.handle" });
  const id = idParam(params.requestId);
  if (!getRightsRequest(id)) notFound();
  const submission = parseWithZod(await request.formData(), { schema: RightsAnswerSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), answered: false, refusedAnswer: null }, { status: 400 });
  const result = answerRightsRequest(viewer, id, submission.value.answer);
  if (!result.ok) {
    if (result.reason === "notFound") notFound();
    if (result.reason === "forbidden") forbidden();
    // Someone answered first: their answer stays, this one is not written; the text typed is kept.
    return json(
      {
        result: submission.reply({ formErrors: ["rights.admin.alreadyAnswered"] }),
        answered: false,
        refusedAnswer: submission.value.answer,
      },
      { status: 409 },
    );
  }
  return json({ result: submission.reply({ resetForm: true }), answered: true, refusedAnswer: null });
}

export default function AdminRightsRequest() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigation = useNavigation();
  const { request: r } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm(RightsAnswerSchema, {
    id: `rights-answer-${r.id}`,
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const title = t("rights.admin.detailTitle", { kind: t(`rights.kinds.${r.kind}`), id: r.id });
  return (
    <Stack>
      <Anchor component={Link} to="/admin/rights-requests">
        {t("rights.admin.back")}
      </Anchor>
      <Group justify="space-between" align="baseline">
        <Title order={2}>{title}</Title>
        <RightsRequestBadges request={r} />
      </Group>
      <Notice message={actionData?.answered ? t("rights.admin.answered") : null} />
      <Table maw={720} variant="vertical" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={200}>{t("rights.admin.requester")}</Table.Th>
            <Table.Td>
              <RequesterLink requesterId={r.requesterId} requesterName={r.requesterName} />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t("rights.admin.email")}</Table.Th>
            <Table.Td>{r.requesterEmail ?? "–"}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t("rights.admin.received")}</Table.Th>
            <Table.Td>{fmt.dateTime(r.createdAt)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t("rights.admin.dueAt")}</Table.Th>
            <Table.Td>{fmt.date(r.dueAt)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Panel order={3} mb="xs" titleId="rights-request-body" title={t("rights.admin.request")} padding="lg">
        <Text style={{ whiteSpace: "pre-wrap" }} maw={760}>
          {r.body}
        </Text>
      </Panel>
      <Panel order={3} mb="xs" titleId="rights-request-answer" title={t("rights.account.answer")} padding="lg">
        {r.status === "answered" ? (
          <>
            <FormErrors errors={form.errors} />
            <Text size="sm" c="dimmed" mb="xs">
              {t("rights.admin.answeredBy", { name: r.answeredByName ?? "–", date: fmt.dateTime(r.answeredAt) })}
            </Text>
            <Text style={{ whiteSpace: "pre-wrap" }} maw={760}>
              {r.answer}
            </Text>
            {actionData?.refusedAnswer ? (
              <Paper bg="var(--mantine-color-gray-0)" p="sm" mt="md" maw={760}>
                <Text size="sm" fw={600}>
                  {t("rights.admin.yourAnswer")}
                </Text>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {actionData.refusedAnswer}
                </Text>
              </Paper>
            ) : null}
          </>
        ) : (
          <IntentForm intent="answer" {...getFormProps(form)}>
            <Stack maw={720}>
              <FormErrors errors={form.errors} />
              <FieldTextarea
                field={fields.answer}
                label={t("rights.admin.answer")}
                description={t("rights.admin.answerHelp", { max: fmt.number(RIGHTS_TEXT_MAX) })}
                maxLength={RIGHTS_TEXT_MAX}
                minRows={5}
                required
              />
              <SubmitRow label={t("rights.admin.sendAnswer")} busy={navigation.state === "submitting"} />
            </Stack>
          </IntentForm>
        )}
      </Panel>
    </Stack>
  );
}
