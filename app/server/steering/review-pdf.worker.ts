// Worker-thread entry: renders one review PDF off the main event loop.
import { parentPort, workerData } from "node:worker_threads";
import { renderReviewPdf, type PdfLabels } from "./review-pdf";
import type { ReviewContent } from "./reviews.server";

type Job = {
  content: ReviewContent;
  labels: Omit<PdfLabels, "areaTitle" | "page" | "formatNumber">;
  numberLocale: string;
  pageWord: string;
};

const job = workerData as Job;
const labels: PdfLabels = {
  ...job.labels,
  areaTitle: (code, name) => (code ? `${code}. ${name}` : name),
  page: (n, total) => `${job.pageWord} ${n}/${total}`,
  formatNumber: (n) => new Intl.NumberFormat(job.numberLocale, { maximumFractionDigits: 1 }).format(n),
};
renderReviewPdf(job.content, labels).then(
  (bytes) => parentPort?.postMessage({ ok: true, bytes: new Uint8Array(bytes) }),
  (error: unknown) => parentPort?.postMessage({ ok: false, error: String(error) }),
);
