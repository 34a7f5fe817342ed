// Coordinator's import of measures: upload → preview with per-row errors → confirm. The uploaded
// bytes stay on the server between the steps; the confirm form only carries their random id
// (the flow and the page's steps are shared with the other imports: csv-import.server, ui/imports).
import { Anchor, Checkbox, Code, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { detectLanguage } from "~/i18n/i18n.server";
import { MeasureImportDoneSchema, MeasureImportUnpublishedSchema } from "~/forms/measures";
import { positiveIntParam } from "~/forms/params";
import { localName, namesFrom } from "~/i18n/names";
import { translatorFor } from "~/i18n/i18n.server";
import { importDoneUrl, runImport } from "~/server/platform/csv-import.server";
import { authorize } from "~/server/people/guard.server";
import { applyImport, importColumns, MEASURE_IMPORT_FILES, parseMeasureFile, validateImport } from "~/server/city/measure-io.server";
import { currentPlan, getPlan, listPlans } from "~/server/city/plans.server";
import { ImportDone, ImportSteps, importTexts } from "~/ui/imports";
import { DataTable } from "~/ui/TableParts";
import { Panel } from "~/ui/Panel";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pageTitle ?? ""} – Lähiturva` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "measure.import" });
  const t = await translatorFor(request);
  const url = new URL(request.url);
  const done = MeasureImportDoneSchema.safeParse(Object.fromEntries(url.searchParams));
  const plans = listPlans({ publicOnly: false }).map((p) => ({ id: p.id, ...namesFrom(p) }));
  return json({
    pageTitle: t("measureIo.title"),
    plans,
    defaultPlanId: currentPlan({ publicOnly: false })?.id ?? null,
    columns: importColumns(),
    done: done.success ? done.data : null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "measure.import" });
  const lang = await detectLanguage(request);
  // Built here rather than at module level, so the browser build drops it with the action.
  return runImport(request, viewer, {
    ...MEASURE_IMPORT_FILES,
    target: {
      field: "plan",
      fields: ["unpublished"],
      read: (value, form) => {
        const id = positiveIntParam.safeParse(value || undefined);
        const plan = id.success ? getPlan(id.data, { publicOnly: false }) : null;
        const unpublished = MeasureImportUnpublishedSchema.parse(form.get("unpublished") ?? undefined);
        return plan
          ? { ok: true as const, key: { planId: plan.id, unpublished }, target: { plan, unpublished } }
          : { ok: false as const, errors: ["measureIo.errors.noPlan"] };
      },
      load: (key) => {
        const plan = getPlan(key.planId, { publicOnly: false });
        return plan ? { plan, unpublished: key.unpublished } : null;
      },
    },
    parse: parseMeasureFile,
    validate: (file, { plan, unpublished }) => validateImport(plan.id, file, undefined, { unpublished, lang }),
    apply: (actor, file, { plan, unpublished }, filename) => applyImport(actor, plan.id, file, { filename, unpublished, lang }),
    preview: (v, { plan, unpublished }) => ({
      planName: { ...namesFrom(plan) },
      unpublished,
      rows: v.rows.map((r) => ({
        rowNumber: r.rowNumber,
        code: r.code,
        title: r.title,
        action: r.action,
        errors: r.errors,
        warnings: r.warnings,
        changes: r.changes,
      })),
    }),
    done: (r, { plan }) => importDoneUrl("/measures/import", r, { plan: String(plan.id) }),
  });
}

const TEXTS = importTexts("measureIo");

export default function MeasureImport() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { plans, defaultPlanId, done, columns } = useLoaderData<typeof loader>();

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t("measureIo.title")}</Title>
        <Text maw={720}>{t("measureIo.intro")}</Text>
      </div>

      {done ? (
        <ImportDone
          title={t("measureIo.done.heading")}
          message={t("measureIo.done.message", { created: done.created, updated: done.updated, unchanged: done.unchanged })}
          links={[
            { to: `/measures?plan=${done.plan}`, label: t("measureIo.done.toList") },
            { to: "/measures/import", label: t("measureIo.done.another") },
          ]}
        />
      ) : null}

      <ImportSteps
        answer={useActionData<typeof action>()}
        texts={TEXTS}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        fields={
          <>
            <NativeSelect
              name="plan"
              label={t("measureIo.upload.plan")}
              defaultValue={defaultPlanId ? String(defaultPlanId) : ""}
              required
              data={[{ value: "", label: t("common.choose") }, ...plans.map((p) => ({ value: String(p.id), label: localName(p, lang) }))]}
            />
            <Checkbox name="unpublished" label={t("measureIo.upload.unpublished")} description={t("measureIo.upload.unpublishedHelp")} />
          </>
        }
        notes={
          <Text size="sm">
            {t("measureIo.upload.templates")}{" "}
            <Anchor href="/templates/toimenpiteet-malli.csv" download underline="always">
              {t("measureIo.upload.templateCsv")}
            </Anchor>
            {" · "}
            <Anchor href="/templates/toimenpiteet-malli.xlsx" download underline="always">
              {t("measureIo.upload.templateXlsx")}
            </Anchor>
          </Text>
        }
        summary={(preview) =>
          [
            t("measureIo.preview.summary", {
              filename: preview.filename,
              plan: localName(preview.planName, lang),
              rows: preview.rows.length,
            }),
            preview.unpublished ? t("measureIo.preview.unpublishedNote") : "",
          ].join(" ")
        }
        minWidth={960}
        columns={[
          { header: t("measureIo.preview.code"), cell: (row) => row.code },
          { header: t("measureIo.preview.measureTitle"), cell: (row) => row.title },
        ]}
      />
      <Panel titleId="import-columns" title={t("measureIo.guide.heading")} size="h4" mb="xs">
        <Text size="sm" mb="sm" maw={720}>
          {t("measureIo.guide.intro")}
        </Text>
        <DataTable
          caption={t("measureIo.guide.caption")}
          showCaption
          minWidth={640}
          columns={[t("measureIo.guide.column"), t("measureIo.guide.required"), t("measureIo.guide.accepted")]}
          scoped
        >
          {columns.map((c) => (
            <Table.Tr key={c.field}>
              <Table.Th scope="row" fw={400}>
                <Code>{c.fi}</Code> / <Code>{c.en}</Code>
              </Table.Th>
              <Table.Td>{c.required ? t("measureIo.guide.yes") : ""}</Table.Td>
              <Table.Td>{t(`measureIo.guide.fields.${c.field}`)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Panel>
    </Stack>
  );
}
