// The steering group's journey, and the coordinator sending a status review, in a real browser.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, expectAccessible, expectHeading, expectRowCount, launchBrowser, newPage, signIn } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => {
  await browser?.close();
});

describe("steering group", () => {
  it("the mayor opens the summary, drills down from a number, opens the latest review and downloads its PDF", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, DEMO.mayor);
    expect(new URL(page.url()).pathname).toBe("/steering");
    await expectHeading(page, "Turvallisuussuunnitelman tilanne");
    await page.getByRole("heading", { name: "Toimenpiteet tiloittain painopistealueittain" }).waitFor();
    await expectAccessible(page);

    // The "late" number links to the measure list filtered the same way, with as many rows.
    const lateLink = page.getByRole("link", { name: /^Myöhässä: \d+$/ });
    const lateCount = Number((await lateLink.textContent())?.trim());
    expect(lateCount).toBeGreaterThan(0);
    await lateLink.click();
    await page.waitForURL(/\/measures\?.*late=1/);
    await expectHeading(page, "Toimenpiteet");
    await expectRowCount(page, lateCount);
    await expect(page.getByText(`${lateCount} tulos`).count()).resolves.toBeGreaterThan(0);

    // A number in the per-area table links to exactly that many measures.
    await page.goto("/steering");
    const cell = page.getByRole("link", { name: /toimenpidettä tilassa Käynnissä/ }).first();
    const cellCount = Number(await cell.textContent());
    await cell.click();
    await page.waitForURL(/status=in_progress/);
    await expectHeading(page, "Toimenpiteet");
    await expectRowCount(page, Math.min(cellCount, 25));

    // The latest review, frozen, and its PDF.
    await page.goto("/steering");
    await page.getByText("Edellinen tilannekatsaus:").locator("a").click();
    await page.waitForURL(/\/reviews\/\d+$/);
    await page.getByText("Tämä katsaus on lukittu asiakirja.", { exact: false }).waitFor();
    await expect(page.getByRole("heading", { name: "Johtoryhmän päätökset" }).count()).resolves.toBe(1);
    await expectAccessible(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Lataa PDF" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tilannekatsaus-\d+\.pdf$/);
    const path = await download.path();
    expect(readFileSync(path!).subarray(0, 5).toString()).toBe("%PDF-");
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("steering group on a phone, in Swedish and English", () => {
  for (const [lng, texts] of [
    [
      "sv",
      {
        summary: "Säkerhetsplanens läge",
        byArea: "Åtgärder efter status per fokusområde",
        last: "Föregående lägesöversikt:",
        frozen: "Denna översikt är ett låst dokument.",
        pdf: "Ladda ner PDF",
      },
    ],
    [
      "en",
      {
        summary: "Where the safety plan stands",
        byArea: "Measures by status in each priority area",
        last: "Previous status review:",
        frozen: "This review is a frozen record.",
        pdf: "Download PDF",
      },
    ],
  ] as const) {
    it(`the mayor reads the summary and the latest review at 390×844 (${lng})`, async () => {
      const { context, page, errors } = await newPage(browser);
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, DEMO.mayor);
      // ?lng= reads the page in that language without changing the account's own.
      await page.goto(`/steering?lng=${lng}`);
      await expectHeading(page, texts.summary);
      await page.getByRole("heading", { name: texts.byArea }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectAccessible(page);
      const review = await page.getByText(texts.last).locator("a").getAttribute("href");
      await page.goto(`${review}?lng=${lng}`);
      await page.getByText(texts.frozen, { exact: false }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectAccessible(page);
      await expect(page.getByRole("link", { name: texts.pdf }).count()).resolves.toBe(1);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe("coordinator", () => {
  it("writes an assessment and sends the draft review to the steering group, after which it is frozen", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    await page.goto("/reviews");
    await expectHeading(page, "Tilannekatsaukset");
    await expectAccessible(page);
    const draftRow = page.locator("tbody tr", { hasText: "Luonnos" }).first();
    await draftRow.getByRole("link").click();
    await page.waitForURL(/\/reviews\/\d+$/);
    await page.getByText("Luonnos näyttää tiedot reaaliaikaisina.", { exact: false }).waitFor();
    await expectAccessible(page);

    const areaSection = page.locator("section", { has: page.getByRole("heading", { name: /^3 / }) });
    await areaSection.getByLabel("Arvio tilanteesta").fill("Joukkoliikenteen toimenpiteet etenevät aikataulussa.");
    await areaSection.getByRole("button", { name: "Tallenna arvio" }).click();
    await page.getByText("Arvio tallennettu.").waitFor();

    await page.getByRole("button", { name: "Lähetä johtoryhmälle" }).click();
    await page.getByText("Katsaus lähetetty johtoryhmälle ja lukittu.").waitFor();
    await page.getByText("Tämä katsaus on lukittu asiakirja.", { exact: false }).waitFor();
    await expect(page.getByText("Joukkoliikenteen toimenpiteet etenevät aikataulussa.").count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "Tallenna arvio" }).count()).resolves.toBe(0);
    await expect(page.getByRole("heading", { name: "Muutokset edelliseen katsaukseen" }).count()).resolves.toBe(1);
    await context.close();
  });
});

describe("the summary's 'no priority area' row", () => {
  it("its numbers open measure lists of exactly that many measures, and the list names what it counts", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    // Make one more measure without a priority area: take one off its area for the test (the demo's
    // situation proposals have none, so the list is filtered to the first area to find one).
    await page.goto("/measures");
    const firstArea = await page
      .getByLabel("Painopistealue", { exact: true })
      .locator("option")
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).find((v) => /^\d+$/.test(v)));
    await page.goto(`/measures?priority=${firstArea}`);
    await page.locator("tbody tr").first().getByRole("link").first().click();
    await page.waitForURL(/\/measures\/\d+$/);
    const measurePath = new URL(page.url()).pathname;
    await page.goto(`${measurePath}/edit`);
    const prioritySelect = page.getByLabel("Painopistealue", { exact: true });
    const original = await prioritySelect.inputValue();
    expect(original).not.toBe("");
    await prioritySelect.selectOption("");
    await page.getByRole("button", { name: "Tallenna", exact: true }).click();
    await page.getByText("Toimenpide tallennettu.").waitFor();

    await page.goto("/steering");
    await page.getByTestId("count-sentence").waitFor();
    const total = page.getByRole("link", { name: /toimenpidettä yhteensä, Ei painopistealuetta$/ });
    const count = Number((await total.textContent())?.trim());
    expect(count).toBeGreaterThan(0);
    await total.click();
    await page.waitForURL(/priority=none/);
    await expectHeading(page, "Toimenpiteet");
    await expectRowCount(page, Math.min(count, 25));
    await expect(page.getByTestId("count-sentence").textContent()).resolves.toMatch(new RegExp(`^${count} toimenpide`));
    // The list's own filter offers the same choice.
    await expect(page.getByLabel("Painopistealue", { exact: true }).inputValue()).resolves.toBe("none");
    await expectAccessible(page);

    // Put the measure back where it was.
    await page.goto(`${measurePath}/edit`);
    await page.getByLabel("Painopistealue", { exact: true }).selectOption(original);
    await page.getByRole("button", { name: "Tallenna", exact: true }).click();
    await page.getByText("Toimenpide tallennettu.").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** The header's language switch: it reloads the page and remembers the choice as the person's language. */
async function chooseLanguage(page: Page, name: string, lang: string) {
  await page.getByRole("button", { name }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

describe("status review titles", () => {
  it("a title another review of the plan has is refused at the field, keeping what was typed", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    await page.goto("/reviews");
    await expectHeading(page, "Tilannekatsaukset");
    const existing = (await page.locator("tbody tr").first().getByRole("link").textContent())!.trim();
    const rowsBefore = await page.locator("tbody tr").count();
    await page.getByLabel("Otsikko suomeksi").fill(existing);
    await page.getByLabel("Kausi alkaa").fill("2026-09-01");
    await page.getByRole("button", { name: "Aloita katsaus" }).click();
    await page.getByText("Suunnitelmassa on jo tämänniminen tilannekatsaus.", { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/reviews");
    expect(await page.getByLabel("Otsikko suomeksi").inputValue()).toBe(existing);
    expect(await page.getByLabel("Kausi alkaa").inputValue()).toBe("2026-09-01");
    await expectRowCount(page, rowsBefore);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });
  it("a review titled in Finnish and Swedish reads in the reader's language, with Finnish (lang=fi) on English pages and English file names", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    await page.goto("/reviews");
    await page.getByLabel("Otsikko suomeksi").fill("Kielikatsaus 1/2027");
    await page.getByLabel("Otsikko ruotsiksi").fill("Språköversikt 1/2027");
    await page.getByRole("button", { name: "Aloita katsaus" }).click();
    await page.waitForURL(/\/reviews\/\d+$/);
    const reviewPath = new URL(page.url()).pathname;
    await expectHeading(page, "Kielikatsaus 1/2027");
    await expectAccessible(page);

    // Swedish: the Swedish title, on the list, the page and in the browser's title.
    await chooseLanguage(page, "Svenska", "sv");
    await expectHeading(page, "Språköversikt 1/2027");
    expect(await page.title()).toMatch(/^Språköversikt 1\/2027 – /);
    await page.goto("/reviews");
    await expect(page.getByRole("link", { name: "Språköversikt 1/2027" }).count()).resolves.toBe(1);
    await expectAccessible(page);

    // English: no English title, so the Finnish one, marked as Finnish.
    await page.goto(reviewPath);
    await chooseLanguage(page, "English", "en");
    await expectHeading(page, "Kielikatsaus 1/2027");
    await expect(page.locator('h1 [lang="fi"]').textContent()).resolves.toBe("Kielikatsaus 1/2027");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^status-review-\d+-draft\.pdf$/);

    // Renaming the draft adds the English title.
    await page.getByText("Edit the titles").click();
    await page.getByLabel("Title in English").fill("Language review 1/2027");
    await page.getByRole("button", { name: "Save the titles" }).click();
    await page.getByText("The titles were saved.").waitFor();
    await expectHeading(page, "Language review 1/2027");
    await expectAccessible(page);
    await chooseLanguage(page, "Suomi", "fi");
    expect(errors).toEqual([]);
    await context.close();
  });
});
