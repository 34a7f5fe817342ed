// Reads what a PDF says without a PDF library: the raw file plus every Flate stream inflated, as
// latin1 text, so a test can look for structure markers and ToUnicode mappings.
import { constants, inflateSync } from "node:zlib";

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const parts = [raw];
  const streamStart = /stream\r?\n/g;
  for (let m = streamStart.exec(raw); m; m = streamStart.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) break;
    try {
      // The stream ends with an end-of-line before "endstream": a sync flush ignores it.
      parts.push(inflateSync(pdf.subarray(start, end), { finishFlush: constants.Z_SYNC_FLUSH }).toString("latin1"));
    } catch {
      // Not a Flate stream (or an embedded font's raw bytes): the raw text above already holds it.
    }
    streamStart.lastIndex = end + "endstream".length;
  }
  return parts.join("\n");
}
