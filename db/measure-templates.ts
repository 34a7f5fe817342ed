// Writes the import templates public/templates/toimenpiteet-malli.{csv,xlsx} with the same writers
// as the export, so a template can never drift from what the import reads.
// Run: npx tsx db/measure-templates.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInstance } from "i18next";
import { i18nOptions } from "../app/i18n/config";
import { resources } from "../app/i18n/resources";
import { toCsv, toXlsx, type ExportRow } from "../app/server/city/measure-io.server";

/** Two example rows that import cleanly into the demo city (its organisations, districts and goals). */
export const TEMPLATE_ROWS: ExportRow[] = [
  {
    code: "9.1",
    title: "Someturva-pilotti nuorille",
    titleSv: "Someturva-pilot för unga",
    titleEn: "Someturva pilot for young people",
    descriptionSv: "En digital tjänst där unga får hjälp med mobbning och trakasserier i sociala medier.",
    descriptionEn: "",
    description:
      "Digitaalinen palvelu, josta nuoret saavat apua sosiaalisen median kiusaamiseen ja häirintään.\nPalveluntuottaja raportoi käyttötilastot neljännesvuosittain.",
    priorityArea: "1",
    owner: "Kanslia",
    responsibleEmail: "koordinaattori@demo.lahiturva.fi",
    partners: ["Sote", "Nuoriso"],
    start: "2026-01-01",
    end: "2026-12-31",
    continuous: false,
    areas: [],
    budgetEur: 24000.5,
    costShares: [
      { name: "Kanslia", percent: 60 },
      { name: "Sote", percent: 40 },
    ],
    status: "proposed",
    goals: ["1"],
    progress: 0,
    late: false,
    lastFollowUpAt: null,
  },
  {
    code: "9.2",
    title: "Asukkaiden turvallisuuskävelyt",
    titleSv: "",
    titleEn: "",
    descriptionSv: "",
    descriptionEn: "",
    description: "Asukkaat, poliisi ja kaupunki kiertävät alueen yhdessä ja kirjaavat korjattavat kohteet.",
    priorityArea: "2",
    owner: "Kymp",
    responsibleEmail: "",
    partners: ["Poliisi", "Helka"],
    start: "2026-03-01",
    end: null,
    continuous: true,
    areas: ["district:301", "district:503"],
    budgetEur: null,
    costShares: [],
    status: "approved",
    goals: [],
    progress: 0,
    late: false,
    lastFollowUpAt: null,
  },
];

export async function writeTemplates(dir = join(process.cwd(), "public", "templates")) {
  const i18n = createInstance();
  await i18n.init({ ...i18nOptions, resources, lng: "fi" });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "toimenpiteet-malli.csv"), toCsv(TEMPLATE_ROWS, i18n.t, { lang: "fi", template: true }), "utf8");
  writeFileSync(join(dir, "toimenpiteet-malli.xlsx"), await toXlsx(TEMPLATE_ROWS, i18n.t, { lang: "fi", template: true }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeTemplates();
  console.log("Wrote public/templates/toimenpiteet-malli.csv and .xlsx");
}
