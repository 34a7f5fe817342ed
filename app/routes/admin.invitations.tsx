import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Alert, Code, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { InvitationSchema, RevokeInvitationSchema } from "~/forms/admin";
import { localName } from "~/i18n/names";
import { createInvitation, mailInvitation } from "~/server/people/accounts.server";
import { detectLanguage } from "~/i18n/i18n.server";
import { listGroups, listOpenInvitations, listOrganisations, revokeInvitation } from "~/server/people/directory.server";
import { authorize, badRequest } from "~/server/people/guard.server";
import { FieldTextInput, FormErrors, useZodForm, SubmitRow } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { RowActionForm, DataTable } from "~/ui/TableParts";
import { MembershipFields } from "~/ui/admin/MembershipFields";
import { pageTitle } from "~/i18n/page-title";
import { Panel } from "~/ui/Panel";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, ["admin.section.invitations", "admin.title"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "admin.invite" });
  return json({ invitations: listOpenInvitations(), groups: listGroups(), organisations: listOrganisations() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "admin.invite" });
  const formData = await request.formData();
  if (formData.get("intent") === "revoke") {
    const parsed = RevokeInvitationSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) badRequest();
    revokeInvitation(viewer, parsed.data.invitationId);
    return json({ result: null, link: null, mailedTo: null, revoked: true });
  }
  const submission = parseWithZod(formData, { schema: InvitationSchema });
  if (submission.status !== "success")
    return json({ result: submission.reply(), link: null, mailedTo: null, revoked: false }, { status: 400 });
  const v = submission.value;
  const { url, expiresAt } = createInvitation({
    ...v,
    groupId: v.groupId ?? null,
    organisationId: v.organisationId ?? null,
    invitedBy: viewer.id,
  });
  // The link goes out by mail (SMTP, or the outbox folder) and is also shown once, in case it fails.
  const mailed = await mailInvitation({ email: v.email, name: v.name, url, expiresAt }, viewer.name, await detectLanguage(request));
  return json({ result: submission.reply({ resetForm: true }), link: url, mailedTo: mailed ? v.email : null, revoked: false });
}

export default function AdminInvitations() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { invitations, groups, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm(InvitationSchema, {
    lastResult: actionData?.result,
  });
  return (
    <Stack>
      {actionData?.link ? (
        <Alert color="green" role="status" title={t("admin.invitationCreated")}>
          <Text size="sm">
            {actionData.mailedTo ? t("admin.invitationMailed", { email: actionData.mailedTo }) : t("admin.invitationMailFailed")}
          </Text>
          <Code block data-testid="invitation-link">
            {actionData.link}
          </Code>
        </Alert>
      ) : null}
      <Panel titleId="admin-invite-staff" title={t("admin.inviteStaff")} size="h4">
        <Form method="post" {...getFormProps(form)}>
          <Stack>
            <FormErrors errors={form.errors} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FieldTextInput field={fields.name} label={t("admin.name")} required />
              <FieldTextInput field={fields.email} label={t("auth.email")} type="email" required />
              <MembershipFields fields={fields} groups={groups} organisations={organisations} />
            </SimpleGrid>
            <SubmitRow label={t("admin.sendInvitation")} />
          </Stack>
        </Form>
      </Panel>
      <Title order={2} size="h4">
        {t("admin.openInvitations")}
      </Title>
      {invitations.length === 0 ? <Text>{t("admin.noOpenInvitations")}</Text> : null}
      {invitations.length > 0 ? (
        <DataTable
          caption={t("admin.openInvitations")}
          minWidth={640}
          columns={[t("admin.name"), t("auth.email"), t("admin.group"), t("admin.expires")]}
          actions
        >
          {invitations.map((inv) => (
            <Table.Tr key={inv.id}>
              <Table.Td>{inv.name}</Table.Td>
              <Table.Td>{inv.email}</Table.Td>
              <Table.Td>
                {inv.groupNameFi
                  ? localName({ nameFi: inv.groupNameFi, nameSv: inv.groupNameSv, nameEn: inv.groupNameEn }, i18n.language)
                  : "–"}
              </Table.Td>
              <Table.Td>{fmt.dateTime(inv.expiresAt)}</Table.Td>
              <Table.Td>
                <RowActionForm
                  intent="revoke"
                  idName="invitationId"
                  id={inv.id}
                  label={t("admin.revoke")}
                  accessibleName={t("admin.revokeFor", { name: inv.name })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      ) : null}
    </Stack>
  );
}
