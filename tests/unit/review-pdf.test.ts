// The review PDF's text: characters outside Latin-1 print as themselves, and table headers get
// columns wide enough that no word breaks in the middle.
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { registerPdfFonts } from "~/server/platform/tagged-pdf";
import { columnWidths, type PdfLabels, renderReviewPdf } from "~/server/steering/review-pdf";
import type { ReviewContent } from "~/server/steering/reviews.server";
import { pdfText } from "../support/pdf-streams";

const content = {
  compiledAt: Date.UTC(2026, 11, 1),
  priorityAreas: [],
  measures: [],
  indicators: [],
  assessments: [],
} as unknown as ReviewContent; // only what the layout reads

const labels: PdfLabels = {
  lang: "sv-FI",
  city: "Helsingfors stad",
  documentType: "Lägesöversikt",
  title: "Lägesöversikt 2/2026",
  period: "1.7–31.12.2026",
  plan: "Trygghetsplan 2025–2028",
  statusLine: "Utkast",
  generated: "Sammanställd 1.12.2026",
  summary: "Sammanfattning",
  summaryText: "Åtgärderna framskrider.",
  totalsHeaders: [
    "Fokusområde",
    "Sammanlagt",
    "Föreslagna",
    "Godkända",
    "Pågående",
    "Försenade",
    "Avslutade",
    "Slutförda",
    "Försenat",
    "Framsteg",
  ],
  changes: "Ändringar",
  changeGroups: [{ label: "Status ändrad", items: ["1.1 Belysning: Godkänd → Pågående"] }],
  noChanges: "Inga ändringar",
  areaTitle: (code, name) => (code ? `${code}. ${name}` : name),
  areaName: {},
  measureHeaders: [],
  statusName: {},
  late: "",
  stale: "",
  latest: "",
  ownerName: {},
  assessment: "Bedömning",
  proposals: "Förslag",
  noAssessment: "–",
  indicators: "Indikatorer",
  indicatorHeaders: [],
  indicatorName: {},
  decisions: "Beslut",
  decisionLines: [],
  page: (n, total) => `Sida ${n}/${total}`,
  formatDate: {},
  formatNumber: (n) => String(n),
  boundWords: { over: "över %s", under: "under %s" },
};

describe("the review PDF", () => {
  it("embeds a font that has the arrow, and says the document's language", async () => {
    const text = pdfText(await renderReviewPdf(content, labels));
    // The ToUnicode map of the embedded font maps a glyph to U+2192: the arrow is drawn, not "!’".
    expect(text).toMatch(/<2192>/i);
    expect(text).toContain("/Lang (sv-FI)");
    expect(text).toContain("/S /L");
    expect(text).toContain("/S /LI");
  });

  it("widens a column so that its header's longest word fits on one line", () => {
    const doc = new PDFDocument({ size: "A4" });
    registerPdfFonts(doc);
    const headers = [
      "Painopistealue",
      "Yhteensä",
      "Ehdotettu",
      "Hyväksytty",
      "Käynnissä",
      "Viivästynyt",
      "Keskeytetty",
      "Valmis",
      "Myöhässä",
      "Edistyminen",
    ];
    const fractions = [0.22, 0.07, 0.09, 0.1, 0.09, 0.1, 0.08, 0.09, 0.08, 0.08];
    const width = doc.page.width - 112;
    const { widths, headerSize } = columnWidths(doc, headers, fractions, width, 3);
    expect(headerSize).toBeGreaterThanOrEqual(6.5);
    doc.font("cellBold").fontSize(headerSize);
    headers.forEach((h, i) => expect(widths[i]! - 6).toBeGreaterThanOrEqual(doc.widthOfString(h)));
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(width, 3);
  });
});
