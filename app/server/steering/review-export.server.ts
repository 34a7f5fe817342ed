// Exports of a status review: a printable PDF (rendered in a worker thread and cached once the
// review is frozen) and an XLSX of its measure table.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { TFunction } from "i18next";
import { INTL_LOCALE, isLanguage, type Language } from "~/i18n/config";
import { localName } from "~/i18n/names";
import { config } from "../platform/config.server";
import type { PdfLabels } from "./review-pdf";
import { STATUS_COLUMN_KEYS } from "../city/measure-rules";
import { countSentence } from "~/ui/measures/CountSentence";
import type { ReviewView } from "./reviews.server";
import { reviewFileName, reviewTitleIn } from "./review-titles";
import { attachmentHeader } from "../platform/downloads.server";
import { nameOrNull } from "../../i18n/names";

const WORKER_FILE = resolve("app/server/steering/review-pdf.worker.ts");
/** Part of a frozen review's cached file name: a new layout renders the PDFs again. */
const PDF_LAYOUT = "tagged1";

/**
 * The Content-Disposition of a download in the reader's language: `tilannekatsaus-2-luonnos.pdf`,
 * `status-review-2-draft.pdf`, `lägesöversikt-2-åtgärder.xlsx`.
 */
export function reviewDownloadHeader(view: ReviewView, t: TFunction, kind: "pdf" | "xlsx"): string {
  const words: (string | number)[] = [t("reviews.file.review"), view.review.id];
  if (view.review.status === "draft") words.push(t("reviews.file.draft"));
  if (kind === "xlsx") words.push(t("reviews.file.measures"));
  return attachmentHeader(reviewFileName(words, kind));
}

function buildLabels(view: ReviewView, t: TFunction, lang: Language) {
  const { review, content, decisions } = view;
  const locale = INTL_LOCALE[lang];
  const date = (v: string | number | Date) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Europe/Helsinki" }).format(new Date(v));
  const c = content.changes;
  const line = (m: { code: string; title: string }) => `${m.code} ${m.title}`;
  const labels: Omit<PdfLabels, "areaTitle" | "page" | "formatNumber"> = {
    lang: locale,
    city: config().cityIssuer[lang],
    documentType: t("reviews.pdf.documentType"),
    title: reviewTitleIn(review, lang).text,
    period: t("reviews.pdf.period", { start: date(review.periodStart), end: date(review.periodEnd) }),
    plan: localName(content.plan, lang),
    statusLine: t("reviews.pdf.statusLine", {
      status: t(`reviews.status.${review.status}`),
      date: review.sentAt ? date(review.sentAt) : "–",
    }),
    generated: t("reviews.pdf.compiled", { date: date(content.compiledAt) }),
    summary: t("reviews.summary"),
    summaryText: t("reviews.pdf.summaryText", {
      counted: countSentence(t, content.totals.total, content.totals.counts.proposed),
      completed: content.totals.counts.completed,
      late: content.totals.late,
      stale: content.totals.stale,
      progress: content.progress ?? 0,
    }),
    totalsHeaders: [
      t("measures.priorityArea"),
      t("reviews.cols.total"),
      ...STATUS_COLUMN_KEYS.map((c) => t(`reviews.cols.${c}`)),
      t("reviews.cols.late"),
      t("reviews.cols.progress"),
    ],
    changes: t("reviews.changes"),
    changeGroups: c
      ? [
          { label: t("reviews.changeGroups.new"), items: c.newMeasures.map(line) },
          { label: t("reviews.changeGroups.completed"), items: c.completed.map(line) },
          { label: t("reviews.changeGroups.newlyLate"), items: c.newlyLate.map(line) },
          {
            label: t("reviews.changeGroups.statusChanged"),
            items: c.statusChanged.map((m) => `${line(m)}: ${t(`measures.status.${m.from}`)} → ${t(`measures.status.${m.to}`)}`),
          },
        ]
      : [],
    noChanges: c ? t("reviews.noChanges") : t("reviews.firstReview"),
    areaName: Object.fromEntries(content.priorityAreas.map((a) => [String(a.id), nameOrNull(a, lang) ?? t("reviews.noPriorityArea")])),
    measureHeaders: [
      t("measures.code"),
      t("measures.title"),
      t("measures.statusLabel"),
      t("measures.progress"),
      t("measures.owner"),
      t("reviews.cols.latest"),
    ],
    statusName: Object.fromEntries(
      ["proposed", "approved", "in_progress", "delayed", "on_hold", "completed", "discontinued"].map((s) => [s, t(`measures.status.${s}`)]),
    ),
    late: t("measures.flags.late"),
    stale: t("measures.flags.stale"),
    latest: t("reviews.cols.latest"),
    ownerName: Object.fromEntries(
      content.measures.map((m) => [m.id, localName({ nameFi: m.ownerNameFi, nameSv: m.ownerNameSv, nameEn: m.ownerNameEn }, lang)]),
    ),
    assessment: t("reviews.assessment"),
    proposals: t("reviews.proposals"),
    noAssessment: t("reviews.noAssessment"),
    indicators: t("reviews.indicators"),
    indicatorHeaders: [
      t("reviews.cols.indicator"),
      t("reviews.cols.latestValue"),
      t("reviews.cols.previousValue"),
      t("reviews.cols.target"),
    ],
    boundWords: { over: t("indicators.bounds.over", { value: "%s" }), under: t("indicators.bounds.under", { value: "%s" }) },
    indicatorName: Object.fromEntries(content.indicators.map((i) => [i.id, localName(i, lang)])),
    decisions: t("reviews.decisions"),
    decisionLines: decisions.map((d) => `${date(d.decidedOn)}: ${d.text}`),
    formatDate: Object.fromEntries(
      content.measures.filter((m) => m.latest).map((m) => [String(m.latest!.reportedAt), date(m.latest!.reportedAt)]),
    ),
  };
  return { labels, numberLocale: locale, pageWord: t("reviews.pdf.page") };
}

function runWorker(job: unknown): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    // The worker registers tsx itself, so the TypeScript entry runs the same under vitest and in production.
    const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(WORKER_FILE).href)}); })`;
    const worker = new Worker(bootstrap, { eval: true, workerData: job });
    worker.once("message", (msg: { ok: boolean; bytes?: Uint8Array; error?: string }) => {
      if (msg.ok && msg.bytes) resolvePromise(Buffer.from(msg.bytes));
      else reject(new Error(msg.error ?? "PDF rendering failed"));
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

/** The PDF of a review. Frozen reviews are rendered once per language and then read from disk. */
export async function reviewPdf(view: ReviewView, t: TFunction, lang: string): Promise<Buffer> {
  const language: Language = isLanguage(lang) ? lang : "fi";
  const frozen = view.review.status !== "draft";
  const dir = join(config().dataDir, "review-pdfs");
  const cacheFile = join(dir, `review-${view.review.id}-v${view.review.version}-${view.decisions.length}-${language}-${PDF_LAYOUT}.pdf`);
  if (frozen && existsSync(cacheFile)) return readFileSync(cacheFile);
  const bytes = await runWorker({ content: view.content, ...buildLabels(view, t, language) });
  if (frozen) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(cacheFile, bytes);
  }
  return bytes;
}

/** The review's measure table as a spreadsheet. */
export async function reviewXlsx(view: ReviewView, t: TFunction, lang: string): Promise<Buffer> {
  const language: Language = isLanguage(lang) ? lang : "fi";
  // Loaded on first export only: exceljs adds some 30 MB to every server process otherwise.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Lähiturva";
  const sheet = workbook.addWorksheet(t("measures.listTitle"), { views: [{ state: "frozen", ySplit: 1 }] });
  const areaName = new Map(view.content.priorityAreas.map((a) => [a.id, a.nameFi ? `${a.code} ${nameOrNull(a, language)}` : ""]));
  sheet.columns = [
    { header: t("measures.code"), key: "code", width: 8 },
    { header: t("measures.title"), key: "title", width: 48 },
    { header: t("measures.priorityArea"), key: "area", width: 32 },
    { header: t("measures.statusLabel"), key: "status", width: 14 },
    { header: t("measures.flags.late"), key: "late", width: 10 },
    { header: t("measures.flags.stale"), key: "stale", width: 12 },
    { header: t("measures.progress"), key: "progress", width: 10 },
    { header: t("measures.owner"), key: "owner", width: 36 },
    { header: t("measures.responsible"), key: "responsible", width: 22 },
    { header: t("measures.ends"), key: "end", width: 12 },
    { header: t("reviews.cols.latestDate"), key: "latestDate", width: 14 },
    { header: t("measures.fields.done"), key: "done", width: 60 },
    { header: t("measures.fields.next"), key: "next", width: 40 },
    { header: t("measures.fields.obstacles"), key: "obstacles", width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const m of view.content.measures) {
    sheet.addRow({
      code: m.code,
      title: m.title,
      area: areaName.get(m.priorityAreaId) ?? "",
      status: t(`measures.status.${m.status}`),
      late: m.late ? t("common.yes") : "",
      stale: m.stale ? t("common.yes") : "",
      progress: m.progress / 100,
      owner: localName({ nameFi: m.ownerNameFi, nameSv: m.ownerNameSv, nameEn: m.ownerNameEn }, language),
      responsible: m.responsibleName ?? "",
      end: m.endDate ? new Date(`${m.endDate}T00:00:00Z`) : m.continuous ? t("measures.continuous") : "",
      latestDate: m.latest ? new Date(m.latest.reportedAt) : "",
      done: m.latest?.done ?? "",
      next: m.latest?.next ?? "",
      obstacles: m.latest?.obstacles ?? "",
    });
  }
  sheet.getColumn("progress").numFmt = "0 %";
  sheet.getColumn("end").numFmt = "d.m.yyyy";
  sheet.getColumn("latestDate").numFmt = "d.m.yyyy";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
