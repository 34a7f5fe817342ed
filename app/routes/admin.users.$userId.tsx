import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MembershipSchema, UserActionSchema } from "~/forms/admin";
import { localName } from "~/i18n/names";
import {
  addMembership,
  endMembership,
  getUserDetail,
  listGroups,
  listOrganisations,
  setUserDisabled,
} from "~/server/people/directory.server";
import { authorize, badRequest, notFound } from "~/server/people/guard.server";
import { FormErrors, useZodForm, IntentForm, SubmitRow } from "~/ui/forms";
import { clock } from "~/server/platform/clock";
import { RowActionForm, DataTable } from "~/ui/TableParts";
import { MembershipCells } from "~/ui/MembershipCells";
import { MembershipFields } from "~/ui/admin/MembershipFields";
import { pageTitle } from "~/i18n/page-title";
import { Panel } from "~/ui/Panel";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, ["titles.user", "admin.title"], { name: data?.user.name });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "admin.manageUsers" });
  const detail = getUserDetail(params.userId ?? "");
  if (!detail) notFound();
  return json({ ...detail, groups: listGroups(), organisations: listOrganisations() });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "admin.manageUsers" });
  const userId = params.userId ?? "";
  if (!getUserDetail(userId)) notFound();
  const formData = await request.formData();
  if (formData.get("intent") === "addMembership") {
    const submission = parseWithZod(formData, { schema: MembershipSchema });
    if (submission.status !== "success") return json({ result: submission.reply(), done: null }, { status: 400 });
    const res = addMembership(viewer, {
      userId,
      groupId: submission.value.groupId,
      organisationId: submission.value.organisationId ?? null,
      position: submission.value.position,
    });
    if (!res.ok) {
      const fieldErrors: Record<string, string[]> =
        res.reason === "organisationRequired" ? { organisationId: ["admin.organisationRequired"] } : {};
      const formErrors = res.reason === "organisationRequired" ? [] : [`admin.${res.reason}`];
      return json({ result: submission.reply({ fieldErrors, formErrors }), done: null }, { status: 400 });
    }
    return json({ result: submission.reply({ resetForm: true }), done: "membershipAdded" });
  }
  const parsed = UserActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) badRequest();
  const intent = parsed.data;
  if (intent.intent === "endMembership") {
    endMembership(viewer, intent.membershipId);
    return json({ result: null, done: "membershipEnded" });
  }
  if (userId === viewer.id) return json({ result: null, done: "cannotDisableSelf" }, { status: 400 });
  setUserDisabled(viewer, userId, intent.intent === "disable");
  return json({ result: null, done: intent.intent === "disable" ? "userDisabled" : "userEnabled" });
}

export default function AdminUserDetail() {
  const { t, i18n } = useTranslation();
  const { user, memberships, homeAreas, sessionCount, groups, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm(MembershipSchema, {
    lastResult: actionData?.result,
  });
  const now = clock.now();
  return (
    <Stack gap="md">
      <Title order={2}>{user.name}</Title>
      <Text>
        {user.email}
        {user.title ? ` · ${user.title}` : ""} · {t("account.sessionCount", { count: sessionCount })}
      </Text>
      {actionData?.done ? (
        <Alert color={actionData.done === "cannotDisableSelf" ? "red" : "green"} role="status">
          {t(`admin.done.${actionData.done}`)}
        </Alert>
      ) : null}
      <IntentForm intent={user.disabledAt ? "enable" : "disable"}>
        <Group>
          <Badge color={user.disabledAt ? "red" : "green"} variant="light">
            {user.disabledAt ? t("admin.disabled") : t("admin.active")}
          </Badge>
          <Button type="submit" variant="outline" color={user.disabledAt ? "city" : "red"} size="xs">
            {user.disabledAt ? t("admin.enableUser") : t("admin.disableUser")}
          </Button>
        </Group>
      </IntentForm>
      {homeAreas.length ? (
        <Text>
          {t("account.residentOf")} {homeAreas.map((a) => localName(a, i18n.language)).join(", ")}
        </Text>
      ) : null}
      <Panel titleId="admin-memberships" title={t("admin.memberships")} order={3}>
        <DataTable
          caption={t("admin.memberships")}
          minWidth={640}
          columns={[t("admin.group"), t("admin.position"), t("admin.organisation"), t("admin.joined"), t("admin.left")]}
          actions
          striped={false}
        >
          {memberships.map((m) => {
            const ended = !!m.leftAt && new Date(m.leftAt) <= now;
            const groupName = localName({ nameFi: m.groupNameFi, nameSv: m.groupNameSv, nameEn: m.groupNameEn }, i18n.language);
            return (
              <Table.Tr key={m.id}>
                <Table.Td>{groupName}</Table.Td>
                <MembershipCells membership={m} dates="joinedAndLeft" />
                <Table.Td>
                  {!ended ? (
                    <RowActionForm
                      intent="endMembership"
                      idName="membershipId"
                      id={m.id}
                      label={t("admin.endMembership")}
                      accessibleName={t("admin.endMembershipOf", { group: groupName })}
                    />
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      </Panel>
      <Panel titleId="admin-add-membership" title={t("admin.addMembership")} order={3}>
        <IntentForm intent="addMembership" {...getFormProps(form)}>
          <Stack>
            <FormErrors errors={form.errors} />
            <MembershipFields
              fields={fields}
              groups={groups}
              organisations={organisations}
              groupRequired
              organisationHelp={t("admin.organisationHelp")}
              asRow
            />
            <SubmitRow label={t("admin.addMembership")} />
          </Stack>
        </IntentForm>
      </Panel>
    </Stack>
  );
}
