// Lays out a status review as a printable A4 document with pdfkit: cover, summary, changes,
// one section per priority area with its measure table, indicators and decisions.
// Plain data in, bytes out: it runs inside a worker thread (review-pdf.worker.ts).
// The frame (tagging, fonts, artifacts) is platform/tagged-pdf; page numbers are artifacts too.
import { artifact, type Doc, type FontName, renderTaggedPdf, type Struct } from "../platform/tagged-pdf";
import { type BoundWords, type FigureLike, figureWithUnit } from "../city/indicator-figures";
import { columnCount, STATUS_COLUMN_KEYS } from "../city/measure-rules";
import type { ReviewContent } from "./reviews.server";

export type PdfLabels = {
  /** The document's language as a BCP 47 tag (fi-FI, sv-FI, en-GB). */
  lang: string;
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
const TABLE_FONT_SIZE = 8.5;

export function renderReviewPdf(content: ReviewContent, labels: PdfLabels): Promise<Buffer> {
  const withUnit = (f: FigureLike & { period: string }, unit: string) => figureWithUnit(f, unit, labels.formatNumber, labels.boundWords);
  const frame = {
    margin: MARGIN,
    lang: labels.lang,
    title: labels.title,
    author: labels.city,
    subject: labels.documentType,
    bufferPages: true,
  };
  return renderTaggedPdf(frame, ({ doc, root, width, tagged, paragraph }) => {
    const list = (parent: Struct, items: string[], size: number) => {
      const l = doc.struct("L");
      parent.add(l);
      doc.font("regular").fontSize(size).fillColor("black").list(items, { bulletRadius: 1.5, indent: 10, textIndent: 10, structParent: l });
      l.end();
    };

    // Cover
    artifact(doc, () => doc.rect(0, 0, doc.page.width, 12).fill(BLUE));
    const cover = doc.struct("Sect");
    root.add(cover);
    tagged(cover, "P", () => {
      doc.fillColor(GREY).font("regular").fontSize(12).text(labels.city, MARGIN, 120);
    });
    tagged(cover, "P", () => {
      doc.moveDown(0.5).fillColor(BLUE).font("bold").fontSize(11).text(labels.documentType.toUpperCase(), { characterSpacing: 1 });
    });
    tagged(cover, "H1", () => {
      doc.moveDown(0.5).fillColor("black").font("bold").fontSize(26).text(labels.title, { width });
    });
    doc.moveDown(1);
    for (const line of [labels.period, labels.plan, labels.statusLine]) paragraph(cover, line, "regular", 13, GREY);
    doc.moveDown(2);
    paragraph(cover, labels.generated, "regular", 10, GREY);
    cover.end();

    // Summary
    doc.addPage();
    const summary = section(doc, root, labels.summary);
    paragraph(summary, labels.summaryText);
    doc.moveDown(0.8);
    const totalsRows = content.priorityAreas.map((a) => [
      labels.areaTitle(a.code, labels.areaName[String(a.id)] ?? "–"),
      String(a.total),
      ...STATUS_COLUMN_KEYS.map((c) => String(columnCount(a.counts, c))),
      String(a.late),
      a.progress == null ? "–" : `${a.progress} %`,
    ]);
    // The same status columns as the review page (STATUS_COLUMNS): they add up to the total.
    table(doc, summary, labels.totalsHeaders, totalsRows, [0.22, 0.07, 0.09, 0.1, 0.09, 0.1, 0.08, 0.09, 0.08, 0.08]);
    summary.end();

    // Changes since the previous review
    doc.moveDown(1);
    const changes = section(doc, root, labels.changes);
    const groups = labels.changeGroups.filter((g) => g.items.length);
    if (!groups.length) paragraph(changes, labels.noChanges);
    for (const g of groups) {
      tagged(changes, "H3", () => {
        doc.font("bold").fontSize(10).fillColor("black").text(g.label, { width });
      });
      list(changes, g.items, 9.5);
      doc.moveDown(0.4);
    }
    changes.end();

    // One section per priority area
    for (const area of content.priorityAreas) {
      doc.addPage();
      const sect = section(doc, root, labels.areaTitle(area.code, labels.areaName[String(area.id)] ?? "–"));
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
      table(doc, sect, labels.measureHeaders, rows, [0.085, 0.26, 0.13, 0.11, 0.165, 0.25]);
      const assessment = content.assessments.find((a) => a.priorityAreaId === area.id);
      doc.moveDown(0.8);
      subheading(doc, sect, labels.assessment);
      paragraph(sect, assessment?.assessment || labels.noAssessment);
      if (assessment?.proposals) {
        doc.moveDown(0.4);
        subheading(doc, sect, labels.proposals);
        paragraph(sect, assessment.proposals);
      }
      const areaIndicators = content.indicators.filter((i) => i.priorityAreaIds.includes(area.id ?? -1));
      if (areaIndicators.length) {
        doc.moveDown(0.8);
        subheading(doc, sect, labels.indicators);
        doc.moveDown(0.3);
        table(
          doc,
          sect,
          labels.indicatorHeaders,
          areaIndicators.map((i) => [
            labels.indicatorName[i.id] ?? i.nameFi,
            i.latest ? withUnit(i.latest, i.unit) : "–",
            i.previous ? withUnit(i.previous, i.unit) : "–",
            i.target ? withUnit(i.target, i.unit) : "–",
          ]),
          [0.4, 0.22, 0.19, 0.19],
        );
      }
      sect.end();
    }

    const overall = content.assessments.find((a) => a.priorityAreaId == null);
    if (overall || labels.decisionLines.length) {
      doc.addPage();
      if (overall) {
        const sect = section(doc, root, labels.assessment);
        paragraph(sect, overall.assessment || labels.noAssessment);
        if (overall.proposals) {
          doc.moveDown(0.5);
          subheading(doc, sect, labels.proposals);
          paragraph(sect, overall.proposals);
        }
        doc.moveDown(1);
        sect.end();
      }
      if (labels.decisionLines.length) {
        const sect = section(doc, root, labels.decisions);
        list(sect, labels.decisionLines, 10);
        sect.end();
      }
    }
    root.end();

    // Footer with page numbers on every page but the cover: pagination artifacts, not content.
    const range = doc.bufferedPageRange();
    for (let i = 1; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent("Artifact", { type: "Pagination" });
      doc
        .font("regular")
        .fontSize(8)
        .fillColor(GREY)
        .text(`${labels.title} · ${labels.page(i + 1, range.count)}`, MARGIN, doc.page.height - 36, { width, align: "right" });
      doc.endMarkedContent();
      doc.page.margins.bottom = bottom;
    }
  });
}

/** A section with its level-2 heading; the caller adds its content and ends it. */
function section(doc: Doc, parent: Struct, title: string): Struct {
  const sect = doc.struct("Sect");
  parent.add(sect);
  sect.add(
    doc.struct("H2", {}, () => {
      doc
        .font("bold")
        .fontSize(16)
        .fillColor(BLUE)
        .text(title, MARGIN, undefined, { width: doc.page.width - MARGIN * 2 });
    }),
  );
  doc.moveDown(0.5);
  return sect;
}

function subheading(doc: Doc, parent: Struct, text: string) {
  parent.add(
    doc.struct("H3", {}, () => {
      doc
        .font("bold")
        .fontSize(11)
        .fillColor(BLUE)
        .text(text, MARGIN, undefined, { width: doc.page.width - MARGIN * 2 });
    }),
  );
}

/**
 * Column widths from the wanted fractions, widened so that no header word has to break in the
 * middle ("Yhteens/ä"); the widening is taken from the columns that have room to spare. When the
 * headers' longest words cannot stand side by side at the table's size, the header row is set
 * smaller (down to 6.5 pt) until they can.
 */
export function columnWidths(
  doc: Doc,
  headers: string[],
  fractions: number[],
  width: number,
  pad: number,
): { widths: number[]; headerSize: number } {
  const wanted = fractions.map((f) => f * width);
  let headerSize = TABLE_FONT_SIZE;
  let needed: number[] = [];
  for (; headerSize >= 6.5; headerSize -= 0.5) {
    doc.font("cellBold").fontSize(headerSize);
    needed = headers.map((h) => Math.max(...h.split(/\s+/).map((word) => doc.widthOfString(word))) + pad * 2 + 1);
    if (needed.reduce((a, b) => a + b, 0) <= width) break;
  }
  headerSize = Math.max(headerSize, 6.5);
  const widths = wanted.map((w, i) => Math.max(w, needed[i]!));
  const excess = widths.reduce((a, b) => a + b, 0) - width;
  if (excess <= 0) return { widths, headerSize };
  const spare = widths.map((w, i) => Math.max(0, w - needed[i]!));
  const totalSpare = spare.reduce((a, b) => a + b, 0);
  // Even at the smallest size the words do not fit: shrink every column alike.
  if (totalSpare < excess) return { widths: widths.map((w) => (w * width) / (width + excess)), headerSize };
  return { widths: widths.map((w, i) => w - spare[i]! * (excess / totalSpare)), headerSize };
}

/** A grid table, tagged as Table/TR/TH/TD, that repeats its header when it breaks onto a new page. */
function table(doc: Doc, parent: Struct, headers: string[], rows: string[][], fractions: number[]) {
  const width = doc.page.width - MARGIN * 2;
  const pad = 3;
  const { widths, headerSize } = columnWidths(doc, headers, fractions, width, pad);
  const tableStruct = doc.struct("Table");
  parent.add(tableStruct);
  const drawRow = (cells: string[], header: boolean, shade: boolean, repeated = false) => {
    const font: FontName = header ? "cellBold" : "cell";
    const size = header ? headerSize : TABLE_FONT_SIZE;
    doc.font(font).fontSize(size);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - pad * 2 }))) + pad * 2;
    if (doc.y + height > doc.page.height - MARGIN) {
      doc.addPage();
      if (!header) drawRow(headers, true, true, true);
    }
    const top = doc.y;
    if (shade) artifact(doc, () => doc.rect(MARGIN, top, width, height).fill(header ? "#e9ecf7" : "#f6f7fb"));
    // A header repeated on a later page is a reading aid, not another row: an artifact.
    const tr = repeated ? null : doc.struct("TR");
    if (tr) tableStruct.add(tr);
    let x = MARGIN;
    cells.forEach((cell, i) => {
      const left = x;
      const text = () => {
        doc
          .fillColor("black")
          .font(font)
          .fontSize(size)
          .text(cell, left + pad, top + pad, { width: widths[i]! - pad * 2 });
      };
      if (tr) tr.add(doc.struct(header ? "TH" : "TD", {}, text));
      else artifact(doc, text);
      x += widths[i]!;
    });
    tr?.end();
    artifact(doc, () =>
      doc
        .moveTo(MARGIN, top + height)
        .lineTo(MARGIN + width, top + height)
        .lineWidth(0.5)
        .strokeColor("#ced4da")
        .stroke(),
    );
    doc.x = MARGIN;
    doc.y = top + height;
  };
  drawRow(headers, true, true);
  rows.forEach((r, i) => drawRow(r, false, i % 2 === 1));
  tableStruct.end();
}
