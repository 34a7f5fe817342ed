// Coordinator's import of measures: upload → preview with per-row errors → confirm. The uploaded
// bytes stay on the server between the steps; the confirm form only carries their random id.
import { Alert, Anchor, Badge, Button, Group, Input, List, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
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
import { applyImport, dropUpload, loadUpload, MAX_IMPORT_BYTES, parseMeasureFile, stashUpload, validateImport, type ValidationResult } from "~/server/measure-io.server";
import { currentPlan, getPlan, listPlans } from "~/server/plans.server";
import { FormErrors, useErrorText } from "~/ui/forms";

const DoneSchema = z.object({
  created: z.coerce.number().int().min(0),
  updated: z.coerce.number().int().min(0),
  unchanged: z.coerce.number().int().min(0),
  plan: z.coerce.number().int().positive(),
});

const UploadSchema = z.object({
  plan: z.coerce.number({ invalid_type_error: "measureIo.errors.noPlan" }).int().positive("measureIo.errors.noPlan"),
  // A browser sends an empty, nameless part when no file was chosen.
  file: z.custom<File>((v) => typeof v === "object" && v !== null && "arrayBuffer" in v && typeof (v as File).name === "string", "measureIo.errors.noFile").refine((f) => f.size > 0 && f.name !== "", "measureIo.errors.noFile"),
});

const ConfirmSchema = z.object({
  intent: z.literal("confirm"),
  uploadId: z.string().min(1).max(64),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} – Lähiturva` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "measure.import" });
  const t = await translatorFor(request);
  const url = new URL(request.url);
  const done = DoneSchema.safeParse(Object.fromEntries(url.searchParams));
  const plans = listPlans({ publicOnly: false }).map((p) => ({ id: p.id, nameFi: p.nameFi, nameSv: p.nameSv, nameEn: p.nameEn }));
  return json({
    pageTitle: t("measureIo.title"),
    plans,
    defaultPlanId: currentPlan({ publicOnly: false })?.id ?? null,
    done: done.success ? done.data : null,
  });
}

type Preview = {
  stage: "preview";
  filename: string;
  planName: { nameFi: string; nameSv: string | null; nameEn: string | null };
  uploadId: string | null;
  counts: ValidationResult["counts"];
  rows: { rowNumber: number; code: string; title: string; action: string; errors: string[] }[];
  errors: string[];
};
type UploadFailure = { stage: "upload"; errors: string[] };

const previewOf = (v: ValidationResult) => ({
  counts: v.counts,
  rows: v.rows.map((r) => ({ rowNumber: r.rowNumber, code: r.code, title: r.title, action: r.action, errors: r.errors })),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "measure.import" });
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) return confirmImport(request, viewer.id);
  const tooLarge = `measureIo.errors.tooLarge|${JSON.stringify({ max: MAX_IMPORT_BYTES / 1024 / 1024 })}`;

  // Refuse an obviously too large upload before reading it.
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) {
    await discardBody(request);
    return json<UploadFailure>({ stage: "upload", errors: [tooLarge] }, { status: 413 });
  }
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES, filter: ({ name }) => name === "file" || name === "plan" }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return json<UploadFailure>({ stage: "upload", errors: [tooLarge] }, { status: 413 });
    return json<UploadFailure>({ stage: "upload", errors: ["measureIo.errors.unreadable"] }, { status: 400 });
  }
  const input = UploadSchema.safeParse({ plan: form.get("plan") || undefined, file: form.get("file") });
  if (!input.success) return json<UploadFailure>({ stage: "upload", errors: [...new Set(input.error.issues.map((i) => i.message))] }, { status: 400 });
  const plan = getPlan(input.data.plan, { publicOnly: false });
  if (!plan) return json<UploadFailure>({ stage: "upload", errors: ["measureIo.errors.noPlan"] }, { status: 400 });

  const file = input.data.file;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = await parseMeasureFile(bytes, file.name);
  if (!parsed.ok) return json<UploadFailure>({ stage: "upload", errors: parsed.errors }, { status: 400 });
  const validation = validateImport(plan.id, parsed.file);
  // Only a file that passed is kept for the confirm step; a broken one is simply shown.
  const uploadId = validation.ok && validation.counts.create + validation.counts.update > 0 ? await stashUpload(viewer.id, plan.id, file.name, bytes) : null;
  return json<Preview>(
    { stage: "preview", filename: file.name, planName: plan, uploadId, errors: [], ...previewOf(validation) },
    { status: validation.ok ? 200 : 400 },
  );
}

/**
 * Reads and drops an upload we refuse: a browser still sending its body would otherwise wait
 * for the connection to time out before it shows our answer. Very large bodies are cut off.
 */
async function discardBody(request: Request, limit = 64 * 1024 * 1024) {
  if (!request.body || request.bodyUsed) return;
  const reader = request.body.getReader();
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > limit) return void (await reader.cancel());
    }
  } catch {
    // the client went away; nothing to answer
  }
}

async function confirmImport(request: Request, userId: string) {
  const parsed = ConfirmSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json<UploadFailure>({ stage: "upload", errors: ["measureIo.errors.expired"] }, { status: 400 });
  const upload = await loadUpload(parsed.data.uploadId, userId);
  const plan = upload ? getPlan(upload.planId, { publicOnly: false }) : null;
  if (!upload || !plan) return json<UploadFailure>({ stage: "upload", errors: ["measureIo.errors.expired"] }, { status: 400 });
  const file = await parseMeasureFile(upload.bytes, upload.filename);
  if (!file.ok) return json<UploadFailure>({ stage: "upload", errors: file.errors }, { status: 400 });
  const result = applyImport(userId, plan.id, file.file, { filename: upload.filename });
  if (!result.ok) {
    // Someone changed the plan between preview and confirm: show the new state, write nothing.
    await dropUpload(parsed.data.uploadId);
    return json<Preview>(
      { stage: "preview", filename: upload.filename, planName: plan, uploadId: null, errors: ["measureIo.errors.changed"], ...previewOf(result.validation) },
      { status: 409 },
    );
  }
  await dropUpload(parsed.data.uploadId);
  const done = new URLSearchParams({ created: String(result.created), updated: String(result.updated), unchanged: String(result.unchanged), plan: String(plan.id) });
  return redirect(`/measures/import?${done.toString()}`);
}

export default function MeasureImport() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorText = useErrorText();
  const { plans, defaultPlanId, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const uploadErrors = actionData?.stage === "upload" ? actionData.errors : null;
  const preview = actionData?.stage === "preview" ? (actionData as Preview) : null;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t("measureIo.title")}</Title>
        <Text maw={720}>{t("measureIo.intro")}</Text>
      </div>

      {done ? (
        <Alert color="green" role="status" title={t("measureIo.done.heading")}>
          <Stack gap="xs">
            <Text>{t("measureIo.done.message", { created: done.created, updated: done.updated, unchanged: done.unchanged })}</Text>
            <Group>
              <Anchor component={Link} to={`/measures?plan=${done.plan}`}>
                {t("measureIo.done.toList")}
              </Anchor>
              <Anchor component={Link} to="/measures/import">
                {t("measureIo.done.another")}
              </Anchor>
            </Group>
          </Stack>
        </Alert>
      ) : null}

      <Paper withBorder p="md" component="section" aria-labelledby="import-upload">
        <Title order={2} size="h4" id="import-upload" mb="sm">
          {t("measureIo.upload.heading")}
        </Title>
        <Form method="post" encType="multipart/form-data" aria-labelledby="import-upload">
          <Stack maw={640}>
            {uploadErrors ? <FormErrors errors={uploadErrors} id="import-errors" /> : null}
            <NativeSelect
              name="plan"
              label={t("measureIo.upload.plan")}
              defaultValue={defaultPlanId ? String(defaultPlanId) : ""}
              required
              data={[{ value: "", label: t("common.choose") }, ...plans.map((p) => ({ value: String(p.id), label: localName(p, lang) }))]}
            />
            <Input.Wrapper id="import-file" label={t("measureIo.upload.file")} description={t("measureIo.upload.fileHelp")} required>
              <input
                id="import-file"
                type="file"
                name="file"
                required
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby="import-file-description import-templates"
                aria-invalid={uploadErrors ? true : undefined}
                style={{ display: "block", marginTop: 4 }}
              />
            </Input.Wrapper>
            <Text size="sm" id="import-templates">
              {t("measureIo.upload.templates")}{" "}
              <Anchor href="/templates/toimenpiteet-malli.csv" download underline="always">
                {t("measureIo.upload.templateCsv")}
              </Anchor>
              {" · "}
              <Anchor href="/templates/toimenpiteet-malli.xlsx" download underline="always">
                {t("measureIo.upload.templateXlsx")}
              </Anchor>
            </Text>
            <Group>
              <Button type="submit" loading={busy && navigation.formEncType === "multipart/form-data"}>
                {t("measureIo.upload.submit")}
              </Button>
            </Group>
          </Stack>
        </Form>
      </Paper>

      {preview ? (
        <Paper withBorder p="md" component="section" aria-labelledby="import-preview">
          <Stack>
            <Title order={2} size="h4" id="import-preview">
              {t("measureIo.preview.heading")}
            </Title>
            <Text>{t("measureIo.preview.summary", { filename: preview.filename, plan: localName(preview.planName, lang), rows: preview.rows.length })}</Text>
            <Group gap="xs">
              <Badge variant="light" color="city">
                {t("measureIo.preview.create", { count: preview.counts.create })}
              </Badge>
              <Badge variant="light" color="green">
                {t("measureIo.preview.update", { count: preview.counts.update })}
              </Badge>
              <Badge variant="light" color="dark">
                {t("measureIo.preview.unchanged", { count: preview.counts.unchanged })}
              </Badge>
              <Badge variant="light" color={preview.counts.errors ? "red" : "dark"}>
                {t("measureIo.preview.errors", { count: preview.counts.errors })}
              </Badge>
            </Group>
            {preview.errors.length ? <FormErrors errors={preview.errors} /> : null}
            {preview.counts.errors ? (
              <Alert color="red" variant="light" role="alert" title={t("measureIo.errors.title")}>
                {t("measureIo.preview.hasErrors")}
              </Alert>
            ) : !preview.uploadId && !preview.errors.length ? (
              <Alert color="city" variant="light" role="status">
                {t("measureIo.preview.nothingToDo")}
              </Alert>
            ) : null}

            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Caption>{t("measureIo.preview.caption")}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("measureIo.preview.row")}</Table.Th>
                    <Table.Th scope="col">{t("measureIo.preview.code")}</Table.Th>
                    <Table.Th scope="col">{t("measureIo.preview.measureTitle")}</Table.Th>
                    <Table.Th scope="col">{t("measureIo.preview.action")}</Table.Th>
                    <Table.Th scope="col">{t("measureIo.preview.problems")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((row) => (
                    <Table.Tr key={row.rowNumber} data-row={row.rowNumber}>
                      <Table.Td>{row.rowNumber}</Table.Td>
                      <Table.Td>{row.code}</Table.Td>
                      <Table.Td>{row.title}</Table.Td>
                      <Table.Td>{row.errors.length ? "–" : t(`measureIo.preview.actions.${row.action}`)}</Table.Td>
                      <Table.Td>
                        {row.errors.length ? (
                          <List size="sm" c="red.9">
                            {row.errors.map((e) => (
                              <List.Item key={e}>{errorText([e])}</List.Item>
                            ))}
                          </List>
                        ) : (
                          t("measureIo.preview.ok")
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
                  <Text size="sm">{t("measureIo.preview.confirmHelp")}</Text>
                  <Group>
                    <Button type="submit" color="green" loading={busy && navigation.formEncType !== "multipart/form-data"}>
                      {t("measureIo.preview.confirm")}
                    </Button>
                    <Anchor component={Link} to="/measures/import">
                      {t("measureIo.preview.another")}
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
