// Coordinator's import of measures: upload → preview with per-row errors → confirm. The uploaded
// bytes stay on the server between the steps; the confirm form only carries their random id
// (the flow and the page's steps are shared with the other imports: csv-import.server, ui/imports).
import { Anchor, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { localName } from "~/i18n/names";
import { translatorFor } from "~/i18n/i18n.server";
import { runImport } from "~/server/csv-import.server";
import { authorize } from "~/server/guard.server";
import { applyImport, MEASURE_IMPORT_FILES, parseMeasureFile, validateImport } from "~/server/measure-io.server";
import { currentPlan, getPlan, listPlans } from "~/server/plans.server";
import { ImportDone, ImportSteps, importTexts } from "~/ui/imports";

const DoneSchema = z.object({
  created: z.coerce.number().int().min(0),
  updated: z.coerce.number().int().min(0),
  unchanged: z.coerce.number().int().min(0),
  plan: z.coerce.number().int().positive(),
});

const PlanId = z.coerce.number().int().positive();

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

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "measure.import" });
  // Built here rather than at module level, so the browser build drops it with the action.
  return runImport(request, viewer.id, {
    ...MEASURE_IMPORT_FILES,
    target: {
      field: "plan",
      read: (value) => {
        const id = PlanId.safeParse(value || undefined);
        const plan = id.success ? getPlan(id.data, { publicOnly: false }) : null;
        return plan ? { ok: true as const, key: plan.id, target: plan } : { ok: false as const, errors: ["measureIo.errors.noPlan"] };
      },
      load: (planId) => getPlan(planId, { publicOnly: false }),
    },
    parse: parseMeasureFile,
    validate: (file, plan) => validateImport(plan.id, file),
    apply: (userId, file, plan, filename) => applyImport(userId, plan.id, file, { filename }),
    preview: (v, plan) => ({
      planName: { nameFi: plan.nameFi, nameSv: plan.nameSv, nameEn: plan.nameEn },
      rows: v.rows.map((r) => ({ rowNumber: r.rowNumber, code: r.code, title: r.title, action: r.action, errors: r.errors })),
    }),
    done: (r, plan) => `/measures/import?${new URLSearchParams({ created: String(r.created), updated: String(r.updated), unchanged: String(r.unchanged), plan: String(plan.id) })}`,
  });
}

const TEXTS = importTexts("measureIo");

export default function MeasureImport() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { plans, defaultPlanId, done } = useLoaderData<typeof loader>();

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
          <NativeSelect
            name="plan"
            label={t("measureIo.upload.plan")}
            defaultValue={defaultPlanId ? String(defaultPlanId) : ""}
            required
            data={[{ value: "", label: t("common.choose") }, ...plans.map((p) => ({ value: String(p.id), label: localName(p, lang) }))]}
          />
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
        summary={(preview) => t("measureIo.preview.summary", { filename: preview.filename, plan: localName(preview.planName, lang), rows: preview.rows.length })}
        columns={[
          { header: t("measureIo.preview.code"), cell: (row) => row.code },
          { header: t("measureIo.preview.measureTitle"), cell: (row) => row.title },
        ]}
      />
    </Stack>
  );
}
