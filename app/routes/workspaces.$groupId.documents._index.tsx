import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Badge, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentMetaSchema, documentMetaInput, DocumentSearchQuerySchema } from "~/forms/workspaces";
import { createDocument, listDocuments, MAX_DOCUMENT_BYTES } from "~/server/workspaces/documents.server";
import { forbidden } from "~/server/people/guard.server";
import { linkOptions, parseLinkValue } from "~/server/workspaces/links.server";
import { can } from "~/server/people/permissions.server";
import { readUpload } from "~/server/platform/uploads.server";
import { requireWorkspace } from "~/server/workspaces/workspace-guards.server";
import { FormErrors, useZodForm, SubmitRow } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { DocumentFields } from "~/ui/workspaces/DocumentFields";
import { FileInputNative, formatSize } from "~/ui/workspaces/files";
import { PublicityBadge } from "~/ui/workspaces/Publicity";
import { workspacePageTitle } from "~/i18n/page-title";
import { DataTable } from "~/ui/TableParts";
import { Panel } from "~/ui/Panel";
import { FilterForm } from "~/ui/FilterForm";

export const meta: MetaFunction = ({ matches }) => workspacePageTitle(matches, "titles.documents");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, groupId } = await requireWorkspace(request, context, params.groupId);
  const { q } = DocumentSearchQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const canCreate = can(viewer, { kind: "document.create", groupId });
  const { measures, reviews, plans } = linkOptions(viewer, groupId);
  return json({
    groupId,
    q: q ?? "",
    documents: listDocuments(viewer, groupId, { q }),
    canCreate,
    options: canCreate ? { measures, reviews, plans } : null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer, groupId } = await requireWorkspace(request, context, params.groupId);
  if (!can(viewer, { kind: "document.create", groupId })) forbidden();
  const upload = await readUpload(request, MAX_DOCUMENT_BYTES);
  // Problems with the file are kept apart from conform's field state: they stay on the page until
  // the next submission instead of vanishing on the first blur (and moving the button under the cursor).
  if (!upload.ok)
    return json(
      { result: null, uploadError: upload.reason === "tooLarge" ? "workspaces.documents.errors.tooLarge" : "validation.invalid" },
      { status: upload.reason === "tooLarge" ? 413 : 400 },
    );
  const submission = parseWithZod(upload.form, { schema: DocumentMetaSchema });
  if (submission.status !== "success")
    return json({ result: submission.reply(), uploadError: upload.file ? null : "workspaces.documents.errors.noFile" }, { status: 400 });
  if (!upload.file) return json({ result: submission.reply(), uploadError: "workspaces.documents.errors.noFile" }, { status: 400 });
  const link = parseLinkValue(viewer, submission.value.link);
  if (!link.ok || link.linkType === "document")
    return json(
      { result: submission.reply({ fieldErrors: { link: ["workspaces.meetings.errors.link"] } }), uploadError: null },
      { status: 400 },
    );
  const v = submission.value;
  const created = createDocument(viewer, groupId, documentMetaInput(v, link.linkType, link.linkId), upload.file);
  if (!created.ok)
    return json(
      { result: submission.reply(), uploadError: `workspaces.documents.errors.${created.reason}` },
      { status: created.reason === "tooLarge" ? 413 : 400 },
    );
  return redirect(`/workspaces/${groupId}/documents/${created.id}?done=created`);
}

/** The workspace's documents (only those the reader may read), a search, and filing a new one. */
export default function DocumentsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { groupId, q, documents, canCreate, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(DocumentMetaSchema, {
    id: "new-document",
    lastResult: actionData?.result,
    defaultValue: { publicity: "public" },
  });
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t("workspaces.documents.title")}
      </Title>
      <FilterForm label={t("workspaces.documents.search")} submit={t("common.search")}>
        <TextInput name="q" defaultValue={q} label={t("workspaces.documents.searchLabel")} type="search" />
      </FilterForm>
      {documents.length === 0 ? (
        <Text>{q ? t("workspaces.documents.noResults") : t("workspaces.documents.none")}</Text>
      ) : (
        <DataTable
          caption={t("workspaces.documents.title")}
          minWidth={720}
          data-testid="documents"
          columns={[
            t("workspaces.documents.docTitle"),
            t("workspaces.documents.version"),
            t("workspaces.documents.uploaded"),
            t("workspaces.documents.size"),
          ]}
        >
          {documents.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Anchor component={Link} to={`/workspaces/${groupId}/documents/${d.id}`}>
                  {d.title}
                </Anchor>{" "}
                <PublicityBadge publicity={d.publicity} />{" "}
                {d.unread ? (
                  <Badge size="sm" color="city">
                    {t("workspaces.documents.unread")}
                  </Badge>
                ) : null}
                {d.attachments ? (
                  <Text size="xs" c="dimmed">
                    {t("workspaces.documents.attachmentCount", { count: d.attachments })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{d.version ?? "–"}</Table.Td>
              <Table.Td>{fmt.date(d.uploadedAt)}</Table.Td>
              <Table.Td>{formatSize(d.size, fmt.number)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {canCreate && options ? (
        <Panel titleId="document-new" title={t("workspaces.documents.upload")} order={3}>
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
            <Stack maw={720}>
              <FormErrors errors={form.errors} />
              <DocumentFields fields={fields} options={options} />
              <FileInputNative label={t("workspaces.documents.file")} description={t("workspaces.documents.fileHelp")} />
              <FormErrors errors={actionData?.uploadError ? [actionData.uploadError] : null} />
              <SubmitRow label={t("workspaces.documents.upload")} busy={navigation.state === "submitting"} />
            </Stack>
          </Form>
        </Panel>
      ) : null}
    </Stack>
  );
}
