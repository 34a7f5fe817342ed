// `/login/second-factor`: the step after a correct password for a person with a second factor.
import { Alert, Anchor, Button, Divider, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { startAuthentication } from "@simplewebauthn/browser";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SecondFactorSignInSchema } from "~/forms/security";
import { getViewer } from "~/server/people/guard.server";
import { homePathFor } from "~/server/people/permissions.server";
import { findPendingSignIn, passkeySignInOptions, verifyCodeForSignIn, verifyPasskeyForSignIn } from "~/server/people/second-factor.server";
import { completeSignIn } from "~/server/people/sign-in-flow.server";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { pageTitle } from "~/i18n/page-title";
import { IntentForm } from "~/ui/forms";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "secondFactor.signInTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  if (viewer) throw redirect(homePathFor(viewer));
  const pending = findPendingSignIn(request);
  if (!pending) throw redirect("/login");
  const passkeyOptions = pending.hasPasskey ? await passkeySignInOptions(pending.id) : null;
  return json({ hasTotp: pending.hasTotp, passkeyOptions }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const pending = findPendingSignIn(request);
  if (!pending) return json({ error: "secondFactor.expired", expired: true }, { status: 400 });
  const formData = await request.formData();
  const parsed = SecondFactorSignInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return json({ error: "secondFactor.wrongCode", expired: false }, { status: 400 });
  const input = parsed.data;
  const result =
    input.intent === "passkey"
      ? await verifyPasskeyForSignIn(pending.id, input.response as unknown as AuthenticationResponseJSON)
      : verifyCodeForSignIn(pending.id, input.intent, input.code);
  if (result.ok) return completeSignIn(request, result.userId, result.redirectTo);
  const status = result.reason === "tooManyAttempts" ? 429 : 400;
  const expired = result.reason === "expired" || input.intent === "passkey";
  return json(
    {
      error: input.intent === "passkey" && result.reason === "wrongCode" ? "secondFactor.passkeyFailed" : `secondFactor.${result.reason}`,
      expired,
    },
    { status },
  );
}

export default function SecondFactorPage() {
  const { t } = useTranslation();
  const { hasTotp, passkeyOptions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const [passkeyError, setPasskeyError] = useState(false);
  const busy = navigation.state !== "idle";

  async function usePasskey() {
    if (!passkeyOptions) return;
    setPasskeyError(false);
    try {
      const response = await startAuthentication({ optionsJSON: passkeyOptions });
      submit({ intent: "passkey", response: JSON.stringify(response) }, { method: "post" });
    } catch {
      setPasskeyError(true);
    }
  }

  return (
    <Stack maw={460} mx="auto" py="xl">
      <Title order={1}>{t("secondFactor.signInTitle")}</Title>
      <Text c="dimmed">{t("secondFactor.signInIntro")}</Text>
      {actionData?.error ? (
        <Alert color="red" variant="light" role="alert">
          {t(actionData.error)}{" "}
          {actionData.expired ? (
            <Anchor component={Link} to="/login">
              {t("secondFactor.startAgain")}
            </Anchor>
          ) : null}
        </Alert>
      ) : null}
      <Notice tone="error" message={passkeyError ? t("secondFactor.passkeyFailed") : null} variant="light" />
      <Paper withBorder p="lg" radius="md">
        <Stack>
          {passkeyOptions ? (
            <>
              <Button type="button" onClick={usePasskey} loading={busy}>
                {t("secondFactor.usePasskey")}
              </Button>
              <Divider />
            </>
          ) : null}
          {hasTotp ? (
            <CodeForm
              intent="totp"
              label={t("secondFactor.totpLabel")}
              help={t("secondFactor.totpHelp")}
              numeric
              maxLength={7}
              primary={!passkeyOptions}
              busy={busy}
            />
          ) : null}
          <CodeForm
            intent="recovery"
            label={t("secondFactor.recoveryLabel")}
            help={t("secondFactor.recoveryHelp")}
            maxLength={40}
            busy={busy}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}

/** One way to answer the second step by typing: an authenticator app's code or a recovery code. */
function CodeForm(props: {
  intent: string;
  label: string;
  help: string;
  numeric?: boolean;
  maxLength: number;
  primary?: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <IntentForm intent={props.intent}>
      <Stack>
        <TextInput
          name="code"
          label={props.label}
          description={props.help}
          inputMode={props.numeric ? "numeric" : undefined}
          autoComplete={props.numeric ? "one-time-code" : "off"}
          required
          maxLength={props.maxLength}
        />
        <Button type="submit" variant={props.primary ? "filled" : "light"} loading={props.busy}>
          {t("secondFactor.verify")}
        </Button>
      </Stack>
    </IntentForm>
  );
}
