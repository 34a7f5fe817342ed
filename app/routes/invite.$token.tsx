import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AcceptInvitationSchema } from "~/forms/auth";
import { detectLanguage } from "~/i18n/i18n.server";
import { acceptInvitation, findOpenInvitation } from "~/server/people/accounts.server";
import { startSession } from "~/server/people/auth.server";
import { notFound } from "~/server/people/guard.server";
import { homePathFor } from "~/server/people/permissions.server";
import { loadViewer } from "~/server/people/viewer.server";
import { AuthFormPage } from "~/ui/auth/AuthFormPage";
import { NewPasswordFields } from "~/ui/auth/NewPasswordFields";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "invite.title");

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
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptInvitationSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <AuthFormPage
      form={form}
      title={t("invite.title")}
      intro={t("invite.intro", { name, email })}
      maxWidth={480}
      submitLabel={t("invite.submit")}
    >
      <NewPasswordFields password={fields.password} passwordConfirm={fields.passwordConfirm} />
    </AuthFormPage>
  );
}
