// Download of the measure list as CSV or XLSX, with the same filters as the list page.
// Anyone may export; people who may not see every measure get exactly what the public list shows.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { MeasureExportFormatSchema, measureListFilter, parseMeasureListQuery } from "~/forms/measures";
import { detectLanguage, translatorFor } from "~/i18n/i18n.server";
import { badRequest, getViewer, notFound } from "~/server/people/guard.server";
import { exportMeasures, toCsv, toXlsx } from "~/server/city/measure-io.server";
import { helsinkiDate } from "~/server/city/measure-rules";
import { resolvePlan } from "~/server/city/measure-views.server";
import { downloadResponse } from "~/server/platform/downloads.server";

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const url = new URL(request.url);
  const format = MeasureExportFormatSchema.safeParse(url.searchParams.get("format") ?? undefined);
  if (!format.success) badRequest();
  const query = parseMeasureListQuery(url);
  const { plan, publicOnly } = resolvePlan(query.plan, viewer);
  // A plan named in the URL that the viewer may not see does not exist for them.
  if (query.plan && !plan) notFound();
  const lang = await detectLanguage(request);
  const t = await translatorFor(request);
  const rows = plan ? exportMeasures(measureListFilter(plan.id, query), { publicOnly, lang }) : [];
  const body = format.data === "csv" ? toCsv(rows, t, { lang }) : new Uint8Array(await toXlsx(rows, t, { lang }));
  const name = `toimenpiteet-${helsinkiDate()}.${format.data}`;
  return downloadResponse(body, { type: CONTENT_TYPES[format.data], name, cacheControl: "no-store" });
}
