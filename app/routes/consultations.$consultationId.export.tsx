// `/consultations/<id>/export?format=csv|xlsx`: the results as a spreadsheet, for exactly those
// who may read them (the same rule as the results page): aggregates and approved texts, no names.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ResultsExportFormatSchema } from "~/forms/consultations";
import { detectLanguage, translatorFor } from "~/i18n/i18n.server";
import { consultationResultsFor, resultRows, resultsCsv, resultsXlsx } from "~/server/consultations/results.server";
import { badRequest, forbidden, getViewer, idParam, notFound } from "~/server/people/guard.server";
import { downloadResponse } from "~/server/platform/downloads.server";

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const format = ResultsExportFormatSchema.safeParse(new URL(request.url).searchParams.get("format") ?? undefined);
  if (!format.success) badRequest();
  const found = consultationResultsFor(viewer, idParam(params.consultationId));
  if (found === "notFound") notFound();
  if (found === "forbidden") forbidden();
  const t = (await translatorFor(request)) as unknown as (key: string, params?: Record<string, unknown>) => string;
  const rows = resultRows(found.results, t, await detectLanguage(request));
  const body = format.data === "csv" ? resultsCsv(rows) : new Uint8Array(await resultsXlsx(rows, t("consultations.export.sheet")));
  const name = `kysely-${found.consultation.id}-tulokset.${format.data}`;
  return downloadResponse(body, { type: CONTENT_TYPES[format.data], name, cacheControl: "no-store" });
}
