// The machinery the three imports share (measures, indicator values, the area hierarchy): reading
// CSV files as offices save them, refusing broken ones with the feature's own message keys,
// keeping uploads only for their uploader between preview and confirm, and the request flow
// itself (upload → preview → confirm) on real multipart requests.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitErrorKey } from "~/forms/z";
import { clock } from "~/server/platform/clock";
import { config } from "~/server/platform/config.server";
import {
  decodeText,
  headerMap,
  readCsvTable,
  runImport,
  summarize,
  uploadStage,
  type ImportAction,
  type ImportTable,
  type TableSpec,
} from "~/server/platform/csv-import.server";

const enc = (text: string) => new TextEncoder().encode(text);

type Column = "code" | "name";
const SPEC: TableSpec<Column> & { maxBytes: number } = {
  errors: "test.errors",
  headers: headerMap({ code: ["code", "koodi"], name: ["name", "nimi"] }),
  missing: (columns) => (columns.code === undefined ? ["koodi"] : []),
  maxRows: 3,
  maxBytes: 1024,
};
const read = (bytes: Uint8Array | string, filename = "a.csv") =>
  readCsvTable(typeof bytes === "string" ? enc(bytes) : bytes, filename, SPEC);
const errorsOf = (bytes: Uint8Array | string, filename?: string) => {
  const r = read(bytes, filename);
  return r.ok ? [] : r.errors.map((e) => splitErrorKey(e));
};

describe("reading a CSV file", () => {
  it("reads UTF-8 with or without a BOM, UTF-16 and Windows-1252, with ; , or tab", () => {
    expect(decodeText(enc("\uFEFFkoodi"))).toBe("koodi");
    expect(decodeText(Uint8Array.from([0xff, 0xfe, ...Buffer.from("äö", "utf16le")]))).toBe("äö");
    expect(decodeText(Uint8Array.from(Buffer.from("Töölö", "latin1")))).toBe("Töölö");
    for (const delimiter of [";", ",", "\t"]) {
      const r = read(`\uFEFFKoodi${delimiter}Nimi${delimiter}Muuta\n 1 ${delimiter}"Kallio${delimiter} Berghäll"${delimiter}x\n`);
      expect(r.ok && r.file).toEqual({
        columns: { code: "Koodi", name: "Nimi" },
        rows: [{ rowNumber: 2, values: { code: "1", name: `Kallio${delimiter} Berghäll` } }],
      });
    }
  });

  it("keeps the spreadsheet's row numbers across empty lines and quoted line breaks", () => {
    const r = read('koodi;nimi\n1;"kaksi\nriviä"\n\n;;\n2;b\n');
    expect(r.ok && r.file.rows.map((row) => [row.rowNumber, row.values.code])).toEqual([
      [2, "1"],
      [5, "2"],
    ]);
  });

  it("refuses broken files with the feature's own message keys", () => {
    expect(errorsOf('koodi;nimi\n1;"auki\n')).toEqual([["test.errors.quotes", { row: 2 }]]);
    expect(errorsOf("nimi\nx\n")).toEqual([["test.errors.missingColumns", { columns: "koodi" }]]);
    expect(errorsOf("koodi;Code\n1;2\n")).toEqual([["test.errors.duplicateColumn", { column: "Code" }]]);
    expect(errorsOf("koodi\n")).toEqual([["test.errors.empty", undefined]]);
    expect(errorsOf("")).toEqual([["test.errors.empty", undefined]]);
    expect(errorsOf("koodi\n1\n2\n3\n4\n")).toEqual([["test.errors.tooManyRows", { max: 3 }]]);
    expect(errorsOf(new Uint8Array(1025))).toEqual([["test.errors.tooLarge", { max: 1 / 1024 }]]);
    expect(errorsOf("koodi\n1\n", "taulukko.xlsx")).toEqual([["test.errors.wrongType", undefined]]);
    expect(errorsOf(Uint8Array.from([0x50, 0x4b, 3, 4]), "a.csv")).toEqual([["test.errors.wrongType", undefined]]);
  });

  it("counts rows by what the import does, and any broken row fails the file", () => {
    const rows = (["create", "update", "unchanged", "create"] as ImportAction[]).map((action, i) => ({
      action,
      errors: i === 3 ? ["x"] : [],
    }));
    expect(summarize(rows)).toEqual({ ok: false, rows, counts: { create: 1, update: 1, unchanged: 1, errors: 1 } });
    expect(summarize(rows.slice(0, 3)).ok).toBe(true);
  });
});

describe("uploads kept between preview and confirm", () => {
  const stage = uploadStage<{ key: number }>("test-imports");

  it("only the uploader gets the file back, by a random id, within the hour", async () => {
    const id = await stage.stash({ userId: "u1", filename: "a.csv", bytes: enc("x"), key: 7 });
    expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await stage.load(id, "u2")).toBeNull();
    expect(await stage.load("../../etc/passwd", "u1")).toBeNull();
    const loaded = await stage.load(id, "u1");
    expect(loaded).toMatchObject({ userId: "u1", filename: "a.csv", key: 7 });
    expect(new TextDecoder().decode(loaded!.bytes)).toBe("x");
    expect(await stage.load(id, "u1", clock.ms() + 2 * 60 * 60 * 1000)).toBeNull();
    await stage.drop(id);
    expect(await stage.load(id, "u1")).toBeNull();
  });

  it("keeps the files in DATA_DIR, readable by the server's user only", async () => {
    const id = await stage.stash({ userId: "u1", filename: "a.csv", bytes: enc("x"), key: 1 });
    const dir = join(config().dataDir, "test-imports");
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, `${id}.bin`))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, `${id}.json`))).mode & 0o777).toBe(0o600);
    await stage.drop(id);
    expect(() => uploadStage("../public")).toThrow();
  });
});

describe("the upload → preview → confirm flow", () => {
  const written: ImportTable<Column>[] = [];
  const run = (request: Request, userId: string) =>
    // The flow only carries the viewer to `apply` and keys the kept upload on its id.
    runImport(
      request,
      { id: userId, name: "Testaaja", email: `${userId}@example.test`, locale: "fi", memberships: [], residentAreaIds: [] },
      {
        errors: "test.errors",
        maxBytes: 1024,
        folder: "test-flow",
        parse: (bytes: Uint8Array, filename: string) => read(bytes, filename),
        validate: (file: ImportTable<Column>) =>
          summarize(
            file.rows.map((r) => ({
              rowNumber: r.rowNumber,
              action: "create" as const,
              errors: r.values.name ? [] : ["test.errors.name"],
            })),
          ),
        apply: (_userId, file) => {
          written.push(file);
          return { ok: true as const, created: file.rows.length, updated: 0, unchanged: 0 };
        },
        preview: (v) => ({ rows: v.rows }),
        done: (r) => `/done?created=${r.created}`,
      },
    );
  const upload = (text: string | null) => {
    const form = new FormData();
    if (text !== null) form.append("file", new File([text], "a.csv", { type: "text/csv" }));
    form.append("extra", "dropped");
    return new Request("http://localhost/import", { method: "POST", body: form });
  };
  const confirm = (uploadId: string) =>
    new Request("http://localhost/import", { method: "POST", body: new URLSearchParams({ intent: "confirm", uploadId }) });

  it("asks for a file, shows a broken file without keeping it, and writes a good one only when confirmed by its uploader", async () => {
    for (const nothing of [null, ""]) {
      const none = await run(upload(nothing), "u1");
      expect([none.status, await none.json()]).toEqual([400, { stage: "upload", errors: ["test.errors.noFile"] }]);
    }

    const broken = await run(upload("koodi;nimi\n1;\n"), "u1");
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ stage: "preview", uploadId: null, counts: { errors: 1 }, errors: [] });

    const good = await run(upload("koodi;nimi\n1;Kallio\n"), "u1");
    const preview = await good.json();
    if (preview.stage !== "preview" || !preview.uploadId) throw new Error("no preview to confirm");
    expect(good.status).toBe(200);
    expect(preview).toMatchObject({
      stage: "preview",
      filename: "a.csv",
      counts: { create: 1 },
      rows: [{ rowNumber: 2, action: "create", errors: [] }],
    });
    expect(written).toEqual([]);

    const uploadId = preview.uploadId;
    const stranger = await run(confirm(uploadId), "u2");
    expect(await stranger.json()).toEqual({ stage: "upload", errors: ["test.errors.expired"] });
    const done = await run(confirm(uploadId), "u1");
    expect([done.status, done.headers.get("Location")]).toEqual([302, "/done?created=1"]);
    expect(written.map((f) => f.rows[0]!.values)).toEqual([{ code: "1", name: "Kallio" }]);
    // The upload is gone once written: confirming twice writes once.
    expect(await (await run(confirm(uploadId), "u1")).json()).toEqual({ stage: "upload", errors: ["test.errors.expired"] });
    expect(written).toHaveLength(1);
  });

  it("refuses a file over the limit before reading it", async () => {
    const response = await run(upload("koodi;nimi\n" + "1;x\n".repeat(400)), "u1");
    expect([response.status, await response.json()]).toEqual([
      413,
      { stage: "upload", errors: [`test.errors.tooLarge|${JSON.stringify({ max: 1 / 1024 })}`] },
    ]);
  });
});
