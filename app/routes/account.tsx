import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Paper, Radio, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AccountIntentSchema, ChangePasswordSchema, DeleteAccountSchema, ProfileSchema } from "~/forms/auth";
import { RIGHTS_TEXT_MAX, RightsRequestSchema } from "~/forms/rights";
import { languageCookie } from "~/i18n/i18n.server";
import { localName } from "~/i18n/names";
import { changePassword, deleteOwnAccount, mayDeleteOwnAccount, updateProfile } from "~/server/people/accounts.server";
import { endAllSessions, endSession } from "~/server/people/auth.server";
import { getUserDetail } from "~/server/people/directory.server";
import { authorize, badRequest, forbidden } from "~/server/people/guard.server";
import { can } from "~/server/people/permissions.server";
import { listOwnRightsRequests, sendRightsRequest } from "~/server/people/rights-requests.server";
import { EmailModeSchema } from "~/forms/workspaces";
import { emailModeOf, setEmailMode } from "~/server/mail/notifications.server";
import { NewPasswordFields } from "~/ui/auth/NewPasswordFields";
import {
  FieldCheckbox,
  FieldPasswordInput,
  FieldSelect,
  FieldTextInput,
  FieldTextarea,
  FormErrors,
  useZodForm,
  IntentForm,
  SubmitRow,
  IntentButton,
} from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { clock } from "~/server/platform/clock";
import { SecondFactorAccountSchema } from "~/forms/security";
import { handleSecondFactorIntent, secondFactorOverview } from "~/server/people/second-factor.server";
import { SecondFactorSection, type SecondFactorReplyView } from "~/ui/SecondFactorSection";
import { RIGHTS_REQUEST_KINDS } from "../../db/schema";
import { TableHead } from "~/ui/TableParts";
import { ScrollTable } from "~/ui/ScrollTable";
import { MembershipCells } from "~/ui/MembershipCells";
import { pageTitle } from "~/i18n/page-title";
import { ConsultationSubscriptionSchema } from "~/forms/consultations";
import { isSubscribed, setSubscription } from "~/server/consultations/consultations.server";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "account.view" });
  const detail = getUserDetail(viewer.id);
  if (!detail) badRequest();
  return json({
    ...detail,
    emailMode: emailModeOf(viewer.id),
    canDeleteAccount: mayDeleteOwnAccount(viewer.id),
    secondFactor: await secondFactorOverview(viewer),
    rightsRequests: listOwnRightsRequests(viewer.id),
    // Residents may ask to hear of consultations concerning their area (issue 16).
    consultationNotices: can(viewer, { kind: "consultation.answer" }) ? isSubscribed(viewer.id) : null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "account.view" });
  const formData = await request.formData();
  const intent = AccountIntentSchema.safeParse({ intent: formData.get("intent") });
  if (!intent.success) badRequest();
  switch (intent.data.intent) {
    case "passkeyOptions":
    case "passkeyEnrol":
    case "totpStart":
    case "totpConfirm":
    case "removeFactor":
    case "recoveryCodes": {
      const parsed = SecondFactorAccountSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success)
        return json({ intent: "secondFactor" as const, secondFactor: null, result: null, saved: false }, { status: 400 });
      const reply = await handleSecondFactorIntent(viewer.id, parsed.data);
      return json({ intent: "secondFactor" as const, secondFactor: reply, result: null, saved: false }, { status: reply.ok ? 200 : 400 });
    }
    case "notifications": {
      const parsed = EmailModeSchema.safeParse({ emailMode: formData.get("emailMode") });
      if (!parsed.success) badRequest();
      setEmailMode(viewer.id, parsed.data.emailMode);
      return json({ intent: "notifications", result: null, saved: true });
    }
    case "consultationSubscription": {
      const parsed = ConsultationSubscriptionSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) badRequest();
      setSubscription(viewer.id, parsed.data.subscribe);
      return json({ intent: "consultationSubscription", result: null, saved: true });
    }
    case "deleteAccount": {
      const submission = parseWithZod(formData, { schema: DeleteAccountSchema });
      const hideFields = ["password"];
      if (submission.status !== "success")
        return json({ intent: "deleteAccount", result: submission.reply({ hideFields }), saved: false }, { status: 400 });
      const deleted = await deleteOwnAccount(viewer.id, submission.value.password);
      if (!deleted.ok && deleted.reason === "staff") forbidden();
      if (!deleted.ok)
        return json(
          {
            intent: "deleteAccount",
            result: submission.reply({ fieldErrors: { password: ["account.wrongPassword"] }, hideFields }),
            saved: false,
          },
          { status: 400 },
        );
      return redirect("/?accountDeleted=1", { headers: { "Set-Cookie": await endSession(request) } });
    }
    case "rightsRequest": {
      if (!can(viewer, { kind: "rightsRequest.send" })) forbidden();
      const submission = parseWithZod(formData, { schema: RightsRequestSchema });
      // The words typed come back with the errors, so nothing is lost.
      if (submission.status !== "success")
        return json({ intent: "rightsRequest", result: submission.reply(), saved: false }, { status: 400 });
      const sent = sendRightsRequest(viewer, submission.value);
      return redirect(`/account?rightsRequest=${sent.id}#rights-requests`);
    }
    case "signOutEverywhere":
      return redirect("/login", { headers: { "Set-Cookie": await endAllSessions(viewer.id) } });
    case "profile": {
      const submission = parseWithZod(formData, { schema: ProfileSchema });
      if (submission.status !== "success") return json({ intent: "profile", result: submission.reply(), saved: false }, { status: 400 });
      updateProfile(viewer.id, submission.value);
      return json(
        { intent: "profile", result: submission.reply(), saved: true },
        { headers: { "Set-Cookie": await languageCookie.serialize(submission.value.locale) } },
      );
    }
    case "password": {
      const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
      const hideFields = ["currentPassword", "password", "passwordConfirm"];
      if (submission.status !== "success")
        return json({ intent: "password", result: submission.reply({ hideFields }), saved: false }, { status: 400 });
      const changed = await changePassword(viewer.id, submission.value.currentPassword, submission.value.password);
      if (!changed)
        return json(
          {
            intent: "password",
            result: submission.reply({ fieldErrors: { currentPassword: ["account.wrongPassword"] }, hideFields }),
            saved: false,
          },
          { status: 400 },
        );
      return json({ intent: "password", result: submission.reply({ resetForm: true }), saved: true });
    }
  }
}

export default function AccountPage() {
  const { t, i18n } = useTranslation();
  const { user, memberships, homeAreas, sessionCount, emailMode, canDeleteAccount, secondFactor, rightsRequests, consultationNotices } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fmt = useFormat();
  const [profileForm, profile] = useZodForm(ProfileSchema, {
    id: "profile",
    lastResult: actionData?.intent === "profile" ? actionData.result : undefined,
    defaultValue: { name: user.name, title: user.title ?? "", phone: user.phone ?? "", locale: user.locale },
  });
  const [passwordForm, pw] = useZodForm(ChangePasswordSchema, {
    id: "password",
    lastResult: actionData?.intent === "password" ? actionData.result : undefined,
  });
  const [deleteForm, del] = useZodForm(DeleteAccountSchema, {
    id: "deleteAccount",
    lastResult: actionData?.intent === "deleteAccount" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
  });
  const [rightsForm, rights] = useZodForm(RightsRequestSchema, {
    id: "rightsRequest",
    lastResult: actionData?.intent === "rightsRequest" ? actionData.result : undefined,
    defaultValue: { kind: "rectification", body: "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const justSent = rightsRequests.find((r) => String(r.id) === searchParams.get("rightsRequest"));
  const active = memberships.filter((m) => !m.leftAt || new Date(m.leftAt) > clock.now());

  return (
    <Stack gap="lg">
      <Title order={1}>{t("account.title")}</Title>
      {actionData?.saved ? (
        <Alert color="green" role="status">
          {t(
            actionData.intent === "password"
              ? "account.passwordChanged"
              : actionData.intent === "notifications"
                ? "workspaces.notifications.saved"
                : actionData.intent === "consultationSubscription"
                  ? "consultations.subscription.saved"
                  : "account.profileSaved",
          )}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Panel titleId="account-profile" title={t("account.profile")} padding="lg">
          <IntentForm intent="profile" {...getFormProps(profileForm)}>
            <Stack>
              <Text size="sm">
                {t("auth.email")}: {user.email}
              </Text>
              <FieldTextInput field={profile.name} label={t("register.name")} required />
              <FieldTextInput field={profile.title} label={t("account.jobTitle")} />
              <FieldTextInput field={profile.phone} label={t("account.phone")} type="tel" />
              <FieldSelect
                field={profile.locale}
                label={t("account.language")}
                data={["fi", "sv", "en"].map((l) => ({ value: l, label: t(`languages.${l}`) }))}
              />
              <Button type="submit">{t("common.save")}</Button>
            </Stack>
          </IntentForm>
        </Panel>
        <Panel titleId="account-change-password" title={t("account.changePassword")} padding="lg">
          <IntentForm intent="password" {...getFormProps(passwordForm)}>
            <Stack>
              <FormErrors errors={passwordForm.errors} />
              <FieldPasswordInput
                field={pw.currentPassword}
                label={t("account.currentPassword")}
                autoComplete="current-password"
                required
              />
              <NewPasswordFields password={pw.password} passwordConfirm={pw.passwordConfirm} />
              <Button type="submit">{t("account.changePassword")}</Button>
            </Stack>
          </IntentForm>
        </Panel>
      </SimpleGrid>
      <Panel titleId="account-roles" title={t("account.roles")} padding="lg">
        {active.length === 0 && homeAreas.length === 0 ? <Text>{t("account.noRoles")}</Text> : null}
        {active.length > 0 ? (
          <ScrollTable minWidth={520} label={t("account.roles")}>
            <Table>
              <TableHead columns={[t("admin.group"), t("admin.position"), t("admin.organisation"), t("admin.joined")]} />
              <Table.Tbody>
                {active.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{localName({ nameFi: m.groupNameFi, nameSv: m.groupNameSv, nameEn: m.groupNameEn }, i18n.language)}</Table.Td>
                    <MembershipCells membership={m} dates="joined" />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ) : null}
        {homeAreas.length > 0 ? (
          <Group mt="sm" gap="xs">
            <Text size="sm">{t("account.residentOf")}</Text>
            {homeAreas.map((a) => (
              <Badge key={a.id} variant="light">
                {localName(a, i18n.language)}
              </Badge>
            ))}
          </Group>
        ) : null}
      </Panel>
      <Panel titleId="notification-settings-title" title={t("workspaces.notifications.settings")} padding="lg" id="notification-settings">
        <IntentForm intent="notifications">
          <Stack maw={480}>
            <Radio.Group
              name="emailMode"
              defaultValue={emailMode}
              label={t("workspaces.notifications.emailMode")}
              description={t("workspaces.notifications.settingsHelp")}
            >
              <Stack gap="xs" mt="xs">
                {(["immediate", "daily", "none"] as const).map((m) => (
                  <Radio key={m} value={m} label={t(`workspaces.notifications.emailModes.${m}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <SubmitRow label={t("common.save")} variant="light" />
          </Stack>
        </IntentForm>
      </Panel>
      {consultationNotices != null ? (
        <Panel titleId="consultation-notices-title" title={t("consultations.subscription.title")} padding="lg" id="consultation-notices">
          <IntentForm intent="consultationSubscription">
            <Stack maw={480}>
              <Checkbox name="subscribe" defaultChecked={consultationNotices} label={t("consultations.subscription.label")} />
              <SubmitRow label={t("consultations.subscription.save")} variant="light" />
            </Stack>
          </IntentForm>
        </Panel>
      ) : null}
      <SecondFactorSection
        overview={secondFactor}
        reply={actionData && "secondFactor" in actionData ? (actionData.secondFactor as SecondFactorReplyView | null) : null}
      />
      <Panel titleId="account-sessions" title={t("account.sessions")} padding="lg">
        <Text mb="sm">{t("account.sessionCount", { count: sessionCount })}</Text>
        <IntentButton intent="signOutEverywhere" label={t("account.signOutEverywhere")} color="red" variant="outline" />
      </Panel>
      <AccountSection id="my-data" title={t("account.myData")} intro={t("account.myDataIntro")}>
        <Anchor href="/account/data.json" download underline="always">
          {t("account.downloadMyData")}
        </Anchor>
      </AccountSection>
      <AccountSection id="rights-requests" title={t("rights.account.title")} intro={t("rights.account.intro")}>
        <List size="sm" mb="md" maw={760} spacing={4}>
          {RIGHTS_REQUEST_KINDS.map((k) => (
            <List.Item key={k}>
              <Text span fw={600} size="sm">
                {t(`rights.kinds.${k}`)}:
              </Text>{" "}
              {t(`rights.kindHelp.${k}`)}
            </List.Item>
          ))}
        </List>
        <Notice message={justSent ? t("rights.account.sent", { date: fmt.date(justSent.dueAt) }) : null} mb="md" />
        <IntentForm intent="rightsRequest" {...getFormProps(rightsForm)}>
          <Stack maw={720}>
            <FormErrors errors={rightsForm.errors} />
            <FieldSelect
              field={rights.kind}
              label={t("rights.account.kind")}
              data={RIGHTS_REQUEST_KINDS.map((k) => ({ value: k, label: t(`rights.kinds.${k}`) }))}
            />
            <FieldTextarea
              field={rights.body}
              label={t("rights.account.body")}
              description={t("rights.account.bodyHelp", { max: fmt.number(RIGHTS_TEXT_MAX) })}
              maxLength={RIGHTS_TEXT_MAX}
              minRows={4}
              required
            />
            <SubmitRow
              label={t("rights.account.send")}
              busy={navigation.state === "submitting" && navigation.formData?.get("intent") === "rightsRequest"}
            />
          </Stack>
        </IntentForm>
        <Title order={3} size="h4" mt="lg" mb="sm">
          {t("rights.account.ownTitle")}
        </Title>
        {rightsRequests.length === 0 ? (
          <Text>{t("rights.account.none")}</Text>
        ) : (
          <Stack gap="sm">
            {rightsRequests.map((r) => (
              <Paper key={r.id} withBorder p="md" component="article" aria-labelledby={`rights-request-${r.id}`}>
                <Group justify="space-between" align="baseline" mb="xs">
                  <Title order={4} size="h5" id={`rights-request-${r.id}`}>
                    {t("rights.account.heading", { kind: t(`rights.kinds.${r.kind}`), date: fmt.date(r.createdAt) })}
                  </Title>
                  <Badge color={r.status === "answered" ? "green" : "city"} variant="light">
                    {t(`rights.statuses.${r.status}`)}
                  </Badge>
                </Group>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {r.body}
                </Text>
                {r.status === "open" ? (
                  <Text size="sm" mt="xs">
                    {t("rights.account.dueAt")}: {fmt.date(r.dueAt)}
                  </Text>
                ) : null}
                <Paper bg="var(--mantine-color-gray-0)" p="sm" mt="sm">
                  <Text size="sm" fw={600}>
                    {t("rights.account.answer")}
                    {r.answeredAt ? ` (${t("rights.account.answeredAt", { date: fmt.date(r.answeredAt) })})` : ""}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {r.answer ?? t("rights.account.noAnswer")}
                  </Text>
                </Paper>
              </Paper>
            ))}
          </Stack>
        )}
      </AccountSection>
      {canDeleteAccount ? (
        <AccountSection id="delete-account" title={t("account.deleteTitle")} intro={t("account.deleteIntro")}>
          <IntentForm intent="deleteAccount" {...getFormProps(deleteForm)}>
            <Stack maw={420}>
              <FieldPasswordInput field={del.password} label={t("account.currentPassword")} autoComplete="current-password" required />
              <FieldCheckbox field={del.confirm} label={t("account.deleteConfirm")} />
              <SubmitRow label={t("account.deleteButton")} color="red" />
            </Stack>
          </IntentForm>
        </AccountSection>
      ) : null}
    </Stack>
  );
}

/** A titled part of the account page with a line of explanation. */
function AccountSection({ id, title, intro, children }: { id: string; title: string; intro: string; children: ReactNode }) {
  return (
    <Panel titleId={id} title={title} padding="lg">
      <Text mb="sm" maw={760}>
        {intro}
      </Text>
      {children}
    </Panel>
  );
}
