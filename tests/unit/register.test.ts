// The processing register is kept by the code: every table is annotated as personal (with its
// activity, personal columns and retention) or declared to hold none, and a column whose name
// says "person" must be covered. A new table or column without a decision fails here.
import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { ACTIVITIES, processingRegister, registerByActivity } from "../../db/schema/register";
import en from "~/i18n/locales/en";
import fi from "~/i18n/locales/fi";
import sv from "~/i18n/locales/sv";

const tables = (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable)).map((t) => getTableConfig(t));
const register = processingRegister();

/** Names that always mean a person (ids of people, contact details, network and device data). */
const PERSON =
  /(^|_)(user|author|actor|reporter|invited_by|updated_by)(_id)?$|_by_id$|(^|_)email$|phone|(^|_)ip$|user_agent|^to$|password|(^|_)secret$|credential/;
/** Names that often hold what people wrote or who they are: covered, or declared not personal. */
const MAYBE =
  /(^|_)(name|body|text|comment|note|title|detail|description|reason|minutes|snapshot|label|subject|obstacles|situation|params|done|next|place|lat|lng)$/;

describe("the processing register", () => {
  it("annotates every table, and only tables that exist", () => {
    const names = tables.map((t) => t.name).sort();
    expect(names.filter((n) => !(n in register))).toEqual([]);
    expect(Object.keys(register).filter((n) => !names.includes(n))).toEqual([]);
  });

  it("covers every column whose name suggests personal data", () => {
    const missing: string[] = [];
    for (const t of tables) {
      const a = register[t.name];
      for (const c of t.columns.map((col) => col.name)) {
        if (a === "none") {
          if (PERSON.test(c)) missing.push(`${t.name}.${c} (the table is declared without personal data)`);
          continue;
        }
        if (a.personal.includes(c) || a.notPersonal?.includes(c)) continue;
        if (PERSON.test(c) || MAYBE.test(c)) missing.push(`${t.name}.${c}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("names only columns that exist", () => {
    const wrong: string[] = [];
    for (const t of tables) {
      const a = register[t.name];
      if (a === "none") continue;
      const columns = t.columns.map((c) => c.name);
      for (const c of [...a.personal, ...(a.notPersonal ?? [])]) if (!columns.includes(c)) wrong.push(`${t.name}.${c}`);
    }
    expect(wrong).toEqual([]);
  });

  it("has the notice's texts for every activity and retention rule in fi, sv and en", () => {
    for (const locale of [fi, sv, en]) {
      for (const a of ACTIVITIES)
        for (const f of ["title", "purpose", "legalBasis", "dataCategories", "people", "recipients"] as const)
          expect(locale.processingRegister.activities[a][f]).toBeTruthy();
      for (const { retentions } of registerByActivity())
        for (const r of retentions) expect(locale.processingRegister.retentions[r]).toBeTruthy();
    }
  });
});
