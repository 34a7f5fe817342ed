// The pages of the file imports (measures, indicator values, the area hierarchy) share their steps:
// the upload form, the preview of every row with its errors and the counts, the confirm button, and
// the message after a finished import. Each page gives its own texts (translation keys) and the
// columns of its rows; the server side is app/server/platform/csv-import.server.ts.
import { Alert, Anchor, Badge, Button, Group, Input, List, Paper, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { Form, Link, useLocation, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormErrors, useErrorText, IntentForm, SubmitRow } from "~/ui/forms";

const UPLOAD = "multipart/form-data";

/** After a finished import: what was done, and where to go next. */
export function ImportDone({ title, message, links }: { title?: string; message: string; links: { to: string; label: string }[] }) {
  return (
    <Alert color="green" role="status" title={title}>
      <Stack gap="xs">
        <Text>{message}</Text>
        <Group>
          {links.map((link) => (
            <Anchor key={link.to} component={Link} to={link.to}>
              {link.label}
            </Anchor>
          ))}
        </Group>
      </Stack>
    </Alert>
  );
}

type Heading = { /** Prefix of the element ids ("import" → import-upload, import-file…). */ id: string; headingOrder: 2 | 3 };

/** Translation keys of the upload step's texts. */
export type UploadTexts = { heading: string; file: string; fileHelp: string; submit: string };

/**
 * Step 1: choose the file. `children` come before the file input (the measure import's plan),
 * `notes` after it, and they describe it too (the templates).
 */
function ImportUpload(
  props: Heading & { texts: UploadTexts; errors: string[] | null; accept: string; children?: ReactNode; notes?: ReactNode },
) {
  const { id, errors, texts } = props;
  const { t } = useTranslation();
  const navigation = useNavigation();
  const describedBy = [`${id}-file-description`, props.notes ? `${id}-file-notes` : null, errors?.length ? `${id}-errors` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-upload`}>
      <Title order={props.headingOrder} size="h4" id={`${id}-upload`} mb="sm">
        {t(texts.heading)}
      </Title>
      <Form method="post" encType={UPLOAD} aria-labelledby={`${id}-upload`}>
        <Stack maw={640}>
          {errors ? <FormErrors errors={errors} id={`${id}-errors`} /> : null}
          {props.children}
          <Input.Wrapper id={`${id}-file`} label={t(texts.file)} description={t(texts.fileHelp)} required>
            <input
              id={`${id}-file`}
              type="file"
              name="file"
              required
              accept={props.accept}
              aria-describedby={describedBy}
              aria-invalid={errors ? true : undefined}
              style={{ display: "block", marginTop: 4 }}
            />
          </Input.Wrapper>
          {props.notes ? <div id={`${id}-file-notes`}>{props.notes}</div> : null}
          <SubmitRow label={t(texts.submit)} busy={navigation.state === "submitting" && navigation.formEncType === UPLOAD} />
        </Stack>
      </Form>
    </Paper>
  );
}

/** Translation keys of the preview's texts. `actions` is a prefix: `${actions}.create`, `.update`, `.unchanged`. */
export type PreviewTexts = {
  heading: string;
  counts: { create: string; update: string; unchanged: string; errors: string };
  /** Title of the alert when rows are broken. */
  errorsTitle?: string;
  hasErrors: string;
  nothingToDo: string;
  caption: string;
  row: string;
  action: string;
  problems: string;
  actions: string;
  ok: string;
  confirmHelp: string;
  confirm: string;
  another: string;
  /**
   * The per-field changes of a row (shown when the rows carry `changes`): the column's heading,
   * the "no changes" text, the word read out between old and new value, and an empty value.
   */
  changes?: { heading: string; none: string; becomes: string; empty: string };
  /** The heading of a row's warnings (shown when the rows carry `warnings`). */
  warnings?: string;
};

export type ImportTexts = { upload: UploadTexts; preview: PreviewTexts };

/**
 * The texts of a feature that keeps them as the measure import does: `${prefix}.upload.heading`…,
 * `${prefix}.preview.heading`…, and the broken-rows alert's title `${prefix}.errors.title`.
 */
export function importTexts(prefix: string): ImportTexts {
  const key = (name: string) => `${prefix}.preview.${name}`;
  return {
    upload: {
      heading: `${prefix}.upload.heading`,
      file: `${prefix}.upload.file`,
      fileHelp: `${prefix}.upload.fileHelp`,
      submit: `${prefix}.upload.submit`,
    },
    preview: {
      heading: key("heading"),
      counts: { create: key("create"), update: key("update"), unchanged: key("unchanged"), errors: key("errors") },
      errorsTitle: `${prefix}.errors.title`,
      hasErrors: key("hasErrors"),
      nothingToDo: key("nothingToDo"),
      caption: key("caption"),
      row: key("row"),
      action: key("action"),
      problems: key("problems"),
      actions: key("actions"),
      ok: key("ok"),
      confirmHelp: key("confirmHelp"),
      confirm: key("confirm"),
      another: key("another"),
      changes: { heading: key("changes"), none: key("noChanges"), becomes: key("becomes"), empty: key("emptyValue") },
      warnings: key("warnings"),
    },
  };
}

/** A shown value of a field change: text as it is, a translation key, or nothing. */
export type ChangeValue = string | { key: string } | null;
/** One field a row changes: `field` is the translation key of the field's label. */
export type FieldChange = { field: string; from: ChangeValue; to: ChangeValue };
/**
 * A preview row. `changes` (when the feature gives them) lists exactly what a create or update
 * would change, field by field; an empty list is "no changes". `warnings` are translation keys
 * of things to look at that do not stop the import.
 */
export type PreviewRow = { rowNumber: number; action: string; errors: string[]; changes?: FieldChange[]; warnings?: string[] };

/** A row's field changes: "Kuvaus: old → new", with the arrow read out as a word. */
function FieldChanges({ changes, texts }: { changes: FieldChange[]; texts: NonNullable<PreviewTexts["changes"]> }) {
  const { t } = useTranslation();
  if (!changes.length) return <Text size="sm">{t(texts.none)}</Text>;
  const shown = (v: ChangeValue) => (v === null || v === "" ? t(texts.empty) : typeof v === "string" ? v : t(v.key));
  return (
    <List size="sm" spacing={2} listStyleType="none" withPadding={false}>
      {changes.map((c) => (
        <List.Item key={c.field} data-field={c.field}>
          <Text span fw={600} size="sm">
            {t(c.field)}
          </Text>
          {": "}
          <Text span size="sm" component="del" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
            {shown(c.from)}
          </Text>{" "}
          <span aria-hidden="true">→</span>
          <VisuallyHidden>{t(texts.becomes)}</VisuallyHidden>{" "}
          <Text span size="sm" component="ins" style={{ textDecoration: "none", whiteSpace: "pre-wrap" }}>
            {shown(c.to)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
/** A column of the feature's own between the row number and the action; `numeric` aligns it right. */
export type PreviewColumn<R> = { header: string; cell: (row: R) => ReactNode; numeric?: boolean };

type Preview<R> = {
  filename: string;
  uploadId: string | null;
  counts: { create: number; update: number; unchanged: number; errors: number };
  rows: R[];
  errors: string[];
};

/**
 * Step 2: every row of the file with what the import would do with it or what is wrong with it,
 * the counts, and the confirm button when the file is good and changes something. Confirming
 * sends only the id of the upload the server kept.
 */
function ImportPreview<R extends PreviewRow>(
  props: Heading & {
    preview: Preview<R>;
    texts: PreviewTexts;
    summary: string;
    columns: PreviewColumn<R>[];
    minWidth: number;
    againTo: string;
  },
) {
  const { preview, texts, id } = props;
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const withChanges = !!texts.changes && preview.rows.some((r) => r.changes !== undefined);
  const counts = [
    ["create", "city"],
    ["update", "green"],
    ["unchanged", "dark"],
    ["errors", preview.counts.errors ? "red" : "dark"],
  ] as const;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-preview`}>
      <Stack>
        <Title order={props.headingOrder} size="h4" id={`${id}-preview`}>
          {t(texts.heading)}
        </Title>
        <Text>{props.summary}</Text>
        <Group gap="xs">
          {counts.map(([kind, color]) => (
            <Badge key={kind} variant="light" color={color}>
              {t(texts.counts[kind], { count: preview.counts[kind] })}
            </Badge>
          ))}
        </Group>
        {preview.errors.length ? <FormErrors errors={preview.errors} /> : null}
        {preview.counts.errors ? (
          <Alert color="red" variant="light" role="alert" title={texts.errorsTitle ? t(texts.errorsTitle) : undefined}>
            {t(texts.hasErrors)}
          </Alert>
        ) : !preview.uploadId && !preview.errors.length ? (
          <Alert color="city" variant="light" role="status">
            {t(texts.nothingToDo)}
          </Alert>
        ) : null}

        {/* A wide preview scrolls sideways: its viewport takes keyboard focus so it can be scrolled without a mouse. */}
        <Table.ScrollContainer
          minWidth={props.minWidth}
          scrollAreaProps={{ viewportProps: { tabIndex: 0, role: "region", "aria-label": t(texts.caption) } }}
        >
          <Table striped>
            <Table.Caption>{t(texts.caption)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(texts.row)}</Table.Th>
                {props.columns.map((c) => (
                  <Table.Th key={c.header} scope="col" ta={c.numeric ? "right" : undefined}>
                    {c.header}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t(texts.action)}</Table.Th>
                {withChanges ? <Table.Th scope="col">{t(texts.changes!.heading)}</Table.Th> : null}
                <Table.Th scope="col">{t(texts.problems)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((row) => (
                <Table.Tr key={row.rowNumber} data-row={row.rowNumber}>
                  <Table.Td>{row.rowNumber}</Table.Td>
                  {props.columns.map((c) => (
                    <Table.Td key={c.header} ta={c.numeric ? "right" : undefined}>
                      {c.cell(row)}
                    </Table.Td>
                  ))}
                  <Table.Td>{row.errors.length ? "–" : t(`${texts.actions}.${row.action}`)}</Table.Td>
                  {withChanges ? (
                    <Table.Td data-changes>
                      {row.errors.length || !row.changes ? "–" : <FieldChanges changes={row.changes} texts={texts.changes!} />}
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    {row.errors.length ? (
                      <List size="sm" c="red.9">
                        {row.errors.map((e) => (
                          <List.Item key={e}>{errorText([e])}</List.Item>
                        ))}
                      </List>
                    ) : row.warnings?.length ? null : (
                      t(texts.ok)
                    )}
                    {row.warnings?.length ? (
                      <div data-warnings>
                        <Text size="sm" fw={600} c="orange.9">
                          {t(texts.warnings ?? texts.problems)}
                        </Text>
                        <List size="sm" c="orange.9">
                          {row.warnings.map((w) => (
                            <List.Item key={w}>{errorText([w])}</List.Item>
                          ))}
                        </List>
                      </div>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>

        {preview.uploadId ? (
          <IntentForm intent="confirm" values={{ uploadId: preview.uploadId }}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t(texts.confirmHelp)}</Text>
              <Group>
                <Button type="submit" color="green" loading={navigation.state === "submitting" && navigation.formEncType !== UPLOAD}>
                  {t(texts.confirm)}
                </Button>
                <Anchor component={Link} to={props.againTo}>
                  {t(texts.another)}
                </Anchor>
              </Group>
            </Stack>
          </IntentForm>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The action's answer: the upload step's errors, or the preview with the feature's rows. */
type Answer = { stage: "upload"; errors: string[] } | (Preview<PreviewRow> & { stage: "preview" });
type PreviewOf<A> = Extract<A, { stage: "preview" }>;

/**
 * An import page's steps: the upload form (with `fields` before the file input and `notes` after
 * it) and, once the action has answered, the preview of the file's rows with the feature's own
 * `columns` and its `summary` line. `answer` is the page's useActionData(). Ids start with "import"
 * and the step headings are h2 unless the page says otherwise.
 */
export function ImportSteps<A extends Answer>(
  props: Partial<Heading> & {
    answer: A | undefined;
    texts: ImportTexts;
    accept: string;
    fields?: ReactNode;
    notes?: ReactNode;
    summary: (preview: PreviewOf<A>) => string;
    columns: PreviewColumn<PreviewOf<A>["rows"][number]>[];
    /** Of the preview table, before it scrolls sideways. */
    minWidth?: number;
  },
) {
  const { answer, id = "import", headingOrder = 2 } = props;
  const { pathname } = useLocation();
  const preview = answer?.stage === "preview" ? (answer as PreviewOf<A>) : null;
  return (
    <>
      <ImportUpload
        id={id}
        headingOrder={headingOrder}
        texts={props.texts.upload}
        errors={answer?.stage === "upload" ? answer.errors : null}
        accept={props.accept}
        notes={props.notes}
      >
        {props.fields}
      </ImportUpload>
      {preview ? (
        <ImportPreview
          id={id}
          headingOrder={headingOrder}
          preview={preview}
          texts={props.texts.preview}
          summary={props.summary(preview)}
          columns={props.columns}
          minWidth={props.minWidth ?? 640}
          againTo={pathname}
        />
      ) : null}
    </>
  );
}
