// Lays out a status review as a printable A4 document with pdfkit: cover, summary, changes,
// one section per priority area with its measure table, indicators and decisions.
// Plain data in, bytes out: it runs inside a worker thread (review-pdf.worker.ts).
import PDFDocument from "pdfkit";
import { figureText, type BoundWords, type FigureLike } from "../city/indicator-figures";
import type { ReviewContent } from "./reviews.server";
import { columnCount, STATUS_COLUMN_KEYS } from "../city/measure-rules";

export type PdfLabels = {
  city: string;
  documentType: string;
  title: string;
  period: string;
  plan: string;
  statusLine: string;
  generated: string;
  summary: string;
  summaryText: string;
  totalsHeaders: string[];
  changes: string;
  changeGroups: { label: string; items: string[] }[];
  noChanges: string;
  areaTitle: (code: string | null, name: string) => string;
  areaName: Record<string, string>;
  measureHeaders: string[];
  statusName: Record<string, string>;
  late: string;
  stale: string;
  latest: string;
  ownerName: Record<number, string>;
  assessment: string;
  proposals: string;
  noAssessment: string;
  indicators: string;
  indicatorHeaders: string[];
  indicatorName: Record<number, string>;
  decisions: string;
  decisionLines: string[];
  page: (n: number, total: number) => string;
  formatDate: Record<string, string>;
  formatNumber: (n: number) => string;
  /** How a bound reads ("yli %s"), see indicator-figures. */
  boundWords: BoundWords;
};

const MARGIN = 56;
const BLUE = "#1a249a";
const GREY = "#495057";

export function renderReviewPdf(content: ReviewContent, labels: PdfLabels): Promise<Buffer> {
  const figure = (f: FigureLike) => figureText(f, labels.formatNumber, labels.boundWords);
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margin: MARGIN,
      bufferPages: true,
      info: { Title: labels.title, Author: labels.city, Subject: labels.documentType },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    const width = doc.page.width - MARGIN * 2;

    // Cover
    doc.rect(0, 0, doc.page.width, 12).fill(BLUE);
    doc.fillColor(GREY).font("Helvetica").fontSize(12).text(labels.city, MARGIN, 120);
    doc.moveDown(0.5).fillColor(BLUE).font("Helvetica-Bold").fontSize(11).text(labels.documentType.toUpperCase(), { characterSpacing: 1 });
    doc.moveDown(0.5).fillColor("black").font("Helvetica-Bold").fontSize(26).text(labels.title, { width });
    doc.moveDown(1).font("Helvetica").fontSize(13).fillColor(GREY).text(labels.period).text(labels.plan).text(labels.statusLine);
    doc.moveDown(2).fontSize(10).text(labels.generated);

    // Summary
    doc.addPage();
    heading(doc, labels.summary);
    doc.font("Helvetica").fontSize(10).fillColor("black").text(labels.summaryText, { width });
    doc.moveDown(0.8);
    const totalsRows = content.priorityAreas.map((a) => [
      labels.areaTitle(a.code, labels.areaName[String(a.id)] ?? "–"),
      String(a.total),
      ...STATUS_COLUMN_KEYS.map((c) => String(columnCount(a.counts, c))),
      String(a.late),
      a.progress == null ? "–" : `${a.progress} %`,
    ]);
    // The same status columns as the review page (STATUS_COLUMNS): they add up to the total.
    table(doc, labels.totalsHeaders, totalsRows, [0.22, 0.07, 0.09, 0.1, 0.09, 0.1, 0.08, 0.09, 0.08, 0.08]);

    // Changes since the previous review
    doc.moveDown(1);
    heading(doc, labels.changes);
    const groups = labels.changeGroups.filter((g) => g.items.length);
    if (!groups.length) doc.font("Helvetica").fontSize(10).fillColor("black").text(labels.noChanges);
    for (const g of groups) {
      doc.font("Helvetica-Bold").fontSize(10).fillColor("black").text(g.label);
      doc.font("Helvetica").fontSize(9.5).list(g.items, { bulletRadius: 1.5, indent: 10, textIndent: 10 });
      doc.moveDown(0.4);
    }

    // One section per priority area
    for (const area of content.priorityAreas) {
      doc.addPage();
      heading(doc, labels.areaTitle(area.code, labels.areaName[String(area.id)] ?? "–"));
      const rows = content.measures
        .filter((m) => m.priorityAreaId === area.id)
        .map((m) => [
          m.code,
          m.title,
          labels.statusName[m.status] + (m.late ? `\n${labels.late}` : "") + (m.stale ? `\n${labels.stale}` : ""),
          `${m.progress} %`,
          labels.ownerName[m.id] ?? m.ownerNameFi,
          m.latest ? `${labels.formatDate[String(m.latest.reportedAt)] ?? ""}: ${m.latest.done}` : "–",
        ]);
      table(doc, labels.measureHeaders, rows, [0.085, 0.26, 0.13, 0.11, 0.165, 0.25]);
      const assessment = content.assessments.find((a) => a.priorityAreaId === area.id);
      doc.moveDown(0.8);
      doc.font("Helvetica-Bold").fontSize(11).fillColor(BLUE).text(labels.assessment);
      doc
        .font("Helvetica")
        .fontSize(10)
        .fillColor("black")
        .text(assessment?.assessment || labels.noAssessment, { width });
      if (assessment?.proposals) {
        doc.moveDown(0.4).font("Helvetica-Bold").fontSize(11).fillColor(BLUE).text(labels.proposals);
        doc.font("Helvetica").fontSize(10).fillColor("black").text(assessment.proposals, { width });
      }
      const areaIndicators = content.indicators.filter((i) => i.priorityAreaIds.includes(area.id ?? -1));
      if (areaIndicators.length) {
        doc.moveDown(0.8);
        doc.font("Helvetica-Bold").fontSize(11).fillColor(BLUE).text(labels.indicators);
        doc.moveDown(0.3);
        table(
          doc,
          labels.indicatorHeaders,
          areaIndicators.map((i) => [
            labels.indicatorName[i.id] ?? i.nameFi,
            i.latest ? `${figure(i.latest)} ${i.unit} (${i.latest.period})` : "–",
            i.previous ? `${figure(i.previous)} (${i.previous.period})` : "–",
            i.target ? `${figure(i.target)} (${i.target.period})` : "–",
          ]),
          [0.4, 0.22, 0.19, 0.19],
        );
      }
    }

    const overall = content.assessments.find((a) => a.priorityAreaId == null);
    if (overall || labels.decisionLines.length) {
      doc.addPage();
      if (overall) {
        heading(doc, labels.assessment);
        doc
          .font("Helvetica")
          .fontSize(10)
          .fillColor("black")
          .text(overall.assessment || labels.noAssessment, { width });
        if (overall.proposals)
          doc.moveDown(0.5).font("Helvetica-Bold").text(labels.proposals).font("Helvetica").text(overall.proposals, { width });
        doc.moveDown(1);
      }
      if (labels.decisionLines.length) {
        heading(doc, labels.decisions);
        doc.font("Helvetica").fontSize(10).fillColor("black").list(labels.decisionLines, { bulletRadius: 1.5, indent: 10, textIndent: 10 });
      }
    }

    // Footer with page numbers on every page but the cover.
    const range = doc.bufferedPageRange();
    for (let i = 1; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font("Helvetica")
        .fontSize(8)
        .fillColor(GREY)
        .text(`${labels.title} · ${labels.page(i + 1, range.count)}`, MARGIN, doc.page.height - 36, { width, align: "right" });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
  });
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  doc
    .font("Helvetica-Bold")
    .fontSize(16)
    .fillColor(BLUE)
    .text(text, MARGIN, undefined, { width: doc.page.width - MARGIN * 2 });
  doc.moveDown(0.5);
}

/** A simple grid table that repeats its header when it breaks onto a new page. */
function table(doc: PDFKit.PDFDocument, headers: string[], rows: string[][], fractions: number[]) {
  const width = doc.page.width - MARGIN * 2;
  const widths = fractions.map((f) => f * width);
  const pad = 3;
  const drawRow = (cells: string[], bold: boolean, shade: boolean) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8.5);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - pad * 2 }))) + pad * 2;
    if (doc.y + height > doc.page.height - MARGIN) {
      doc.addPage();
      if (!bold) drawRow(headers, true, true);
    }
    const top = doc.y;
    if (shade) doc.rect(MARGIN, top, width, height).fill(bold ? "#e9ecf7" : "#f6f7fb");
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc
        .fillColor("black")
        .font(bold ? "Helvetica-Bold" : "Helvetica")
        .fontSize(8.5)
        .text(cell, x + pad, top + pad, { width: widths[i] - pad * 2 });
      x += widths[i];
    });
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + width, top + height)
      .lineWidth(0.5)
      .strokeColor("#ced4da")
      .stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  drawRow(headers, true, true);
  rows.forEach((r, i) => drawRow(r, false, i % 2 === 1));
}
