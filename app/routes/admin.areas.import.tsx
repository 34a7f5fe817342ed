// Coordinator's import of the district hierarchy: upload a CSV → preview with per-row errors →
// confirm. Like the measure import, the uploaded bytes wait on the server between the steps (only
// for their uploader, an hour at most) and are validated again inside the one transaction that
// writes; nothing is written if any row is broken.
import { Alert, Anchor, Badge, Button, Code, Group, Input, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import {
  json,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { translatorFor } from "~/i18n/i18n.server";
import {
  applyAreaImport,
  dropAreaUpload,
  loadAreaUpload,
  MAX_AREA_IMPORT_BYTES,
  parseAreaCsv,
  stashAreaUpload,
  validateAreaImport,
  type AreaImportValidation,
} from "~/server/areas.server";
import { authorize } from "~/server/guard.server";
import { FormErrors, useErrorText } from "~/ui/forms";

const DoneSchema = z.object({
  created: z.coerce.number().int().min(0),
  updated: z.coerce.number().int().min(0),
  unchanged: z.coerce.number().int().min(0),
});

const ConfirmSchema = z.object({ intent: z.literal("confirm"), uploadId: z.string().min(1).max(64) });

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} – Lähiturva` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "areas.import" });
  const t = await translatorFor(request);
  const done = DoneSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  return json({ pageTitle: t("neighbourhood.areaImport.title"), done: done.success ? done.data : null });
}

type Preview = {
  stage: "preview";
  filename: string;
  uploadId: string | null;
  counts: AreaImportValidation["counts"];
  rows: { rowNumber: number; level: string | null; code: string; nameFi: string; parentCode: string | null; action: string; errors: string[] }[];
  errors: string[];
};
type UploadFailure = { stage: "upload"; errors: string[] };

const previewOf = (v: AreaImportValidation) => ({
  counts: v.counts,
  rows: v.rows.map((r) => ({ rowNumber: r.rowNumber, level: r.level, code: r.code, nameFi: r.nameFi, parentCode: r.parentCode, action: r.action, errors: r.errors })),
});

const err = (key: string) => `neighbourhood.areaImport.errors.${key}`;

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "areas.import" });
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) return confirmImport(request, viewer.id);
  const tooLarge = `${err("tooLarge")}|${JSON.stringify({ max: MAX_AREA_IMPORT_BYTES / 1024 / 1024 })}`;
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_AREA_IMPORT_BYTES + 64 * 1024) return json<UploadFailure>({ stage: "upload", errors: [tooLarge] }, { status: 413 });
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_AREA_IMPORT_BYTES, filter: ({ name }) => name === "file" }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return json<UploadFailure>({ stage: "upload", errors: [tooLarge] }, { status: 413 });
    return json<UploadFailure>({ stage: "upload", errors: [err("unreadable")] }, { status: 400 });
  }
  const file = form.get("file");
  // A browser sends an empty, nameless part when no file was chosen.
  if (!file || typeof file === "string" || file.size === 0 || !file.name) return json<UploadFailure>({ stage: "upload", errors: [err("noFile")] }, { status: 400 });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = parseAreaCsv(bytes, file.name);
  if (!parsed.ok) return json<UploadFailure>({ stage: "upload", errors: parsed.errors }, { status: 400 });
  const validation = validateAreaImport(parsed.file);
  const uploadId = validation.ok && validation.counts.create + validation.counts.update > 0 ? await stashAreaUpload(viewer.id, file.name, bytes) : null;
  return json<Preview>({ stage: "preview", filename: file.name, uploadId, errors: [], ...previewOf(validation) }, { status: validation.ok ? 200 : 400 });
}

async function confirmImport(request: Request, userId: string) {
  const parsed = ConfirmSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json<UploadFailure>({ stage: "upload", errors: [err("expired")] }, { status: 400 });
  const upload = await loadAreaUpload(parsed.data.uploadId, userId);
  if (!upload) return json<UploadFailure>({ stage: "upload", errors: [err("expired")] }, { status: 400 });
  const file = parseAreaCsv(upload.bytes, upload.filename);
  if (!file.ok) return json<UploadFailure>({ stage: "upload", errors: file.errors }, { status: 400 });
  const result = applyAreaImport(userId, file.file, { filename: upload.filename });
  await dropAreaUpload(parsed.data.uploadId);
  if (!result.ok) {
    // The areas changed between preview and confirm: show the new state, write nothing.
    return json<Preview>({ stage: "preview", filename: upload.filename, uploadId: null, errors: [err("changed")], ...previewOf(result.validation) }, { status: 409 });
  }
  return redirect(`/admin/areas/import?${new URLSearchParams({ created: String(result.created), updated: String(result.updated), unchanged: String(result.unchanged) })}`);
}

const COLUMNS = ["level", "code", "name_fi", "name_sv", "parent_code"] as const;

export default function AreaImport() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const uploadErrors = actionData?.stage === "upload" ? actionData.errors : null;
  const preview = actionData?.stage === "preview" ? (actionData as Preview) : null;

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t("neighbourhood.areaImport.title")}</Title>
        <Text maw={760}>{t("neighbourhood.areaImport.intro")}</Text>
      </div>
      {done ? (
        <Alert color="green" role="status">
          <Stack gap="xs">
            <Text>{t("neighbourhood.areaImport.done", done)}</Text>
            <Anchor component={Link} to="/areas">
              {t("neighbourhood.areaImport.toAreas")}
            </Anchor>
          </Stack>
        </Alert>
      ) : null}

      <Paper withBorder p="md" component="section" aria-labelledby="area-import-columns">
        <Title order={3} size="h4" id="area-import-columns" mb="xs">
          {t("neighbourhood.areaImport.columnsTitle")}
        </Title>
        <List size="sm" spacing={4}>
          {COLUMNS.map((c) => (
            <List.Item key={c}>
              <Code>{c}</Code> – {t(`neighbourhood.areaImport.columns.${c}`)}
            </List.Item>
          ))}
        </List>
        <Text size="sm" mt="xs">
          {t("neighbourhood.areaImport.rules")}
        </Text>
        <Text size="sm" mt="xs">
          <Anchor href="/templates/aluejako-malli.csv" download underline="always">
            {t("neighbourhood.areaImport.template")}
          </Anchor>
        </Text>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="area-import-upload">
        <Title order={3} size="h4" id="area-import-upload" mb="sm">
          {t("neighbourhood.areaImport.uploadTitle")}
        </Title>
        <Form method="post" encType="multipart/form-data" aria-labelledby="area-import-upload">
          <Stack maw={640}>
            {uploadErrors ? <FormErrors errors={uploadErrors} /> : null}
            <Input.Wrapper id="area-import-file" label={t("neighbourhood.areaImport.file")} description={t("neighbourhood.areaImport.fileHelp")} required>
              <input
                id="area-import-file"
                type="file"
                name="file"
                required
                accept=".csv,text/csv"
                aria-describedby="area-import-file-description"
                aria-invalid={uploadErrors ? true : undefined}
                style={{ display: "block", marginTop: 4 }}
              />
            </Input.Wrapper>
            <Group>
              <Button type="submit" loading={busy && navigation.formEncType === "multipart/form-data"}>
                {t("neighbourhood.areaImport.upload")}
              </Button>
            </Group>
          </Stack>
        </Form>
      </Paper>

      {preview ? (
        <Paper withBorder p="md" component="section" aria-labelledby="area-import-preview">
          <Stack>
            <Title order={3} size="h4" id="area-import-preview">
              {t("neighbourhood.areaImport.previewTitle")}
            </Title>
            <Text>{t("neighbourhood.areaImport.summary", { filename: preview.filename, rows: preview.rows.length })}</Text>
            <Group gap="xs">
              <Badge variant="light" color="city">
                {t("neighbourhood.areaImport.counts.create", { count: preview.counts.create })}
              </Badge>
              <Badge variant="light" color="green">
                {t("neighbourhood.areaImport.counts.update", { count: preview.counts.update })}
              </Badge>
              <Badge variant="light" color="dark">
                {t("neighbourhood.areaImport.counts.unchanged", { count: preview.counts.unchanged })}
              </Badge>
              <Badge variant="light" color={preview.counts.errors ? "red" : "dark"}>
                {t("neighbourhood.areaImport.counts.errors", { count: preview.counts.errors })}
              </Badge>
            </Group>
            {preview.errors.length ? <FormErrors errors={preview.errors} /> : null}
            {preview.counts.errors ? (
              <Alert color="red" variant="light" role="alert">
                {t("neighbourhood.areaImport.hasErrors")}
              </Alert>
            ) : !preview.uploadId && !preview.errors.length ? (
              <Alert color="city" variant="light" role="status">
                {t("neighbourhood.areaImport.nothingToDo")}
              </Alert>
            ) : null}
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Caption>{t("neighbourhood.areaImport.caption")}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("neighbourhood.areaImport.row")}</Table.Th>
                    <Table.Th scope="col">{t("neighbourhood.areaImport.level")}</Table.Th>
                    <Table.Th scope="col">{t("neighbourhood.areaImport.code")}</Table.Th>
                    <Table.Th scope="col">{t("neighbourhood.areaImport.name")}</Table.Th>
                    <Table.Th scope="col">{t("neighbourhood.areaImport.parent")}</Table.Th>
                    <Table.Th scope="col">{t("neighbourhood.areaImport.action")}</Table.Th>
                    <Table.Th scope="col">{t("neighbourhood.areaImport.problems")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((row) => (
                    <Table.Tr key={row.rowNumber} data-row={row.rowNumber}>
                      <Table.Td>{row.rowNumber}</Table.Td>
                      <Table.Td>{row.level ? t(`areaLevels.${row.level}`) : "–"}</Table.Td>
                      <Table.Td>{row.code}</Table.Td>
                      <Table.Td>{row.nameFi}</Table.Td>
                      <Table.Td>{row.parentCode ?? "–"}</Table.Td>
                      <Table.Td>{row.errors.length ? "–" : t(`neighbourhood.areaImport.actions.${row.action}`)}</Table.Td>
                      <Table.Td>
                        {row.errors.length ? (
                          <List size="sm" c="red.9">
                            {row.errors.map((e) => (
                              <List.Item key={e}>{errorText([e])}</List.Item>
                            ))}
                          </List>
                        ) : (
                          t("neighbourhood.areaImport.ok")
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {preview.uploadId ? (
              <Form method="post">
                <input type="hidden" name="intent" value="confirm" />
                <input type="hidden" name="uploadId" value={preview.uploadId} />
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{t("neighbourhood.areaImport.confirmHelp")}</Text>
                  <Group>
                    <Button type="submit" color="green" loading={busy && navigation.formEncType !== "multipart/form-data"}>
                      {t("neighbourhood.areaImport.confirm")}
                    </Button>
                    <Anchor component={Link} to="/admin/areas/import">
                      {t("neighbourhood.areaImport.another")}
                    </Anchor>
                  </Group>
                </Stack>
              </Form>
            ) : null}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
