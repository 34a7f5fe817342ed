import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { deflatePiece, gzipWithNonce } from "~/server/platform/gzip-pieces";

const gunzip = (chunks: Buffer[]) => gunzipSync(Buffer.concat(chunks)).toString("utf8");

describe("gzip from pieces deflated once", () => {
  const page = (nonce: string) =>
    `<!DOCTYPE html><html lang="fi"><head><script nonce="${nonce}">var a = 1;</script></head><body>${"<p>Länsi-Helsinki – Östersundom ääkköset</p>".repeat(2000)}<script nonce="${nonce}"></script></body></html>`;
  const pieces = page("\u0000")
    .split("\u0000")
    .map((p) => Buffer.from(p, "utf8"));
  const deflated = pieces.map(deflatePiece);

  it("decompresses to the page with this response's nonce, and is much smaller", () => {
    for (const nonce of ["abcDEF0123456789+/abcd==", "ZZZZZZZZZZZZZZZZZZZZZZ=="]) {
      const chunks = gzipWithNonce(pieces, deflated, nonce);
      expect(gunzip(chunks)).toBe(page(nonce));
      expect(Buffer.concat(chunks).length).toBeLessThan(Buffer.byteLength(page(nonce)) / 10);
    }
  });

  it("handles a page without a nonce and pieces that are empty", () => {
    const single = [Buffer.from("<p>ei skriptejä</p>")];
    expect(gunzip(gzipWithNonce(single, single.map(deflatePiece), "n"))).toBe("<p>ei skriptejä</p>");
    const withEmpty = [Buffer.alloc(0), Buffer.from("keski"), Buffer.alloc(0)];
    expect(gunzip(gzipWithNonce(withEmpty, withEmpty.map(deflatePiece), "N0NCE"))).toBe("N0NCEkeskiN0NCE");
  });
});
