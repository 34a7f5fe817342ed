// The frame of every PDF the platform prints (a status review, a situation report): A4, tagged
// (a structure tree of headings, paragraphs, lists and tables, the document's language and title,
// decoration marked as artifacts) so that screen readers read it in order, with DejaVu Sans
// embedded: pdfkit's built-in Helvetica only knows WinAnsi, which printed "→" as "!’" and cannot
// be embedded, which an accessible PDF needs. Plain module: it also runs inside a worker thread.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
const FONTS = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  // Tables use the condensed cut: ten columns on an A4 page.
  cell: "DejaVuSansCondensed.ttf",
  cellBold: "DejaVuSansCondensed-Bold.ttf",
} as const;
export type FontName = keyof typeof FONTS;

/** The embedded fonts, under the names the layouts use. */
export function registerPdfFonts(doc: Doc) {
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, join(FONT_DIR, file));
}

/** Draws something that is decoration, not content: screen readers skip it. */
export function artifact(doc: Doc, draw: () => void) {
  doc.markContent("Artifact", { type: "Layout" });
  draw();
  doc.endMarkedContent();
}

/** What a layout draws with: the document, its structure root, the text width and two helpers. */
export type TaggedPdf = {
  doc: Doc;
  root: Struct;
  width: number;
  /** Adds a structure element of `type` under `parent`, with what `draw` puts on the page. */
  tagged: (parent: Struct, type: string, draw: () => void) => void;
  paragraph: (parent: Struct, text: string, font?: FontName, size?: number, color?: string) => void;
};

/**
 * Renders a tagged A4 document: `draw` lays out the content under `root` and ends it; the bytes
 * come back once pdfkit has written them.
 */
export function renderTaggedPdf(
  options: { margin: number; lang: string; title: string; author: string; subject: string; bufferPages?: boolean },
  draw: (pdf: TaggedPdf) => void,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margin: options.margin,
      bufferPages: options.bufferPages ?? false,
      pdfVersion: "1.7",
      tagged: true,
      lang: options.lang,
      displayTitle: true,
      info: { Title: options.title, Author: options.author, Subject: options.subject },
    });
    registerPdfFonts(doc);
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    const width = doc.page.width - options.margin * 2;
    const root = doc.struct("Document");
    doc.addStructure(root);
    const tagged = (parent: Struct, type: string, content: () => void) => {
      parent.add(doc.struct(type, {}, content));
    };
    const paragraph = (parent: Struct, text: string, font: FontName = "regular", size = 10, color = "black") =>
      tagged(parent, "P", () => {
        doc.font(font).fontSize(size).fillColor(color).text(text, { width });
      });
    draw({ doc, root, width, tagged, paragraph });
    doc.end();
  });
}
