// Reflow (WCAG 1.4.10) and print: no page is wider than a 390 px phone, the steering summary fits
// at 1366 px without clipped cells, the measure filters fold on phones, pages print their filters
// in words without controls, and the flags say why a measure is late or stale.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, expectAccessible, expectHeading, launchBrowser, newPage, signIn } from "./helpers";
import { routePaths } from "./route-paths";

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

/** How much wider than the viewport the document is (0: it reflows). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Every page route, as an HTML page (downloads and the sign-out are not pages to look at). */
async function htmlPaths(page: Page) {
  const result: string[] = [];
  for (const { routeId, path } of await routePaths()) {
    if (routeId.includes("logout")) continue;
    const res = await page.request.get(path, { maxRedirects: 0 });
    if (res.status() >= 300 && res.status() < 400) continue;
    if (!(res.headers()["content-type"] ?? "").includes("text/html")) continue;
    result.push(path);
  }
  return result;
}

async function wideOnPhone(page: Page): Promise<string[]> {
  await page.setViewportSize(PHONE);
  const failures: string[] = [];
  for (const path of await htmlPaths(page)) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const extra = await overflow(page);
    if (extra > 0) failures.push(`${path}: ${PHONE.width + extra} px`);
  }
  return failures;
}

describe("reflow at 390 px", () => {
  it("no page is wider than the phone, anonymous", async () => {
    const { context, page } = await newPage(browser);
    expect(await wideOnPhone(page)).toEqual([]);
    await context.close();
  }, 300_000);

  it("no page is wider than the phone, as the mayor", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.mayor);
    expect(await wideOnPhone(page)).toEqual([]);
    await context.close();
  }, 300_000);

  it("pages with wide tables scroll them inside a focusable, labelled region (axe on a phone)", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    await page.setViewportSize(PHONE);
    const plans = await routePaths();
    for (const routeId of [
      "routes/plans.$planId",
      "routes/neighbourhood-plans.$planId._index",
      "routes/expert._index",
      "routes/areas._index",
    ]) {
      const path = plans.find((p) => p.routeId === routeId)!.path;
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expectAccessible(page);
    }
    await context.close();
  });
});

describe("the steering summary", () => {
  it("fits at 1366 px: no cell of a table or list is cut off at its card's edge", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.mayor);
    await page.setViewportSize(DESKTOP);
    await page.goto("/steering");
    await page.waitForLoadState("networkidle");
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // Every cell and list item ends inside its section (the card), and no table scrolls sideways.
    const clipped = await page.evaluate(() => {
      const out: string[] = [];
      for (const section of document.querySelectorAll("main section")) {
        const right = section.getBoundingClientRect().right;
        for (const el of section.querySelectorAll("th, td, li")) {
          if (el.getBoundingClientRect().right > right + 0.5) out.push((el.textContent ?? "").slice(0, 40));
        }
        for (const scroller of section.querySelectorAll<HTMLElement>(".mantine-ScrollArea-viewport, [class*=ScrollContainer]")) {
          if (scroller.scrollWidth > scroller.clientWidth + 1) out.push(`scrolls: ${scroller.className}`);
        }
      }
      return out;
    });
    expect(clipped).toEqual([]);
    await expect(page.getByText(/Luvut laskettu \d+\.\d+\.\d{4}/).count()).resolves.toBe(1);
    await expectAccessible(page);
    await context.close();
  });

  it("reflows on a phone, and says why a measure is late or stale", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.mayor);
    await page.setViewportSize(PHONE);
    await page.goto("/steering");
    await page.waitForLoadState("networkidle");
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const late = page.locator("section", { has: page.locator("#late-title") });
    await expect(late.getByText(/^Myöhässä, koska (päättymispäivä|tehtävän)/).count()).resolves.toBeGreaterThan(0);
    const stale = page.locator("section", { has: page.locator("#stale-title") });
    await expect(stale.getByText(/^Päivittämättä: /).count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page);
    await context.close();
  });

  it("prints its title, date and filters in words, without the form", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.mayor);
    await page.goto("/steering");
    const option = page.getByLabel("Painopistealue").locator("option").nth(2);
    const areaName = (await option.textContent())!.trim();
    await page.goto(`/steering?priority=${await option.getAttribute("value")}`);
    await page.waitForLoadState("networkidle");
    await expect(page.getByTestId("filter-sentence").isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: "print" });
    const sentence = page.getByTestId("filter-sentence");
    await expect(sentence.isVisible()).resolves.toBe(true);
    await expect(sentence.textContent()).resolves.toBe(`Rajaus: Painopistealue: ${areaName}.`);
    await expect(page.locator("main form").first().isVisible()).resolves.toBe(false);
    await expect(page.getByRole("heading", { level: 1 }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/Luvut laskettu/).isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe("the measure list", () => {
  it("folds its filters on a phone and says how many are active; opens them from the keyboard", async () => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize(PHONE);
    await page.goto("/measures?late=1&status=in_progress");
    await page.waitForLoadState("networkidle");
    const details = page.locator("details.filter-disclosure");
    await expect(details.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(false);
    await expect(page.getByTestId("active-filters").textContent()).resolves.toBe("(2 suodatinta käytössä)");
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.locator("details.filter-disclosure > summary").focus();
    await page.keyboard.press("Enter");
    await expect(details.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(true);
    await expect(page.getByLabel("Hae").isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await context.close();
  });

  it("shows its filters open on a wide screen, and open without JavaScript", async () => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize(DESKTOP);
    await page.goto("/measures");
    await page.waitForLoadState("networkidle");
    await expect(page.locator("details.filter-disclosure").evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(true);
    await expect(page.getByTestId("active-filters").textContent()).resolves.toBe("(ei suodattimia käytössä)");
    await context.close();
    const noScript = await newPage(browser, { javaScriptEnabled: false });
    await noScript.page.setViewportSize(PHONE);
    await noScript.page.goto("/measures");
    await expect(noScript.page.locator("details.filter-disclosure").evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(true);
    await noScript.context.close();
  });

  it("prints the filters in words, without the form, and says why rows are late", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/measures?late=1");
    await page.waitForLoadState("networkidle");
    await expect(page.getByText(/^Myöhässä, koska /).count()).resolves.toBeGreaterThan(0);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("filter-sentence").textContent()).resolves.toBe("Rajaus: Vain myöhässä olevat.");
    await expect(page.getByTestId("filter-sentence").isVisible()).resolves.toBe(true);
    await expect(page.locator("main form").first().isVisible()).resolves.toBe(false);
    await context.close();
  });
});

describe("the status review", () => {
  it("prints its title and dates without controls, and says why a measure is late", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.mayor);
    const review = (await routePaths()).find((p) => p.routeId === "routes/reviews.$reviewId._index")!.path;
    await page.goto(review);
    await page.waitForLoadState("networkidle");
    await expect(page.getByText(/^Myöhässä, koska /).count()).resolves.toBeGreaterThan(0);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("heading", { level: 1 }).isVisible()).resolves.toBe(true);
    for (const f of await page.locator("main form").all()) await expect(f.isVisible()).resolves.toBe(false);
    await context.close();
  });
});

describe("why late", () => {
  it("measure 6.4 says it is late because of an overdue open task, though it ends later", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.mayor);
    await page.goto("/measures?q=6.4");
    await page.getByRole("link", { name: "Turvallisuuskävelyt yhdessä asukkaiden kanssa" }).first().click();
    await expectHeading(page, /Turvallisuuskävelyt yhdessä asukkaiden kanssa/);
    await expect(
      page.getByText(/^Myöhässä, koska tehtävän ”.+” määräpäivä oli \d+\.\d+\.\d{4} ja tehtävä on yhä auki\.$/).count(),
    ).resolves.toBe(1);
    // Printed: the title and the reason, no buttons or forms.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("heading", { level: 1 }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/^Tilanne \d+\.\d+\.\d{4}/).isVisible()).resolves.toBe(true);
    for (const b of await page.locator("main button").all()) await expect(b.isVisible()).resolves.toBe(false);
    await context.close();
  });
});
