import { parseWithZod } from "@conform-to/zod";
import { Anchor, Text } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LoginSchema } from "~/forms/auth";
import { signIn } from "~/server/people/accounts.server";
import { hasUsers } from "~/server/people/first-run.server";
import { getViewer } from "~/server/people/guard.server";
import { homePathFor } from "~/server/people/permissions.server";
import { afterPassword } from "~/server/people/sign-in-flow.server";
import { AuthFormPage } from "~/ui/auth/AuthFormPage";
import { FieldPasswordInput, FieldTextInput, useZodForm } from "~/ui/forms";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.signInTitle");

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
  const [form, fields] = useZodForm(LoginSchema, {
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });

  return (
    <AuthFormPage
      form={form}
      title={t("auth.signInTitle")}
      intro={t("auth.signInIntro")}
      dimmedIntro
      maxWidth={420}
      submitLabel={t("auth.signIn")}
      afterForm={
        <Text size="sm">
          {t("auth.noAccount")}{" "}
          <Anchor component={Link} to="/register">
            {t("auth.registerAsResident")}
          </Anchor>
        </Text>
      }
    >
      <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
      <FieldTextInput
        field={fields.email}
        label={t("auth.email")}
        type="email"
        autoComplete="username"
        required
        autoFocus={!fields.email.initialValue}
      />
      <FieldPasswordInput field={fields.password} label={t("auth.password")} autoComplete="current-password" required />
    </AuthFormPage>
  );
}
