// Coordinator's import of the district hierarchy: upload a CSV → preview with per-row errors →
// confirm. Like the measure import (and with the same shared flow and steps: csv-import.server,
// ui/imports), the uploaded bytes wait on the server between the steps (only for their uploader,
// an hour at most) and are validated again inside the one transaction that writes; nothing is
// written if any row is broken.
import { Anchor, Badge, Code, List, Stack, Text } from "@mantine/core";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImportDoneSchema } from "~/forms/params";
import { translatorFor } from "~/i18n/i18n.server";
import { AREA_IMPORT_FILES } from "~/server/city/areas.server";
import { importDoneUrl, runImport } from "~/server/platform/csv-import.server";
import { applyAreaFile, MAX_BOUNDARY_BYTES, parseAreaFile, validateAreaFile } from "~/server/city/area-boundaries.server";
import { authorize } from "~/server/people/guard.server";
import { FieldChanges } from "~/ui/field-diff";
import { ImportDone, ImportSteps, type ImportTexts } from "~/ui/imports";
import { Panel } from "~/ui/Panel";
import { PageHeading } from "~/ui/PageHeading";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} – Lähiturva` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "areas.import" });
  const t = await translatorFor(request);
  const done = ImportDoneSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  return json({ pageTitle: t("neighbourhood.areaImport.title"), done: done.success ? done.data : null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "areas.import" });
  // Built here rather than at module level, so the browser build drops it with the action.
  // A GeoJSON file carries the areas' boundaries (matched by level and code); a CSV the hierarchy.
  return runImport(request, viewer, {
    ...AREA_IMPORT_FILES,
    maxBytes: MAX_BOUNDARY_BYTES,
    parse: parseAreaFile,
    validate: (file) => validateAreaFile(file),
    apply: (actor, file, _target, filename) => applyAreaFile(actor, file, { filename }),
    preview: (v) => ({
      rows: v.rows.map((r) => ({
        rowNumber: r.rowNumber,
        level: r.level,
        code: r.code,
        nameFi: r.nameFi,
        parentCode: r.parentCode,
        former: r.former,
        changes: r.changes,
        action: r.action,
        errors: r.errors,
      })),
    }),
    done: (r) => importDoneUrl("/admin/areas/import", r),
  });
}

// The area import's texts predate the shared layout (importTexts), so they are named one by one.
const TEXTS: ImportTexts = {
  upload: {
    heading: "neighbourhood.areaImport.uploadTitle",
    file: "neighbourhood.areaImport.file",
    fileHelp: "neighbourhood.areaImport.fileHelp",
    submit: "neighbourhood.areaImport.upload",
  },
  preview: {
    heading: "neighbourhood.areaImport.previewTitle",
    counts: {
      create: "neighbourhood.areaImport.counts.create",
      update: "neighbourhood.areaImport.counts.update",
      unchanged: "neighbourhood.areaImport.counts.unchanged",
      errors: "neighbourhood.areaImport.counts.errors",
    },
    hasErrors: "neighbourhood.areaImport.hasErrors",
    nothingToDo: "neighbourhood.areaImport.nothingToDo",
    caption: "neighbourhood.areaImport.caption",
    row: "neighbourhood.areaImport.row",
    action: "neighbourhood.areaImport.action",
    problems: "neighbourhood.areaImport.problems",
    actions: "neighbourhood.areaImport.actions",
    ok: "neighbourhood.areaImport.ok",
    confirmHelp: "neighbourhood.areaImport.confirmHelp",
    confirm: "neighbourhood.areaImport.confirm",
    another: "neighbourhood.areaImport.another",
  },
};

// Listed here, not imported from areas.server: the browser bundle has no server modules.
const COLUMNS = ["level", "code", "name_fi", "name_sv", "parent_code", "valid_from", "valid_until"] as const;

export default function AreaImport() {
  const { t } = useTranslation();
  const { done } = useLoaderData<typeof loader>();

  return (
    <Stack gap="lg">
      <PageHeading order={2} title={t("neighbourhood.areaImport.title")} intro={t("neighbourhood.areaImport.intro")} />
      {done ? (
        <ImportDone
          message={t("neighbourhood.areaImport.done", done)}
          links={[
            { to: "/admin/areas", label: t("cityData.areas.title") },
            { to: "/areas", label: t("neighbourhood.areaImport.toAreas") },
          ]}
        />
      ) : null}

      <Panel order={3} mb="xs" titleId="area-import-columns" title={t("neighbourhood.areaImport.columnsTitle")}>
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
          {t("observations.boundaries.help")}
        </Text>
        <Text size="sm" mt="xs">
          <Anchor href="/templates/aluejako-malli.csv" download underline="always">
            {t("neighbourhood.areaImport.template")}
          </Anchor>
        </Text>
      </Panel>

      <ImportSteps
        id="area-import"
        headingOrder={3}
        answer={useActionData<typeof action>()}
        texts={TEXTS}
        accept=".csv,text/csv,.geojson,.json,application/geo+json"
        summary={(preview) => t("neighbourhood.areaImport.summary", { filename: preview.filename, rows: preview.rows.length })}
        columns={[
          { header: t("neighbourhood.areaImport.level"), cell: (row) => (row.level ? t(`areaLevels.${row.level}`) : "–") },
          { header: t("neighbourhood.areaImport.code"), cell: (row) => row.code },
          {
            header: t("neighbourhood.areaImport.name"),
            cell: (row) => (
              <>
                {row.nameFi}
                {row.former ? (
                  <Badge ml="xs" variant="light" color="dark">
                    {t("cityData.former")}
                  </Badge>
                ) : null}
              </>
            ),
          },
          { header: t("neighbourhood.areaImport.parent"), cell: (row) => row.parentCode ?? "–" },
          { header: t("cityData.diff.title"), cell: (row) => (row.errors.length ? "–" : <FieldChanges changes={row.changes} />) },
        ]}
      />
    </Stack>
  );
}
