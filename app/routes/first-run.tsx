import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FirstRunSchema } from "~/forms/city-data";
import { detectLanguage, languageCookie, translatorFor } from "~/i18n/i18n.server";
import { startSession } from "~/server/people/auth.server";
import { createFirstCoordinator, hasUsers } from "~/server/people/first-run.server";
import { notFound } from "~/server/people/guard.server";
import { AuthFormPage } from "~/ui/auth/AuthFormPage";
import { NameAndEmailFields } from "~/ui/auth/NameAndEmailFields";
import { NewPasswordFields } from "~/ui/auth/NewPasswordFields";
import { useZodForm } from "~/ui/forms";

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
  const [form, fields] = useZodForm(FirstRunSchema, {
    lastResult,
    shouldRevalidate: "onInput",
  });
  return (
    <AuthFormPage
      form={form}
      title={t("cityData.firstRun.title")}
      intro={t("cityData.firstRun.intro")}
      maxWidth={520}
      submitLabel={t("cityData.firstRun.submit")}
    >
      <NameAndEmailFields
        name={fields.name}
        email={fields.email}
        nameLabel={t("cityData.firstRun.name")}
        emailLabel={t("cityData.firstRun.email")}
      />
      <NewPasswordFields
        password={fields.password}
        passwordConfirm={fields.passwordConfirm}
        labels={{
          password: t("cityData.firstRun.password"),
          passwordHelp: t("cityData.firstRun.passwordHelp"),
          passwordConfirm: t("cityData.firstRun.passwordConfirm"),
        }}
      />
    </AuthFormPage>
  );
}
