// Every page says which page it is in its <title>, in the reader's language (WCAG 2.4.2): never
// the bare service name, never a Finnish title on an English page. And the pages stay accessible
// with their menus open (axe checks what is in the DOM, so a closed menu hides its faults).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, DEMO, expectAccessible, launchBrowser, newPage, signIn } from "./helpers";
import { type Session, signInOverHttp } from "./http-client";
import { routePaths } from "./route-paths";

const SERVICE = "Lähiturva";

function titleOf(html: string): string | null {
  const m = /<title>([^<]*)<\/title>/.exec(html);
  return m
    ? m[1]!
        .replace(/&amp;/g, "&")
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/&quot;/g, '"')
    : null;
}

/** Each HTML page a reader can open (200 or an error page), with its title in Finnish and English. */
async function titles(session: Session | undefined) {
  const rows: { path: string; status: number; fi: string | null; en: string | null }[] = [];
  for (const { path } of await routePaths()) {
    const get = (lng: string) =>
      fetch(`${baseUrl()}${path}${path.includes("?") ? "&" : "?"}lng=${lng}`, {
        redirect: "manual",
        headers: { ...(session ? { Cookie: session.cookie } : {}), "Accept-Language": lng },
      });
    const fi = await get("fi");
    if (!(fi.headers.get("content-type") ?? "").includes("text/html")) {
      await fi.arrayBuffer();
      continue;
    }
    const en = await get("en");
    rows.push({ path, status: fi.status, fi: titleOf(await fi.text()), en: titleOf(await en.text()) });
  }
  return rows;
}

describe("every page has a specific title in the reader's language", () => {
  for (const role of ["anonymous", "resident", "coordinator"] as const) {
    it(`as ${role}`, async () => {
      const session = role === "anonymous" ? undefined : await signInOverHttp(DEMO[role]);
      const rows = await titles(session);
      expect(rows.length).toBeGreaterThan(role === "anonymous" ? 10 : 20);
      const bare = rows.filter((r) => r.fi === SERVICE || r.en === SERVICE || !r.fi || !r.en).map((r) => r.path);
      expect(bare, "pages titled only with the service's name").toEqual([]);
      const untranslated = rows.filter((r) => r.fi === r.en).map((r) => `${r.path}: ${r.fi}`);
      expect(untranslated, "pages whose English title is the Finnish one").toEqual([]);
      for (const r of rows) expect(r.fi!.endsWith(` – ${SERVICE}`), r.path).toBe(true);
    });
  }
});

describe("menus open", () => {
  let browser: Browser;
  beforeAll(async () => {
    ({ browser } = await launchBrowser());
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the user menu and the phone navigation pass axe while open", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, DEMO.mayor);
    await page.getByTestId("user-menu").click();
    await page.getByRole("menu").waitFor();
    await expect(page.getByRole("menuitem").count()).resolves.toBe(3);
    await expectAccessible(page);
    await page.keyboard.press("Escape");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "Näytä tai piilota valikko" }).click();
    await page.getByRole("navigation").getByRole("link").first().waitFor();
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
