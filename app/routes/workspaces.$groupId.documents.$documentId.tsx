import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentIntentSchema, DocumentMetaSchema, documentMetaInput, GrantSchema, VersionSchema } from "~/forms/workspaces";
import { localName } from "~/i18n/names";
import {
  addVersion,
  createDocument,
  DOCUMENT_NOTIFICATION_KINDS,
  getDocument,
  grantOptions,
  logAccess,
  MAX_DOCUMENT_BYTES,
  removeGrant,
  setGrant,
  updateDocumentMeta,
} from "~/server/workspaces/documents.server";
import { badRequest, idParam, notFound } from "~/server/people/guard.server";
import { linkOptions, parseLinkValue, resolveLink, resolveLinks } from "~/server/workspaces/links.server";
import { helsinkiDate } from "~/server/city/measure-rules";
import { markReadAbout } from "~/server/mail/notifications.server";
import { can } from "~/server/people/permissions.server";
import { readUpload } from "~/server/platform/uploads.server";
import { clientIp, requireWorkspace } from "~/server/workspaces/workspace-guards.server";
import { EditDetailsSection } from "~/ui/EditDetailsSection";
import { FieldSelect, FormErrors, useZodForm, IntentForm, SubmitRow } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { DocumentFields } from "~/ui/workspaces/DocumentFields";
import { FileInputNative, formatSize } from "~/ui/workspaces/files";
import { LinkView } from "~/ui/workspaces/LinkView";
import { PublicityBadge, PublicityMarking } from "~/ui/workspaces/Publicity";
import { pageTitle } from "~/i18n/page-title";
import { DataTable } from "~/ui/TableParts";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "titles.document", { name: data?.document.title });

async function load(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const ws = await requireWorkspace(request, context, params.groupId);
  const documentId = idParam(params.documentId);
  // A document the viewer may not read is as missing as one that does not exist.
  const data = getDocument(ws.viewer, documentId);
  if (!data || data.document.groupId !== ws.groupId) notFound();
  return { ...ws, documentId, data };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, groupId, documentId, data } = await load(request, context, params);
  logAccess({
    documentId,
    publicity: data.document.publicity,
    versionId: data.versions[0]?.id ?? null,
    userId: viewer.id,
    action: "view",
    ip: clientIp(context),
  });
  markReadAbout(viewer.id, DOCUMENT_NOTIFICATION_KINDS, "documentId", documentId);
  const canAttach = !data.document.parentId && can(viewer, { kind: "document.create", groupId });
  const { measures, reviews, plans } = linkOptions(viewer, groupId);
  const link = resolveLink(resolveLinks(viewer, [data.document]), data.document);
  return json({
    groupId,
    ...data,
    link,
    canAttach,
    today: helsinkiDate(),
    options: data.canUpdate || canAttach ? { measures, reviews, plans } : null,
    grantChoices: data.canManageGrants ? grantOptions(groupId) : null,
  });
}

const refusal = (reason: string) => `workspaces.documents.errors.${reason}`;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer, groupId, documentId, data } = await load(request, context, params);
  const back = (done: string) => redirect(`/workspaces/${groupId}/documents/${documentId}?done=${done}`);
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const upload = await readUpload(request, MAX_DOCUMENT_BYTES);
    // File problems are reported apart from conform's field state (see documents._index).
    if (!upload.ok)
      return json(
        { intent: "upload", result: null, uploadError: upload.reason === "tooLarge" ? refusal("tooLarge") : "validation.invalid" },
        { status: upload.reason === "tooLarge" ? 413 : 400 },
      );
    const intent = DocumentIntentSchema.safeParse({ intent: upload.form.get("intent") });
    if (!intent.success) badRequest();
    if (intent.data.intent === "version") {
      const note = VersionSchema.safeParse({ note: upload.form.get("note") ?? "" });
      if (!note.success) return json({ intent: "version", result: null, uploadError: "validation.invalid" }, { status: 400 });
      if (!upload.file) return json({ intent: "version", result: null, uploadError: refusal("noFile") }, { status: 400 });
      const r = addVersion(viewer, documentId, upload.file, note.data.note);
      if (!r.ok)
        return json({ intent: "version", result: null, uploadError: refusal(r.reason) }, { status: r.reason === "forbidden" ? 403 : 400 });
      return back("version");
    }
    if (intent.data.intent === "attachment") {
      const submission = parseWithZod(upload.form, { schema: DocumentMetaSchema });
      if (submission.status !== "success")
        return json(
          { intent: "attachment", result: submission.reply(), uploadError: upload.file ? null : refusal("noFile") },
          { status: 400 },
        );
      if (!upload.file) return json({ intent: "attachment", result: submission.reply(), uploadError: refusal("noFile") }, { status: 400 });
      const link = parseLinkValue(viewer, submission.value.link);
      if (!link.ok || link.linkType === "document")
        return json(
          {
            intent: "attachment",
            result: submission.reply({ fieldErrors: { link: ["workspaces.meetings.errors.link"] } }),
            uploadError: null,
          },
          { status: 400 },
        );
      const v = submission.value;
      const r = createDocument(viewer, groupId, documentMetaInput(v, link.linkType, link.linkId), upload.file, { parentId: documentId });
      if (!r.ok) return json({ intent: "attachment", result: submission.reply(), uploadError: refusal(r.reason) }, { status: 400 });
      return redirect(`/workspaces/${groupId}/documents/${r.id}?done=created`);
    }
    badRequest();
  }

  const formData = await request.formData();
  const intent = DocumentIntentSchema.safeParse({ intent: formData.get("intent") });
  if (!intent.success) badRequest();
  switch (intent.data.intent) {
    case "meta": {
      const submission = parseWithZod(formData, { schema: DocumentMetaSchema });
      if (submission.status !== "success") return json({ intent: "meta", result: submission.reply() }, { status: 400 });
      const link = parseLinkValue(viewer, submission.value.link);
      if (!link.ok || link.linkType === "document")
        return json(
          { intent: "meta", result: submission.reply({ fieldErrors: { link: ["workspaces.meetings.errors.link"] } }) },
          { status: 400 },
        );
      const v = submission.value;
      const r = updateDocumentMeta(viewer, documentId, documentMetaInput(v, link.linkType, link.linkId));
      if (!r.ok) return json({ intent: "meta", result: submission.reply({ formErrors: [refusal(r.reason)] }) }, { status: 403 });
      return back("saved");
    }
    case "grant": {
      const submission = parseWithZod(formData, { schema: GrantSchema });
      if (submission.status !== "success") return json({ intent: "grant", result: submission.reply() }, { status: 400 });
      const [kind, id] = [
        submission.value.holder.slice(0, submission.value.holder.indexOf(":")),
        submission.value.holder.slice(submission.value.holder.indexOf(":") + 1),
      ];
      const r = setGrant(viewer, documentId, {
        userId: kind === "user" ? id : null,
        groupId: kind === "group" ? Number(id) : null,
        organisationId: kind === "organisation" ? Number(id) : null,
        canUpdate: submission.value.right === "update",
      });
      if (!r.ok)
        return json(
          { intent: "grant", result: submission.reply({ formErrors: [refusal(r.reason)] }) },
          { status: r.reason === "forbidden" ? 403 : 400 },
        );
      return back("grant");
    }
    case "removeGrant": {
      const grantId = Number(formData.get("grantId"));
      if (!Number.isSafeInteger(grantId)) badRequest();
      const r = removeGrant(viewer, documentId, grantId);
      if (!r.ok) return json({ intent: "removeGrant", result: null, uploadError: refusal(r.reason) }, { status: 403 });
      return back("grantRemoved");
    }
    default:
      void data;
      badRequest();
  }
}

const DONE: Record<string, string> = {
  created: "workspaces.documents.created",
  version: "workspaces.documents.versionAdded",
  saved: "workspaces.documents.saved",
  grant: "workspaces.documents.grantSaved",
  grantRemoved: "workspaces.documents.grantRemoved",
};

export default function DocumentPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const {
    document: doc,
    versions,
    attachments,
    parent,
    grants,
    canUpdate,
    canManageGrants,
    canAttach,
    options,
    grantChoices,
    groupId,
    link,
    today,
  } = data;
  const done = params.get("done");
  const busy = navigation.state === "submitting";
  const result = (intent: string) => (actionData?.intent === intent ? (actionData.result ?? undefined) : undefined);
  const uploadError = (intent: string) =>
    actionData?.intent === intent && "uploadError" in actionData && actionData.uploadError ? [actionData.uploadError] : null;
  const current = versions[0];

  const [attachmentForm, attachment] = useZodForm(DocumentMetaSchema, {
    id: "attachment",
    lastResult: result("attachment"),
    defaultValue: { publicity: "confidential" },
  });
  const [metaForm, meta] = useZodForm(DocumentMetaSchema, {
    id: `meta-${doc.updatedAt}`,
    lastResult: result("meta"),
    defaultValue: {
      title: doc.title,
      description: doc.description,
      publicity: doc.publicity,
      legalGround: doc.legalGround ?? "",
      secretUntil: doc.secretUntil ?? "",
      link: doc.linkType && doc.linkId ? `${doc.linkType}:${doc.linkId}` : "",
    },
  });
  const [grantForm, grant] = useZodForm(GrantSchema, {
    id: `grant-${grants.length}`,
    lastResult: result("grant"),
    defaultValue: { right: "read" },
  });
  const holderName = (g: (typeof grants)[number]) =>
    g.userName ??
    (g.groupNameFi ? localName({ nameFi: g.groupNameFi, nameSv: g.groupNameSv, nameEn: g.groupNameEn }, i18n.language) : null) ??
    (g.organisationNameFi
      ? localName({ nameFi: g.organisationNameFi, nameSv: g.organisationNameSv, nameEn: g.organisationNameEn }, i18n.language)
      : "–");
  const downloadHref = (v: number) => `/documents/${doc.id}/download?version=${v}`;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={parent ? `/workspaces/${groupId}/documents/${parent.id}` : `/workspaces/${groupId}/documents`} size="sm">
        ← {parent ? parent.title : t("workspaces.documents.title")}
      </Anchor>
      <Stack gap={4}>
        <Group gap="xs">
          <Title order={2} size="h3">
            {doc.title}
          </Title>
          <PublicityBadge publicity={doc.publicity} />
        </Group>
        <Text size="sm">
          {t("workspaces.documents.publicity")}: {t(`workspaces.documents.class.${doc.publicity}`)}
        </Text>
        {parent ? (
          <Text size="sm">
            {t("workspaces.documents.attachmentOf")}:{" "}
            <Anchor component={Link} to={`/workspaces/${groupId}/documents/${parent.id}`}>
              {parent.title}
            </Anchor>
          </Text>
        ) : null}
        {link ? <LinkView link={link} /> : null}
      </Stack>
      <PublicityMarking publicity={doc.publicity} legalGround={doc.legalGround} secretUntil={doc.secretUntil} today={today} />
      <Notice message={done && DONE[done] ? t(DONE[done]) : null} />
      <FormErrors errors={uploadError("removeGrant") ?? uploadError("upload")} />
      {doc.description ? <Text style={{ whiteSpace: "pre-line" }}>{doc.description}</Text> : null}
      {current ? (
        <Group>
          <Button component={Link} to={downloadHref(current.version)} reloadDocument>
            {t("workspaces.documents.download")} ({current.fileName}, {formatSize(current.size, fmt.number)})
          </Button>
        </Group>
      ) : null}

      <Panel titleId="doc-versions" title={t("workspaces.documents.versions")} order={3}>
        <DataTable
          caption={t("workspaces.documents.versions")}
          minWidth={720}
          data-testid="versions"
          columns={[
            t("workspaces.documents.version"),
            t("workspaces.documents.fileName"),
            t("workspaces.documents.uploaded"),
            t("workspaces.documents.uploadedBy"),
            t("workspaces.documents.size"),
            t("workspaces.documents.note"),
          ]}
        >
          {versions.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={downloadHref(v.version)}
                  reloadDocument
                  aria-label={t("workspaces.documents.downloadVersion", { version: v.version, name: v.fileName })}
                >
                  {v.fileName}
                </Anchor>
              </Table.Td>
              <Table.Td>{fmt.dateTime(v.uploadedAt)}</Table.Td>
              <Table.Td>{v.uploaderName ?? "–"}</Table.Td>
              <Table.Td>{formatSize(v.size, fmt.number)}</Table.Td>
              <Table.Td>{v.note || "–"}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        {canUpdate ? (
          <IntentForm intent="version" encType="multipart/form-data" key={versions.length}>
            <Stack mt="md" maw={720}>
              <Title order={4} size="h5">
                {t("workspaces.documents.newVersion")}
              </Title>
              <FileInputNative
                id="version-file"
                label={t("workspaces.documents.file")}
                description={`${t("workspaces.documents.fileHelp")} ${t("workspaces.documents.newVersionHelp")}`}
              />
              <TextInput name="note" label={t("workspaces.documents.note")} maxLength={1000} />
              <FormErrors errors={uploadError("version")} />
              <SubmitRow label={t("workspaces.documents.newVersion")} busy={busy} />
            </Stack>
          </IntentForm>
        ) : null}
      </Panel>

      {!doc.parentId ? (
        <Panel titleId="doc-attachments" title={t("workspaces.documents.attachments")} order={3}>
          {attachments.length === 0 ? <Text size="sm">{t("workspaces.documents.noAttachments")}</Text> : null}
          <Stack gap={4} component="ul" style={{ paddingLeft: "1.25rem", margin: 0 }} data-testid="attachments">
            {attachments.map((a) => (
              <li key={a.id}>
                <Anchor component={Link} to={`/workspaces/${groupId}/documents/${a.id}`}>
                  {a.title}
                </Anchor>{" "}
                <PublicityBadge publicity={a.publicity} />{" "}
                {a.unread ? (
                  <Badge size="sm" color="city">
                    {t("workspaces.documents.unread")}
                  </Badge>
                ) : null}{" "}
                <Text span size="sm" c="dimmed">
                  {t("workspaces.documents.versionN", { version: a.version ?? 1 })}
                </Text>
              </li>
            ))}
          </Stack>
          {canAttach && options ? (
            <details open={actionData?.intent === "attachment"}>
              <summary>
                <Text span fw={600}>
                  {t("workspaces.documents.addAttachment")}
                </Text>
              </summary>
              <IntentForm intent="attachment" encType="multipart/form-data" {...getFormProps(attachmentForm)}>
                <Stack mt="sm" maw={720}>
                  <FormErrors errors={attachmentForm.errors} />
                  <DocumentFields fields={attachment} options={options} />
                  <FileInputNative
                    id="attachment-file"
                    label={t("workspaces.documents.file")}
                    description={t("workspaces.documents.fileHelp")}
                  />
                  <FormErrors errors={uploadError("attachment")} />
                  <SubmitRow label={t("workspaces.documents.addAttachment")} busy={busy} />
                </Stack>
              </IntentForm>
            </details>
          ) : null}
        </Panel>
      ) : null}

      {canUpdate && options ? (
        <EditDetailsSection
          titleId="doc-details"
          title={t("workspaces.documents.editDetails")}
          open={actionData?.intent === "meta"}
          form={metaForm}
          intent="meta"
          busy={busy}
        >
          <DocumentFields fields={meta} options={options} />
        </EditDetailsSection>
      ) : null}

      {canManageGrants && grantChoices ? (
        <Panel titleId="doc-grants" title={t("workspaces.documents.grants")} order={3} mb="xs">
          <Text size="sm" mb="sm">
            {t("workspaces.documents.grantsHelp")}
          </Text>
          {grants.length === 0 ? <Text size="sm">{t("workspaces.documents.noGrants")}</Text> : null}
          <Stack gap={4} component="ul" style={{ paddingLeft: "1.25rem", margin: 0 }} data-testid="grants">
            {grants.map((g) => (
              <li key={g.id}>
                <IntentForm intent="removeGrant" values={{ grantId: g.id }}>
                  <Group gap="xs">
                    <Text size="sm">
                      {holderName(g)} – {g.canUpdate ? t("workspaces.documents.canUpdate") : t("workspaces.documents.canRead")}
                    </Text>
                    <Button
                      type="submit"
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      aria-label={t("workspaces.documents.removeGrant", { holder: holderName(g) })}
                    >
                      {t("common.remove")}
                    </Button>
                  </Group>
                </IntentForm>
              </li>
            ))}
          </Stack>
          <IntentForm intent="grant" {...getFormProps(grantForm)}>
            <Stack mt="md" maw={720}>
              <FormErrors errors={grantForm.errors} />
              <Group align="end" grow>
                <FieldSelect
                  field={grant.holder}
                  defaultValue={grant.holder.initialValue ?? ""}
                  label={t("workspaces.documents.grantHolder")}
                  data={[
                    { value: "", label: t("common.choose") },
                    {
                      group: t("workspaces.documents.grantPerson"),
                      items: grantChoices.people.map((p) => ({ value: `user:${p.id}`, label: p.name })),
                    },
                    {
                      group: t("workspaces.documents.grantGroup"),
                      items: grantChoices.groups.map((g) => ({ value: `group:${g.id}`, label: localName(g, i18n.language) })),
                    },
                    {
                      group: t("workspaces.documents.grantOrganisation"),
                      items: grantChoices.organisations.map((o) => ({ value: `organisation:${o.id}`, label: localName(o, i18n.language) })),
                    },
                  ]}
                />
                <FieldSelect
                  field={grant.right}
                  defaultValue={grant.right.initialValue ?? "read"}
                  label={t("workspaces.documents.grantRight")}
                  data={[
                    { value: "read", label: t("workspaces.documents.canRead") },
                    { value: "update", label: t("workspaces.documents.canUpdate") },
                  ]}
                />
              </Group>
              <SubmitRow label={t("workspaces.documents.addGrant")} variant="light" busy={busy} />
            </Stack>
          </IntentForm>
        </Panel>
      ) : null}
    </Stack>
  );
}
