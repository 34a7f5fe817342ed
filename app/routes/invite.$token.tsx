// Accepting an invitation: a staff member sets a password and gets their membership; a neighbour
// invited to write a plan gives their name too and becomes its co-author. A used or expired link
// says so (with the 404 status a dead link has); an unknown one is a plain 404.
import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Stack, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AcceptInvitationSchema, AcceptPlanInvitationSchema } from "~/forms/auth";
import { detectLanguage } from "~/i18n/i18n.server";
import { acceptCoauthorInvitation, invitationForPage } from "~/server/neighbourhood/neighbourhood.server";
import { acceptInvitation } from "~/server/people/accounts.server";
import { startSession } from "~/server/people/auth.server";
import { notFound } from "~/server/people/guard.server";
import { homePathFor } from "~/server/people/permissions.server";
import { loadViewer } from "~/server/people/viewer.server";
import { AuthFormPage } from "~/ui/auth/AuthFormPage";
import { NewPasswordFields } from "~/ui/auth/NewPasswordFields";
import { FieldTextInput } from "~/ui/forms";
import { pageTitle } from "~/i18n/page-title";
import { PrivacyConsentField } from "~/ui/auth/PrivacyConsentField";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "invite.title");

/** Unknown links are a 404 page; used and expired ones a page that says which (also a 404). */
function openOrGone(token: string | undefined) {
  const found = invitationForPage(token ?? "");
  if (!found) notFound();
  return found;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const found = openOrGone(params.token);
  if (found.state !== "open") return json({ state: found.state }, { status: 404 });
  return json({ state: found.state, name: found.name, email: found.email, plan: found.plan ? { title: found.plan.title } : null });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const found = openOrGone(params.token);
  if (found.state !== "open") return json({ state: found.state, result: undefined }, { status: 404 });
  const formData = await request.formData();
  const hideFields = ["password", "passwordConfirm"];
  const locale = await detectLanguage(request);
  let accepted: { userId: string; planId?: number | null } | null;
  if (found.plan) {
    const submission = parseWithZod(formData, { schema: AcceptPlanInvitationSchema });
    if (submission.status !== "success") return json({ state: "open", result: submission.reply({ hideFields }) }, { status: 400 });
    accepted = await acceptCoauthorInvitation(params.token ?? "", submission.value.password, locale, submission.value.name);
  } else {
    const submission = parseWithZod(formData, { schema: AcceptInvitationSchema });
    if (submission.status !== "success") return json({ state: "open", result: submission.reply({ hideFields }) }, { status: 400 });
    accepted = await acceptInvitation(params.token ?? "", submission.value.password, locale);
  }
  // Used by someone else between the page and the submit.
  if (!accepted) return json({ state: "used" as const, result: undefined }, { status: 404 });
  const viewer = loadViewer(accepted.userId);
  const to = accepted.planId ? `/neighbourhood-plans/${accepted.planId}/edit` : viewer ? homePathFor(viewer) : "/";
  return redirect(to, { headers: { "Set-Cookie": await startSession(accepted.userId, request.headers.get("user-agent")) } });
}

type Reply = { state: "open" | "used" | "expired"; result?: SubmissionResult<string[]> };

export default function AcceptInvitationPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as Reply | undefined;
  const state = actionData?.state === "used" || actionData?.state === "expired" ? actionData.state : data.state;
  if (state !== "open" || !("email" in data)) return <GoneInvitation state={state === "expired" ? "expired" : "used"} />;
  return <InvitationForm email={data.email} name={data.name} planTitle={data.plan?.title ?? null} lastResult={actionData?.result} />;
}

function GoneInvitation({ state }: { state: "used" | "expired" }) {
  const { t } = useTranslation();
  return (
    <Stack maw={480} mx="auto" py="xl">
      <Title order={1}>{state === "used" ? t("invite.usedTitle") : t("invite.expiredTitle")}</Title>
      <Text>{state === "used" ? t("invite.usedText") : t("invite.expiredText")}</Text>
      <Anchor component={Link} to="/login" underline="always">
        {t("invite.signIn")}
      </Anchor>
    </Stack>
  );
}

const parsePlanForm = (formData: FormData) => parseWithZod(formData, { schema: AcceptPlanInvitationSchema });

function InvitationForm({
  email,
  name,
  planTitle,
  lastResult,
}: {
  email: string;
  name: string;
  planTitle: string | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    lastResult,
    // The staff form has no name or consent: its schema reads the same fields minus those two.
    onValidate: ({ formData }) =>
      planTitle
        ? parsePlanForm(formData)
        : (parseWithZod(formData, { schema: AcceptInvitationSchema }) as unknown as ReturnType<typeof parsePlanForm>),
    shouldValidate: "onBlur",
  });
  return (
    <AuthFormPage
      form={form}
      title={t("invite.title")}
      intro={planTitle ? t("invite.planIntro", { email, title: planTitle }) : t("invite.intro", { name, email })}
      maxWidth={480}
      submitLabel={planTitle ? t("invite.planSubmit") : t("invite.submit")}
    >
      {planTitle ? <FieldTextInput field={fields.name} label={t("invite.name")} autoComplete="name" required /> : null}
      <NewPasswordFields password={fields.password} passwordConfirm={fields.passwordConfirm} />
      {planTitle ? <PrivacyConsentField field={fields.privacyAccepted} /> : null}
    </AuthFormPage>
  );
}
