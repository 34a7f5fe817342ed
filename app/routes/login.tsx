import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LoginSchema } from "~/forms/auth";
import { signIn } from "~/server/people/accounts.server";
import { hasUsers } from "~/server/people/first-run.server";
import { getViewer } from "~/server/people/guard.server";
import { homePathFor } from "~/server/people/permissions.server";
import { afterPassword } from "~/server/people/sign-in-flow.server";
import { FormErrors, useErrorText } from "~/ui/forms";

export const meta: MetaFunction = () => [{ title: "Kirjaudu – Lähiturva" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  if (viewer) throw redirect(homePathFor(viewer));
  // An empty city (npm run setup -- --empty) has nobody to sign in yet: create the first coordinator.
  if (!hasUsers()) throw redirect("/first-run");
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const { email, password, redirectTo } = submission.value;
  const result = await signIn(email, password, context.clientIp);
  if (!result.ok) {
    const message =
      result.reason === "tooManyAttempts"
        ? `auth.tooManyAttempts|${JSON.stringify({ minutes: Math.ceil(result.retryAfterSeconds / 60) })}`
        : "auth.invalidCredentials";
    return json(submission.reply({ formErrors: [message], hideFields: ["password"] }), {
      status: result.reason === "tooManyAttempts" ? 429 : 400,
    });
  }
  return afterPassword(request, result, redirectTo);
}

export default function LoginPage() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const errorText = useErrorText();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });

  return (
    <Stack maw={420} mx="auto" py="xl">
      <Title order={1}>{t("auth.signInTitle")}</Title>
      <Text c="dimmed">{t("auth.signInIntro")}</Text>
      <Paper withBorder p="lg" radius="md">
        <Form method="post" {...getFormProps(form)}>
          <Stack>
            <FormErrors errors={form.errors} id={form.errorId} />
            <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
            <TextInput
              key={fields.email.key}
              name={fields.email.name}
              defaultValue={fields.email.initialValue}
              label={t("auth.email")}
              type="email"
              autoComplete="username"
              required
              error={errorText(fields.email.errors)}
            />
            <PasswordInput
              key={fields.password.key}
              name={fields.password.name}
              label={t("auth.password")}
              autoComplete="current-password"
              required
              error={errorText(fields.password.errors)}
            />
            <Button type="submit" loading={navigation.state === "submitting"}>
              {t("auth.signIn")}
            </Button>
          </Stack>
        </Form>
      </Paper>
      <Text size="sm">
        {t("auth.noAccount")}{" "}
        <Anchor component={Link} to="/register">
          {t("auth.registerAsResident")}
        </Anchor>
      </Text>
    </Stack>
  );
}
