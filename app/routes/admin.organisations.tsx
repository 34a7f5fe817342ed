import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Title } from "@mantine/core";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ORGANISATION_KINDS } from "../../db/schema";
import { OrganisationSchema } from "~/forms/admin";
import { localName } from "~/i18n/names";
import { listOrganisations, saveOrganisation } from "~/server/people/directory.server";
import { authorize } from "~/server/people/guard.server";
import { FieldSelect, FieldTextInput, FormErrors, useZodForm } from "~/ui/forms";
import { EditLinkCell, DataTable } from "~/ui/TableParts";
import { LocalizedNameFields, localizedNameDefaults } from "~/ui/admin/LocalizedFields";
import { pageTitle } from "~/i18n/page-title";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, ["admin.section.organisations", "admin.title"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "admin.manageOrganisations" });
  return json({ organisations: listOrganisations() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "admin.manageOrganisations" });
  const submission = parseWithZod(await request.formData(), { schema: OrganisationSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), saved: false }, { status: 400 });
  const res = saveOrganisation(viewer, submission.value);
  if (!res.ok) {
    const reply =
      res.reason === "duplicateName"
        ? submission.reply({ fieldErrors: { nameFi: ["admin.duplicateName"] } })
        : submission.reply({ formErrors: ["errors.404.title"] });
    return json({ result: reply, saved: false }, { status: res.reason === "notFound" ? 404 : 400 });
  }
  return json({ result: submission.reply({ resetForm: true }), saved: true });
}

export default function AdminOrganisations() {
  const { t, i18n } = useTranslation();
  const { organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const editing = organisations.find((o) => String(o.id) === params.get("edit"));
  const [form, fields] = useZodForm(OrganisationSchema, {
    id: `org-${editing?.id ?? "new"}`,
    lastResult: actionData?.result,
    defaultValue: editing
      ? {
          id: String(editing.id),
          ...localizedNameDefaults(editing),
          shortName: editing.shortName ?? "",
          kind: editing.kind,
        }
      : { kind: "city_division" },
  });
  return (
    <Stack>
      <Group>
        <Anchor component={Link} to="/admin/organisations/import">
          {t("cityData.organisationImport.link")}
        </Anchor>
      </Group>
      <Notice message={actionData?.saved ? t("common.saved") : null} />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {editing ? t("admin.editOrganisation") : t("admin.newOrganisation")}
        </Title>
        <Form method="post" {...getFormProps(form)}>
          {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
          <Stack>
            <FormErrors errors={form.errors} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <LocalizedNameFields fields={fields} />
              <FieldTextInput field={fields.shortName} label={t("admin.shortName")} />
              <FieldSelect
                field={fields.kind}
                label={t("admin.organisationKind")}
                data={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisationKinds.${k}`) }))}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit">{t("common.save")}</Button>
              {editing ? (
                <Button component={Link} to="/admin/organisations" variant="subtle">
                  {t("common.cancel")}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Form>
      </Paper>
      <DataTable
        caption={t("admin.section.organisations")}
        minWidth={640}
        columns={[t("admin.name"), t("admin.shortName"), t("admin.organisationKind"), t("admin.activeMembers")]}
        actions
      >
        {organisations.map((o) => (
          <Table.Tr key={o.id}>
            <Table.Td>{localName(o, i18n.language)}</Table.Td>
            <Table.Td>{o.shortName ?? "–"}</Table.Td>
            <Table.Td>{t(`organisationKinds.${o.kind}`)}</Table.Td>
            <Table.Td>{o.memberCount}</Table.Td>
            <EditLinkCell to={`?edit=${o.id}`} name={localName(o, i18n.language)} />
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}
