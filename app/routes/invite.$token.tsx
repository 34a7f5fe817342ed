import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Button, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AcceptInvitationSchema } from "~/forms/auth";
import { detectLanguage } from "~/i18n/i18n.server";
import { acceptInvitation, findOpenInvitation } from "~/server/people/accounts.server";
import { startSession } from "~/server/people/auth.server";
import { notFound } from "~/server/people/guard.server";
import { homePathFor } from "~/server/people/permissions.server";
import { loadViewer } from "~/server/people/viewer.server";
import { FormErrors, useErrorText } from "~/ui/forms";

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = findOpenInvitation(params.token ?? "");
  // Unknown, used and expired links all give the same 404: the page reveals nothing.
  if (!invitation) notFound();
  return json({ name: invitation.name, email: invitation.email });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: AcceptInvitationSchema });
  const hideFields = ["password", "passwordConfirm"];
  if (submission.status !== "success") return json(submission.reply({ hideFields }), { status: 400 });
  const result = await acceptInvitation(params.token ?? "", submission.value.password, await detectLanguage(request));
  if (!result) notFound();
  const viewer = loadViewer(result.userId);
  return redirect(viewer ? homePathFor(viewer) : "/", {
    headers: { "Set-Cookie": await startSession(result.userId, request.headers.get("user-agent")) },
  });
}

export default function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { name, email } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const errorText = useErrorText();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptInvitationSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Stack maw={480} mx="auto" py="xl">
      <Title order={1}>{t("invite.title")}</Title>
      <Text>{t("invite.intro", { name, email })}</Text>
      <Paper withBorder p="lg" radius="md">
        <Form method="post" {...getFormProps(form)}>
          <Stack>
            <FormErrors errors={form.errors} id={form.errorId} />
            <PasswordInput
              key={fields.password.key}
              name={fields.password.name}
              label={t("auth.newPassword")}
              description={t("auth.passwordRule")}
              autoComplete="new-password"
              required
              error={errorText(fields.password.errors)}
            />
            <PasswordInput
              key={fields.passwordConfirm.key}
              name={fields.passwordConfirm.name}
              label={t("auth.passwordConfirm")}
              autoComplete="new-password"
              required
              error={errorText(fields.passwordConfirm.errors)}
            />
            <Button type="submit" loading={navigation.state === "submitting"}>
              {t("invite.submit")}
            </Button>
          </Stack>
        </Form>
      </Paper>
    </Stack>
  );
}
