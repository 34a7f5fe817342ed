// Import of indicator values and targets from CSV: upload → preview with per-row errors → confirm.
// The uploaded bytes stay on the server between the steps (tied to the uploader); the confirm form
// carries only their random id, so rows are never taken from the browser (the flow and the page's
// steps are shared with the other imports: csv-import.server, ui/imports).
import { Anchor, Code, List, Stack, Table, Text, Title } from "@mantine/core";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImportDoneSchema } from "~/forms/params";
import { localName, namesFrom } from "~/i18n/names";
import { translatorFor } from "~/i18n/i18n.server";
import { importDoneUrl, runImport } from "~/server/platform/csv-import.server";
import { authorize } from "~/server/people/guard.server";
import {
  applyIndicatorImport,
  INDICATOR_IMPORT_FILES,
  indicatorTemplateCsv,
  listIndicators,
  parseIndicatorCsv,
  validateIndicatorImport,
} from "~/server/city/indicators.server";
import { useFigureText } from "~/ui/indicators/figures";
import { ImportDone, ImportSteps, importTexts } from "~/ui/imports";
import { DataTable } from "~/ui/TableParts";
import { Panel } from "~/ui/Panel";
import { PageHeading } from "~/ui/PageHeading";

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
  const done = ImportDoneSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const keys = listIndicators().map((i) => ({
    id: i.id,
    key: i.key,
    ...namesFrom(i),
    resolution: i.resolution,
    unit: i.unit,
  }));
  // An example file to copy from, made of the city's own indicator keys (without the BOM).
  const example = indicatorTemplateCsv()
    .replace(/^\uFEFF/, "")
    .trimEnd();
  return json({ pageTitle: t("indicators.import.title"), keys, example, done: done.success ? done.data : null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "indicator.manage" });
  // Built here rather than at module level, so the browser build drops it with the action.
  return runImport(request, viewer, {
    ...INDICATOR_IMPORT_FILES,
    parse: parseIndicatorCsv,
    validate: (file) => validateIndicatorImport(file),
    apply: (actor, file, _target, filename) => applyIndicatorImport(actor, file, { filename }),
    // Of an indicator, only its names are shown.
    preview: (v) => ({
      rows: v.rows.map(({ indicator, ...row }) => ({
        ...row,
        indicator: indicator && { ...namesFrom(indicator) },
      })),
    }),
    done: (r) => importDoneUrl("/indicators/import", r),
  });
}

const TEXTS = importTexts("indicators.import");

export default function IndicatorImport() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const figure = useFigureText();
  const { keys, example, done } = useLoaderData<typeof loader>();

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/indicators" size="sm">
          ← {t("indicators.detail.backToList")}
        </Anchor>
        <PageHeading title={t("indicators.import.title")} intro={t("indicators.import.intro")} />
      </div>

      {done ? (
        <ImportDone
          title={t("indicators.import.done.heading")}
          message={t("indicators.import.done.message", { created: done.created, updated: done.updated, unchanged: done.unchanged })}
          links={[
            { to: "/indicators", label: t("indicators.import.done.toList") },
            { to: "/indicators/import", label: t("indicators.import.done.another") },
          ]}
        />
      ) : null}

      <ImportSteps
        answer={useActionData<typeof action>()}
        texts={TEXTS}
        accept=".csv,text/csv"
        summary={(preview) => t("indicators.import.preview.summary", { filename: preview.filename, rows: preview.rows.length })}
        columns={[
          {
            header: t("indicators.import.preview.indicator"),
            cell: (row) => (row.indicator ? localName(row.indicator, lang) : row.indicatorKey),
          },
          {
            header: t("indicators.import.preview.area"),
            cell: (row) =>
              row.area
                ? `${row.area.label.split(" ")[0]} ${localName(row.area, lang)}`
                : row.areaText && row.errors.length
                  ? row.areaText
                  : t("indicators.detail.cityWide"),
          },
          { header: t("indicators.import.preview.period"), cell: (row) => row.period },
          {
            header: t("indicators.import.preview.kind"),
            cell: (row) => (row.kind ? t(`indicators.form.kinds.${row.kind}`) : t("indicators.noValue")),
          },
          {
            header: t("indicators.import.preview.value"),
            numeric: true,
            // An update shows the stored value it replaces: old → new.
            cell: (row) =>
              row.clear
                ? `${row.previous ? figure(row.previous) : ""} → ${t("measureIo.preview.emptyValue")}`
                : row.figure
                  ? row.previous
                    ? `${figure(row.previous)} → ${figure(row.figure)}`
                    : figure(row.figure)
                  : row.valueText,
          },
        ]}
        minWidth={720}
      />

      <Panel titleId="import-columns" title={t("indicators.import.columnsHeading")} size="h4">
        <DataTable
          caption={t("indicators.import.columnsCaption")}
          minWidth={560}
          striped={false}
          columns={[t("indicators.import.column"), t("indicators.import.meaning")]}
          scoped
        >
          {COLUMN_DOCS.map(([fi, en]) => (
            <Table.Tr key={fi}>
              <Table.Th scope="row">
                <code>{fi}</code> / <code>{en}</code>
              </Table.Th>
              <Table.Td>{t(`indicators.import.columns.${en}`)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
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
      </Panel>
    </Stack>
  );
}
