// The public side in a real browser (issue 15, part B): an anonymous visitor on a phone and on a
// desktop, in Finnish and in English, goes from the front page to a published residents' safety
// plan and to the plan in force, finds the plans from the menu, and never scrolls sideways; axe on
// every page. The README's two pictures are made here, after their pages' checks.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, expectAccessible, expectHeading, launchBrowser, newPage, signIn } from "./helpers";

const SCREENSHOTS = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));
const PUBLISHED_PLAN = "Turvallisempi Karhupuisto ja Vaasanaukio";
/** The plan in force, named in the reader's language. */
const CITY_PLAN = /2025–2028/;

const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1366, height: 900 },
] as const;

const LANGUAGES = [
  {
    lng: "fi",
    locale: "fi-FI",
    front: "Turvallinen kaupunki tehdään yhdessä",
    planInForce: "Voimassa oleva turvallisuussuunnitelma",
    priorityAreas: "Painopistealueet",
    newest: "Uusimmat asukkaiden turvallisuussuunnitelmat",
    menu: "Asukkaiden turvallisuussuunnitelmat",
    toggle: "Näytä tai piilota valikko",
    listTitle: "Asukkaiden turvallisuussuunnitelmat",
    search: "Hakusanat",
    submit: "Hae",
    signIn: "Kirjaudu sisään",
  },
  {
    lng: "en",
    locale: "en-GB",
    front: "A safe city is built together",
    planInForce: "The safety plan in force",
    priorityAreas: "Priority areas",
    newest: "The newest residents' safety plans",
    menu: "Residents' safety plans",
    toggle: "Show or hide menu",
    listTitle: "Residents' safety plans",
    search: "Search words",
    submit: "Search",
    signIn: "Sign in",
  },
] as const;

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** WCAG 1.4.10: the page reflows into the viewport instead of scrolling sideways. */
async function expectNoSidewaysScroll(page: Page, width: number) {
  const { scrollWidth, widest } = await page.evaluate((w) => {
    // What sticks out, to say which element to fix when the check fails.
    const widest = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > w)
      .slice(-3)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} "${(e.textContent ?? "").slice(0, 40)}"`);
    return { scrollWidth: document.documentElement.scrollWidth, widest };
  }, width);
  expect(scrollWidth, `page width of ${page.url()}: ${widest.join("; ")}`).toBeLessThanOrEqual(width);
}

describe("an anonymous visitor finds the city's picture and the residents' safety plans", () => {
  for (const viewport of VIEWPORTS) {
    for (const lang of LANGUAGES) {
      it(`${viewport.name}, ${lang.lng}: front page → a published residents' plan, → the plan in force, → the plans from the menu`, async () => {
        const { context, page, errors } = await newPage(browser, { locale: lang.locale });
        await page.setViewportSize({ width: viewport.width, height: viewport.height });

        await page.goto("/");
        await expectHeading(page, lang.front);
        expect(await page.locator("html").getAttribute("lang")).toBe(lang.lng);
        // The picture: the plan in force with its progress, its priority areas, the newest plans.
        await expect(page.getByText(lang.planInForce, { exact: true }).isVisible()).resolves.toBe(true);
        await expect(page.getByRole("heading", { level: 3, name: CITY_PLAN }).isVisible()).resolves.toBe(true);
        const areas = page.getByRole("region", { name: lang.priorityAreas });
        expect(await areas.getByRole("listitem").count()).toBeGreaterThanOrEqual(5);
        // Each priority area's count links to the measure list filtered by it.
        expect(await areas.getByRole("link").first().getAttribute("href")).toMatch(/^\/measures\?plan=\d+&priority=\d+$/);
        await expectAccessible(page);
        await expectNoSidewaysScroll(page, viewport.width);
        // The header is fixed: what sticks out of it could not be scrolled to at all.
        const headerRight = await page.evaluate(() =>
          Math.max(...[...document.querySelectorAll("header *")].map((e) => e.getBoundingClientRect().right)),
        );
        expect(headerRight).toBeLessThanOrEqual(viewport.width);

        // → a published residents' safety plan.
        await page.getByRole("region", { name: lang.newest }).getByRole("link", { name: PUBLISHED_PLAN }).click();
        await page.waitForURL(/\/neighbourhood-plans\/\d+$/);
        await expectHeading(page, PUBLISHED_PLAN);
        await expectAccessible(page);
        await expectNoSidewaysScroll(page, viewport.width);
        if (viewport.name === "desktop" && lang.lng === "fi") {
          await page.screenshot({ path: `${SCREENSHOTS}published-plan.png` });
        }

        // → back to the front page, then the plan in force.
        await page.goto("/");
        await expectHeading(page, lang.front);
        await page.getByRole("heading", { level: 3, name: CITY_PLAN }).getByRole("link").click();
        await page.waitForURL(/\/plans\/\d+$/);
        await expectHeading(page, CITY_PLAN);
        await expectAccessible(page);

        // → the published plans from the menu (behind the menu button on a phone), and a search.
        if (viewport.name === "phone") {
          await page.getByRole("button", { name: lang.toggle }).click();
          // Signing in is the menu's last entry on a phone (the header has no room for it).
          await page.getByRole("navigation").getByRole("link", { name: lang.signIn }).waitFor();
        }
        await page.getByRole("navigation").getByRole("link", { name: lang.menu, exact: true }).click();
        await page.waitForURL(/\/neighbourhood-plans$/);
        await expectHeading(page, lang.listTitle);
        await page.getByLabel(lang.search).fill("Karhupuisto");
        await page.getByRole("button", { name: lang.submit, exact: true }).click();
        await page.waitForURL(/\/neighbourhood-plans\?q=Karhupuisto/);
        await page.getByRole("link", { name: PUBLISHED_PLAN }).waitFor();
        await expectAccessible(page);
        await expectNoSidewaysScroll(page, viewport.width);

        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }

  it("without JavaScript the front page, the list and its search work the same", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    await expectHeading(page, LANGUAGES[0].front);
    await expectNoSidewaysScroll(page, 390);
    await page.getByRole("region", { name: LANGUAGES[0].newest }).getByRole("link", { name: LANGUAGES[0].menu }).click();
    await page.waitForURL(/\/neighbourhood-plans$/);
    await page.getByLabel(LANGUAGES[0].search).fill("Vaasanaukio");
    await page.getByRole("button", { name: LANGUAGES[0].submit, exact: true }).click();
    await page.waitForURL(/\/neighbourhood-plans\?q=Vaasanaukio/);
    await expect(page.getByRole("link", { name: PUBLISHED_PLAN }).isVisible()).resolves.toBe(true);
    await expectNoSidewaysScroll(page, 390);
    await context.close();
  });
});

describe("the README's picture of the steering summary", () => {
  it("the mayor's summary at 1366×900 is accessible, then saved as docs/screenshots/steering-summary.png", async () => {
    const { context, page, errors } = await newPage(browser);
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, DEMO.mayor);
    await page.goto("/steering");
    await expectHeading(page, "Turvallisuussuunnitelman tilanne");
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    await page.screenshot({ path: `${SCREENSHOTS}steering-summary.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
