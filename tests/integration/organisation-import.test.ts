// Organisations from a file: matched by Finnish name, kinds in any language, short names kept by
// an empty cell and cleared only by the marker, identical rows write nothing; CSV and XLSX alike.
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisations } from "../../db/schema";
import { splitErrorKey } from "~/forms/z";
import { db } from "~/server/platform/db.server";
import { applyOrganisationImport, parseOrganisationFile, validateOrganisationImport } from "~/server/city/organisation-import.server";
import type { Viewer } from "~/server/people/viewer.server";

const csv = async (lines: string[]) => {
  const parsed = await parseOrganisationFile(new TextEncoder().encode(lines.join("\n") + "\n"), "organisaatiot.csv");
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return parsed.file;
};
// This file runs on an empty register: the importer is a coordinator without an account row.
const importer: Viewer = {
  id: "",
  name: "Koordinaattori",
  email: "koordinaattori@example.test",
  locale: "fi",
  memberships: [],
  residentAreaIds: [],
};
const org = (nameFi: string) => db().select().from(organisations).where(eq(organisations.nameFi, nameFi)).get();

describe("importing organisations", () => {
  it("creates, then changes only what the file says, and the same file again changes nothing", async () => {
    const first = await csv([
      "nimi;nimi_sv;lyhenne;tyyppi",
      "Kaupunkiympäristön toimiala;Stadsmiljösektorn;KYMP;Kaupungin toimiala",
      "Helsingin poliisilaitos;Polisinrättningen i Helsingfors;;police",
      "Lähiöyhdistys ry;;;",
    ]);
    const v = validateOrganisationImport(first);
    expect(v.rows.map((r) => [r.action, r.errors])).toEqual([
      ["create", []],
      ["create", []],
      ["create", []],
    ]);
    expect(applyOrganisationImport(importer, first)).toMatchObject({ ok: true, created: 3 });
    expect(org("Kaupunkiympäristön toimiala")).toMatchObject({ shortName: "KYMP", kind: "city_division", nameSv: "Stadsmiljösektorn" });
    expect(org("Lähiöyhdistys ry")).toMatchObject({ kind: "other", shortName: null });
    expect(validateOrganisationImport(first).counts).toEqual({ create: 0, update: 0, unchanged: 3, errors: 0 });

    // Empty cells and missing columns keep; #TYHJÄ clears; a change shows old → new.
    const partial = await csv([
      "nimi;lyhenne;tyyppi",
      "Kaupunkiympäristön toimiala;;",
      "Helsingin poliisilaitos;POL;",
      "Lähiöyhdistys ry;#TYHJÄ;järjestö",
      "Uusi säätiö;;säätiö",
    ]);
    const p = validateOrganisationImport(partial);
    expect(p.rows.map((r) => [r.action, r.changes])).toEqual([
      ["unchanged", []],
      ["update", [{ field: "short_name", from: null, to: "POL" }]],
      ["update", [{ field: "kind", from: "other", to: "ngo" }]],
      [
        "create",
        [
          { field: "name_fi", from: null, to: "Uusi säätiö" },
          { field: "kind", from: null, to: "other" },
        ],
      ],
    ]);
    expect(p.rows[3]!.errors.map((e) => splitErrorKey(e)[0])).toEqual(["cityData.organisationImport.errors.kindUnknown"]);
  });

  it("reads the same from XLSX and names bad rows", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Organisaatiot");
    sheet.addRow(["name_fi", "short_name", "kind"]);
    sheet.addRow(["Helsingin poliisilaitos", "POL", "Poliisi"]);
    sheet.addRow(["", "X", "police"]);
    const parsed = await parseOrganisationFile(new Uint8Array(await workbook.xlsx.writeBuffer()), "org.xlsx");
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const v = validateOrganisationImport(parsed.file);
    expect(v.rows.map((r) => [r.rowNumber, r.action, r.errors.map((e) => splitErrorKey(e)[0])])).toEqual([
      [2, "update", []],
      [3, "create", ["cityData.organisationImport.errors.nameMissing"]],
    ]);
    expect(applyOrganisationImport(importer, parsed.file)).toMatchObject({ ok: false });
    expect(org("Helsingin poliisilaitos")!.shortName).toBeNull();
  });
});
