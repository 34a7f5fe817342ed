// Import of indicator values and targets from CSV: upload → preview with per-row errors → confirm.
// The uploaded bytes stay on the server between the steps (tied to the uploader); the confirm form
// carries only their random id, so rows are never taken from the browser.
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
import { localName } from "~/i18n/names";
import { translatorFor } from "~/i18n/i18n.server";
import { authorize } from "~/server/guard.server";
import {
  applyIndicatorImport,
  dropIndicatorUpload,
  indicatorTemplateCsv,
  listIndicators,
  loadIndicatorUpload,
  MAX_INDICATOR_IMPORT_BYTES,
  parseIndicatorCsv,
  stashIndicatorUpload,
  validateIndicatorImport,
  type IndicatorImportValidation,
} from "~/server/indicators.server";
import { FormErrors, useErrorText } from "~/ui/forms";
import { useFormat } from "~/ui/format";

const DoneSchema = z.object({
  created: z.coerce.number().int().min(0),
  updated: z.coerce.number().int().min(0),
  unchanged: z.coerce.number().int().min(0),
});

const UploadSchema = z.object({
  // A browser sends an empty, nameless part when no file was chosen.
  file: z
    .custom<File>((v) => typeof v === "object" && v !== null && "arrayBuffer" in v && typeof (v as File).name === "string", "indicators.import.errors.noFile")
    .refine((f) => f.size > 0 && f.name !== "", "indicators.import.errors.noFile"),
});

const ConfirmSchema = z.object({ intent: z.literal("confirm"), uploadId: z.string().min(1).max(64) });

/** The documented column names, in the order of the help table. */
const COLUMN_DOCS = [
  ["indikaattori", "indicator"],
  ["alue", "area"],
  ["vuosi", "year"],
  ["kausi", "period"],
  ["arvo", "value"],
  ["tyyppi", "type"],
] as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} – Lähiturva` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "indicator.manage" });
  const t = await translatorFor(request);
  const done = DoneSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const keys = listIndicators().map((i) => ({ id: i.id, key: i.key, nameFi: i.nameFi, nameSv: i.nameSv, nameEn: i.nameEn, resolution: i.resolution, unit: i.unit }));
  // An example file to copy from, made of the city's own indicator keys (without the BOM).
  const example = indicatorTemplateCsv().replace(/^\uFEFF/, "").trimEnd();
  return json({ pageTitle: t("indicators.import.title"), keys, example, done: done.success ? done.data : null });
}

type PreviewRow = {
  rowNumber: number;
  indicator: { nameFi: string; nameSv: string | null; nameEn: string | null } | null;
  indicatorKey: string;
  area: { code: string; nameFi: string; nameSv: string | null } | null;
  areaText: string;
  period: string;
  kind: string | null;
  value: number | null;
  valueText: string;
  action: string;
  errors: string[];
};
type Preview = { stage: "preview"; filename: string; uploadId: string | null; counts: IndicatorImportValidation["counts"]; rows: PreviewRow[]; errors: string[] };
type UploadFailure = { stage: "upload"; errors: string[] };

const previewOf = (v: IndicatorImportValidation) => ({
  counts: v.counts,
  rows: v.rows.map(
    (r): PreviewRow => ({
      rowNumber: r.rowNumber,
      indicator: r.indicator ? { nameFi: r.indicator.nameFi, nameSv: r.indicator.nameSv, nameEn: r.indicator.nameEn } : null,
      indicatorKey: r.indicatorKey,
      area: r.area,
      areaText: r.areaText,
      period: r.period,
      kind: r.kind,
      value: r.value,
      valueText: r.valueText,
      action: r.action,
      errors: r.errors,
    }),
  ),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "indicator.manage" });
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) return confirmImport(request, viewer.id);
  const tooLarge = `indicators.import.errors.tooLarge|${JSON.stringify({ max: MAX_INDICATOR_IMPORT_BYTES / 1024 / 1024 })}`;
  // Refuse an obviously too large upload before reading it.
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_INDICATOR_IMPORT_BYTES + 64 * 1024) {
    return json<UploadFailure>({ stage: "upload", errors: [tooLarge] }, { status: 413 });
  }
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_INDICATOR_IMPORT_BYTES, filter: ({ name }) => name === "file" }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return json<UploadFailure>({ stage: "upload", errors: [tooLarge] }, { status: 413 });
    return json<UploadFailure>({ stage: "upload", errors: ["indicators.import.errors.unreadable"] }, { status: 400 });
  }
  const input = UploadSchema.safeParse({ file: form.get("file") });
  if (!input.success) return json<UploadFailure>({ stage: "upload", errors: [...new Set(input.error.issues.map((i) => i.message))] }, { status: 400 });
  const file = input.data.file;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = parseIndicatorCsv(bytes, file.name);
  if (!parsed.ok) return json<UploadFailure>({ stage: "upload", errors: parsed.errors }, { status: 400 });
  const validation = validateIndicatorImport(parsed.file);
  // Only a file that passed, and changes something, is kept for the confirm step.
  const uploadId = validation.ok && validation.counts.create + validation.counts.update > 0 ? await stashIndicatorUpload(viewer.id, file.name, bytes) : null;
  return json<Preview>({ stage: "preview", filename: file.name, uploadId, errors: [], ...previewOf(validation) }, { status: validation.ok ? 200 : 400 });
}

async function confirmImport(request: Request, userId: string) {
  const parsed = ConfirmSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json<UploadFailure>({ stage: "upload", errors: ["indicators.import.errors.expired"] }, { status: 400 });
  const upload = await loadIndicatorUpload(parsed.data.uploadId, userId);
  if (!upload) return json<UploadFailure>({ stage: "upload", errors: ["indicators.import.errors.expired"] }, { status: 400 });
  const file = parseIndicatorCsv(upload.bytes, upload.filename);
  if (!file.ok) return json<UploadFailure>({ stage: "upload", errors: file.errors }, { status: 400 });
  const result = applyIndicatorImport(userId, file.file, { filename: upload.filename });
  await dropIndicatorUpload(parsed.data.uploadId);
  if (!result.ok) {
    // Something changed between preview and confirm (an indicator removed, say): show it, write nothing.
    return json<Preview>({ stage: "preview", filename: upload.filename, uploadId: null, errors: ["indicators.import.errors.changed"], ...previewOf(result.validation) }, { status: 409 });
  }
  const done = new URLSearchParams({ created: String(result.created), updated: String(result.updated), unchanged: String(result.unchanged) });
  return redirect(`/indicators/import?${done.toString()}`);
}

export default function IndicatorImport() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = useFormat();
  const errorText = useErrorText();
  const { keys, example, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const uploadErrors = actionData?.stage === "upload" ? actionData.errors : null;
  const preview = actionData?.stage === "preview" ? (actionData as Preview) : null;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/indicators" size="sm">
          ← {t("indicators.detail.backToList")}
        </Anchor>
        <Title order={1}>{t("indicators.import.title")}</Title>
        <Text maw={760}>{t("indicators.import.intro")}</Text>
      </div>

      {done ? (
        <Alert color="green" role="status" title={t("indicators.import.done.heading")}>
          <Stack gap="xs">
            <Text>{t("indicators.import.done.message", { created: done.created, updated: done.updated, unchanged: done.unchanged })}</Text>
            <Group>
              <Anchor component={Link} to="/indicators">
                {t("indicators.import.done.toList")}
              </Anchor>
              <Anchor component={Link} to="/indicators/import">
                {t("indicators.import.done.another")}
              </Anchor>
            </Group>
          </Stack>
        </Alert>
      ) : null}

      <Paper withBorder p="md" component="section" aria-labelledby="import-upload">
        <Title order={2} size="h4" id="import-upload" mb="sm">
          {t("indicators.import.upload.heading")}
        </Title>
        <Form method="post" encType="multipart/form-data" aria-labelledby="import-upload">
          <Stack maw={640}>
            {uploadErrors ? <FormErrors errors={uploadErrors} id="import-errors" /> : null}
            <Input.Wrapper id="import-file" label={t("indicators.import.upload.file")} description={t("indicators.import.upload.fileHelp")} required>
              <input
                id="import-file"
                type="file"
                name="file"
                required
                accept=".csv,text/csv"
                aria-describedby="import-file-description"
                aria-invalid={uploadErrors ? true : undefined}
                style={{ display: "block", marginTop: 4 }}
              />
            </Input.Wrapper>
            <Group>
              <Button type="submit" loading={busy && navigation.formEncType === "multipart/form-data"}>
                {t("indicators.import.upload.submit")}
              </Button>
            </Group>
          </Stack>
        </Form>
      </Paper>

      {preview ? (
        <Paper withBorder p="md" component="section" aria-labelledby="import-preview">
          <Stack>
            <Title order={2} size="h4" id="import-preview">
              {t("indicators.import.preview.heading")}
            </Title>
            <Text>{t("indicators.import.preview.summary", { filename: preview.filename, rows: preview.rows.length })}</Text>
            <Group gap="xs">
              <Badge variant="light" color="city">
                {t("indicators.import.preview.create", { count: preview.counts.create })}
              </Badge>
              <Badge variant="light" color="green">
                {t("indicators.import.preview.update", { count: preview.counts.update })}
              </Badge>
              <Badge variant="light" color="dark">
                {t("indicators.import.preview.unchanged", { count: preview.counts.unchanged })}
              </Badge>
              <Badge variant="light" color={preview.counts.errors ? "red" : "dark"}>
                {t("indicators.import.preview.errors", { count: preview.counts.errors })}
              </Badge>
            </Group>
            {preview.errors.length ? <FormErrors errors={preview.errors} /> : null}
            {preview.counts.errors ? (
              <Alert color="red" variant="light" role="alert" title={t("indicators.import.errors.title")}>
                {t("indicators.import.preview.hasErrors")}
              </Alert>
            ) : !preview.uploadId && !preview.errors.length ? (
              <Alert color="blue" variant="light" role="status">
                {t("indicators.import.preview.nothingToDo")}
              </Alert>
            ) : null}

            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <caption>{t("indicators.import.preview.caption")}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("indicators.import.preview.row")}</Table.Th>
                    <Table.Th scope="col">{t("indicators.import.preview.indicator")}</Table.Th>
                    <Table.Th scope="col">{t("indicators.import.preview.area")}</Table.Th>
                    <Table.Th scope="col">{t("indicators.import.preview.period")}</Table.Th>
                    <Table.Th scope="col">{t("indicators.import.preview.kind")}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("indicators.import.preview.value")}
                    </Table.Th>
                    <Table.Th scope="col">{t("indicators.import.preview.action")}</Table.Th>
                    <Table.Th scope="col">{t("indicators.import.preview.problems")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((row) => (
                    <Table.Tr key={row.rowNumber} data-row={row.rowNumber}>
                      <Table.Td>{row.rowNumber}</Table.Td>
                      <Table.Td>{row.indicator ? localName(row.indicator, lang) : row.indicatorKey}</Table.Td>
                      <Table.Td>{row.area ? `${row.area.code} ${localName(row.area, lang)}` : row.areaText && row.errors.length ? row.areaText : t("indicators.detail.cityWide")}</Table.Td>
                      <Table.Td>{row.period}</Table.Td>
                      <Table.Td>{row.kind ? t(`indicators.form.kinds.${row.kind}`) : t("indicators.noValue")}</Table.Td>
                      <Table.Td ta="right">{row.value !== null ? fmt.number(row.value, { maximumFractionDigits: 4 }) : row.valueText}</Table.Td>
                      <Table.Td>{row.errors.length ? t("indicators.noValue") : t(`indicators.import.preview.actions.${row.action}`)}</Table.Td>
                      <Table.Td>
                        {row.errors.length ? (
                          <List size="sm" c="red.9">
                            {row.errors.map((e) => (
                              <List.Item key={e}>{errorText([e])}</List.Item>
                            ))}
                          </List>
                        ) : (
                          t("indicators.import.preview.ok")
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
                  <Text size="sm">{t("indicators.import.preview.confirmHelp")}</Text>
                  <Group>
                    <Button type="submit" color="green" loading={busy && navigation.formEncType !== "multipart/form-data"}>
                      {t("indicators.import.preview.confirm")}
                    </Button>
                    <Anchor component={Link} to="/indicators/import">
                      {t("indicators.import.preview.another")}
                    </Anchor>
                  </Group>
                </Stack>
              </Form>
            ) : null}
          </Stack>
        </Paper>
      ) : null}

      <Paper withBorder p="md" component="section" aria-labelledby="import-columns">
        <Title order={2} size="h4" id="import-columns" mb="sm">
          {t("indicators.import.columnsHeading")}
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <caption className="visually-hidden">{t("indicators.import.columnsCaption")}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("indicators.import.column")}</Table.Th>
                <Table.Th scope="col">{t("indicators.import.meaning")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {COLUMN_DOCS.map(([fi, en]) => (
                <Table.Tr key={fi}>
                  <Table.Th scope="row">
                    <code>{fi}</code> / <code>{en}</code>
                  </Table.Th>
                  <Table.Td>{t(`indicators.import.columns.${en}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="sm" mt="sm">
          {t("indicators.import.columnsNote")}
        </Text>
        <Title order={3} size="h5" mt="md" mb={4} id="import-example">
          {t("indicators.import.exampleHeading")}
        </Title>
        <Code block role="region" aria-labelledby="import-example" tabIndex={0}>
          {example}
        </Code>
        <Title order={3} size="h5" mt="md" mb={4}>
          {t("indicators.import.keysHeading")}
        </Title>
        <List size="sm">
          {keys.map((k) => (
            <List.Item key={k.id}>
              <code>{k.key}</code> – {localName(k, lang)} ({k.unit}, {t(`indicators.resolution.${k.resolution}`)})
            </List.Item>
          ))}
        </List>
      </Paper>
    </Stack>
  );
}
