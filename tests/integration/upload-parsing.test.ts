// Issue 14, finding 9: the upload parser and the type check.
import { describe, expect, it } from "vitest";
import { checkUpload } from "~/server/platform/file-sniff";
import { readUpload } from "~/server/platform/uploads.server";

const multipart = (fileName: string, content: string) => {
  const body = `--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nOtsikko\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n--b--\r\n`;
  return new Request("http://localhost/upload", { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=b" }, body });
};

describe("uploads (finding 9)", () => {
  it("a file name containing = is read whole, with its file", async () => {
    for (const name of ["a=b.txt", "x==y=.csv", "=.txt", "raportti; size=3.txt"]) {
      const read = await readUpload(multipart(name, "rivi"), 1024);
      expect(read.ok).toBe(true);
      if (!read.ok) continue;
      expect(read.file?.name).toBe(name);
      expect(new TextDecoder().decode(read.file!.bytes)).toBe("rivi");
      expect(read.form.get("title")).toBe("Otsikko");
    }
  });

  it("text with markup anywhere in it is refused, not only at its start", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(checkUpload(enc("plain notes\nline two\n"), "notes.txt")).toMatchObject({ ok: true });
    expect(checkUpload(enc("plain notes\n".repeat(500) + "<script>alert(1)</script>"), "notes.txt")).toMatchObject({
      ok: false,
      reason: "type",
    });
    expect(checkUpload(enc("a;b\n1;2\n" + "x;y\n".repeat(1000) + "<svg onload=alert(1)>"), "table.csv")).toMatchObject({
      ok: false,
      reason: "type",
    });
    expect(checkUpload(enc("ok\n<iframe src=//evil>"), "a.txt")).toMatchObject({ ok: false });
  });

  it("a PDF that is also a web page (a polyglot) is refused; a plain PDF passes", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    expect(checkUpload(enc(pdf), "a.pdf")).toMatchObject({ ok: true });
    expect(checkUpload(enc(pdf + "<html><script>alert(document.domain)</script></html>"), "a.pdf")).toMatchObject({
      ok: false,
      reason: "type",
    });
  });
});
