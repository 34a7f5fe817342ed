// Every text exists in all three languages, with the same placeholders, and every key the code
// uses exists. A missing translation fails here instead of showing a raw key to a user.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "~/i18n/locales/en";
import fi from "~/i18n/locales/fi";
import sv from "~/i18n/locales/sv";
import { i18nFor } from "~/i18n/i18n.server";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const languages = { fi: flatten(fi as Tree), sv: flatten(sv as Tree), en: flatten(en as Tree) };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe("translations", () => {
  for (const [lang, texts] of Object.entries(languages)) {
    it(`${lang} has exactly the Finnish keys, none empty, with the same placeholders`, () => {
      const missing = [...languages.fi.keys()].filter((k) => !texts.has(k));
      const extra = [...texts.keys()].filter((k) => !languages.fi.has(k));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      const empty = [...texts].filter(([, v]) => !v.trim()).map(([k]) => k);
      expect(empty).toEqual([]);
      const mismatched = [...texts]
        .filter(([k, v]) => placeholders(v).join() !== placeholders(languages.fi.get(k)!).join())
        .map(([k]) => k);
      expect(mismatched).toEqual([]);
    });
  }

  it("Swedish and English are really translated, not copies of the Finnish", () => {
    for (const lang of ["sv", "en"] as const) {
      const same = [...languages[lang]].filter(([k, v]) => v === languages.fi.get(k) && v.length > 12);
      expect(
        same.length,
        `${lang}: ${same
          .map(([k]) => k)
          .slice(0, 5)
          .join(", ")}`,
      ).toBeLessThan(5);
    }
  });

  it("every literal key used in the code exists (plural keys by their _one/_other forms)", () => {
    const used = new Set<string>();
    for (const file of sourceFiles("app")) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g)) used.add(m[1]);
      for (const m of text.matchAll(/"((?:validation|auth|admin|account|errors)\.[a-zA-Z0-9_.]+)"/g)) used.add(m[1]);
    }
    const fiKeys = languages.fi;
    const known = (k: string) => fiKeys.has(k) || fiKeys.has(`${k}_one`) || [...fiKeys.keys()].some((x) => x.startsWith(`${k}.`));
    // Permission action names and audit events share the "admin."/"account."/"auth." prefix but are not texts.
    const notTexts =
      /^(admin\.(view|manage\w+|invite|security)|account\.(view|registered|passwordChanged|dataExported|inactive|deleted)|auth\.(signIn|signInFailed|secondFactor\w*|recoveryCodeUsed))$/;
    const unknown = [...used].filter((k) => !known(k) && !notTexts.test(k));
    expect(unknown).toEqual([]);
  });
});

describe("dates and numbers inside texts", () => {
  it("use the same locales as the pages: English is en-GB (24 Dec 2026, 13:00), not US English", () => {
    const when = new Date("2026-12-24T11:00:00Z"); // 13:00 in Helsinki
    const en = i18nFor("en").getFixedT("en")("workspaces.notify.meetingInvited", { title: "Kokous", when });
    expect(en).toContain("24 Dec 2026, 13:00");
    expect(en).not.toMatch(/PM|Dec 24/);
    const sv = i18nFor("sv").getFixedT("sv")("workspaces.notify.meetingInvited", { title: "Möte", when });
    expect(sv).toContain("24 dec. 2026 13.00"); // sv-FI, as the pages write it
    const fi = i18nFor("fi").getFixedT("fi")("workspaces.notify.meetingInvited", { title: "Kokous", when });
    expect(fi).toMatch(/24\.12\.2026.*13\.00/);
  });
});
