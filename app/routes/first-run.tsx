// The first run of an empty city: while the database has no users, this page creates the first
// coordinator (same password rules as registration; cross-site posts are refused by the HTTP
// server as for every form). With any user in the database it is a 404.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FirstRunSchema } from "~/forms/city-data";
import { detectLanguage, languageCookie, translatorFor } from "~/i18n/i18n.server";
import { startSession } from "~/server/people/auth.server";
import { createFirstCoordinator, hasUsers } from "~/server/people/first-run.server";
import { notFound } from "~/server/people/guard.server";
import { FormErrors, useErrorText } from "~/ui/forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} – Lähiturva` }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (hasUsers()) notFound();
  const t = await translatorFor(request);
  return json({ pageTitle: t("cityData.firstRun.title") });
}

export async function action({ request }: ActionFunctionArgs) {
  if (hasUsers()) notFound();
  const submission = parseWithZod(await request.formData(), { schema: FirstRunSchema });
  const hideFields = ["password", "passwordConfirm"];
  if (submission.status !== "success") return json(submission.reply({ hideFields }), { status: 400 });
  const locale = await detectLanguage(request);
  const result = await createFirstCoordinator({ ...submission.value, locale });
  if (!result.ok) return json(submission.reply({ formErrors: ["cityData.firstRun.taken"], hideFields }), { status: 409 });
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(result.userId, request.headers.get("user-agent")));
  headers.append("Set-Cookie", await languageCookie.serialize(locale));
  return redirect("/admin", { headers });
}

export default function FirstRunPage() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const errorText = useErrorText();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FirstRunSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Stack maw={520} mx="auto" py="xl">
      <Title order={1}>{t("cityData.firstRun.title")}</Title>
      <Text>{t("cityData.firstRun.intro")}</Text>
      <Paper withBorder p="lg" radius="md">
        <Form method="post" {...getFormProps(form)}>
          <Stack>
            <FormErrors errors={form.errors} id={form.errorId} />
            <TextInput
              key={fields.name.key}
              name={fields.name.name}
              defaultValue={fields.name.initialValue}
              label={t("cityData.firstRun.name")}
              autoComplete="name"
              required
              error={errorText(fields.name.errors)}
            />
            <TextInput
              key={fields.email.key}
              name={fields.email.name}
              defaultValue={fields.email.initialValue}
              label={t("cityData.firstRun.email")}
              type="email"
              autoComplete="email"
              required
              error={errorText(fields.email.errors)}
            />
            <PasswordInput
              key={fields.password.key}
              name={fields.password.name}
              label={t("cityData.firstRun.password")}
              description={t("cityData.firstRun.passwordHelp")}
              autoComplete="new-password"
              required
              error={errorText(fields.password.errors)}
            />
            <PasswordInput
              key={fields.passwordConfirm.key}
              name={fields.passwordConfirm.name}
              label={t("cityData.firstRun.passwordConfirm")}
              autoComplete="new-password"
              required
              error={errorText(fields.passwordConfirm.errors)}
            />
            <Button type="submit" loading={navigation.state === "submitting"}>
              {t("cityData.firstRun.submit")}
            </Button>
          </Stack>
        </Form>
      </Paper>
    </Stack>
  );
}
