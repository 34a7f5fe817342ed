// `/admin/security`: the coordinators' second-factor setting, and who has a factor.
import { Badge, Checkbox, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SecondFactorResetSchema, SecuritySettingsSchema } from "~/forms/security";
import { authorize, badRequest } from "~/server/people/guard.server";
import { requireAllStaff, resetFactors, securityRoster, setRequireAllStaff } from "~/server/people/second-factor.server";
import { TableHead } from "~/ui/TableParts";
import { pageTitle } from "~/i18n/page-title";
import { IntentForm, SubmitRow, IntentButton } from "~/ui/forms";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, ["secondFactor.adminTitle", "admin.title"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "admin.security" });
  return json({ requireAll: requireAllStaff(), roster: securityRoster() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "admin.security" });
  const formData = await request.formData();
  const fields = Object.fromEntries(formData);
  if (fields.intent === "reset") {
    const parsed = SecondFactorResetSchema.safeParse(fields);
    if (!parsed.success) badRequest();
    return json({ saved: false, reset: resetFactors(viewer, parsed.data.userId) });
  }
  const parsed = SecuritySettingsSchema.safeParse(fields);
  if (!parsed.success) badRequest();
  setRequireAllStaff(viewer, parsed.data.on);
  return json({ saved: true, reset: null });
}

export default function AdminSecurity() {
  const { t } = useTranslation();
  const { requireAll, roster } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <Stack>
      <Title order={2}>{t("secondFactor.adminTitle")}</Title>
      <Notice message={result?.saved ? t("secondFactor.adminSaved") : null} />
      <Notice message={result?.reset != null ? t("secondFactor.adminResetDone", { count: result.reset }) : null} />
      <Paper withBorder p="lg">
        <IntentForm intent="requireAllStaff">
          <Stack maw={620}>
            <Checkbox
              name="on"
              value="on"
              defaultChecked={requireAll}
              label={t("secondFactor.adminRequireAll")}
              description={t("secondFactor.adminRequireAllHelp")}
            />
            <SubmitRow label={t("common.save")} />
          </Stack>
        </IntentForm>
      </Paper>
      <Text>{t("secondFactor.adminResetHelp")}</Text>
      <Table>
        <TableHead columns={[t("register.name"), t("auth.email"), t("secondFactor.status"), t("common.actions")]} />
        <Table.Tbody>
          {roster.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.email}</Table.Td>
              <Table.Td>
                <Badge color={p.factors ? "green" : p.required ? "red" : "dark"} variant="light">
                  {p.factors ? t("secondFactor.statusOn") : t("secondFactor.statusOff")}
                </Badge>
              </Table.Td>
              <Table.Td>
                {p.factors ? (
                  <IntentButton
                    intent="reset"
                    values={{ userId: p.id }}
                    label={t("secondFactor.adminReset")}
                    size="xs"
                    color="red"
                    variant="outline"
                    aria-label={`${t("secondFactor.adminReset")}: ${p.name}`}
                  />
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
