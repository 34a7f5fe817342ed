// Coordinator's import of organisations from a CSV or XLSX file, through the shared flow:
// upload → preview with each row's field changes → confirm (all or nothing, audited).
import { Code, List, Stack, Text } from "@mantine/core";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImportDoneSchema } from "~/forms/params";
import { ORGANISATION_KINDS } from "../../db/schema";
import { translatorFor } from "~/i18n/i18n.server";
import { importDoneUrl, runImport } from "~/server/platform/csv-import.server";
import { authorize } from "~/server/people/guard.server";
import {
  applyOrganisationImport,
  ORGANISATION_IMPORT_FILES,
  parseOrganisationFile,
  validateOrganisationImport,
} from "~/server/city/organisation-import.server";
import { FieldChanges } from "~/ui/field-diff";
import { ImportDone, ImportSteps, importTexts } from "~/ui/imports";
import { Panel } from "~/ui/Panel";
import { PageHeading } from "~/ui/PageHeading";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} – Lähiturva` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "admin.manageOrganisations" });
  const t = await translatorFor(request);
  const done = ImportDoneSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  return json({ pageTitle: t("cityData.organisationImport.title"), done: done.success ? done.data : null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "admin.manageOrganisations" });
  return runImport(request, viewer, {
    ...ORGANISATION_IMPORT_FILES,
    parse: parseOrganisationFile,
    validate: (file) => validateOrganisationImport(file),
    apply: (actor, file, _target, filename) => applyOrganisationImport(actor, file, { filename }),
    preview: (v) => ({
      rows: v.rows.map((r) => ({
        rowNumber: r.rowNumber,
        nameFi: r.nameFi,
        kind: r.kind,
        changes: r.changes,
        action: r.action,
        errors: r.errors,
      })),
    }),
    done: (r) => importDoneUrl("/admin/organisations/import", r),
  });
}

const TEXTS = importTexts("cityData.organisationImport");
// Listed here, not imported from the server module: the browser bundle has no server modules.
const COLUMNS = ["name_fi", "name_sv", "name_en", "short_name", "kind"] as const;

export default function OrganisationImport() {
  const { t } = useTranslation();
  const { done } = useLoaderData<typeof loader>();
  const kinds = ORGANISATION_KINDS.join(", ");
  return (
    <Stack gap="lg">
      <PageHeading order={2} title={t("cityData.organisationImport.title")} intro={t("cityData.organisationImport.intro")} />
      {done ? (
        <ImportDone
          message={t("cityData.organisationImport.done", done)}
          links={[{ to: "/admin/organisations", label: t("cityData.organisationImport.toList") }]}
        />
      ) : null}
      <Panel order={3} mb="xs" titleId="org-import-columns" title={t("cityData.organisationImport.columnsTitle")}>
        <List size="sm" spacing={4}>
          {COLUMNS.map((c) => (
            <List.Item key={c}>
              <Code>{c}</Code> – {t(`cityData.organisationImport.columns.${c}`, { kinds })}
            </List.Item>
          ))}
        </List>
        <Text size="sm" mt="xs">
          {t("cityData.organisationImport.rules")}
        </Text>
      </Panel>
      <ImportSteps
        id="org-import"
        headingOrder={3}
        answer={useActionData<typeof action>()}
        texts={TEXTS}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        summary={(preview) => t("cityData.organisationImport.preview.summary", { filename: preview.filename, rows: preview.rows.length })}
        columns={[
          { header: t("cityData.organisationImport.name"), cell: (row) => row.nameFi || "–" },
          { header: t("cityData.organisationImport.kind"), cell: (row) => (row.kind ? t(`organisationKinds.${row.kind}`) : "–") },
          {
            header: t("cityData.diff.title"),
            cell: (row) =>
              row.errors.length ? (
                "–"
              ) : (
                <FieldChanges
                  changes={row.changes}
                  format={(field, value) => (field === "kind" ? t(`organisationKinds.${value}`) : value)}
                />
              ),
          },
        ]}
      />
    </Stack>
  );
}
