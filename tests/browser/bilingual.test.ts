// Issue 15 E in a real browser: Swedish pages show Swedish titles where the demo city has them and
// Finnish, marked lang="fi", where it does not; the measure form's folded Swedish and English fields.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, expectAccessible, expectHeading, launchBrowser, newPage, signIn } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => {
  await browser?.close();
});

/** The measure link in a list, by its (Swedish or Finnish) title. */
const measureLink = (page: Page, title: string) => page.locator("main a[href^='/measures/']", { hasText: title });

describe("Swedish pages", () => {
  it("the public measure list shows Swedish titles, and a Finnish-only title carries lang=fi", async () => {
    const { context, page, errors } = await newPage(browser, { locale: "sv-FI" });
    await page.goto("/measures");
    await expectHeading(page, /Åtgärder/);
    expect(await page.locator("html").getAttribute("lang")).toBe("sv");

    // 1.1 has a Swedish title: shown as Swedish, with no lang of its own.
    const swedish = measureLink(page, "Uppsökande ungdomsarbete i köpcentrum och på metrostationer kvällstid");
    await expect(swedish.count()).resolves.toBe(1);
    await expect(swedish.locator("[lang]").count()).resolves.toBe(0);
    await expect(measureLink(page, "Jalkautuva nuorisotyö").count()).resolves.toBe(0);

    // 2.1 has none: the Finnish title, marked so a screen reader pronounces it as Finnish.
    const finnish = measureLink(page, "Valaistuksen parantaminen asukkaiden pelkäämissä paikoissa");
    await expect(finnish.locator("span[lang='fi']").textContent()).resolves.toBe(
      "Valaistuksen parantaminen asukkaiden pelkäämissä paikoissa",
    );
    await expectAccessible(page);

    // The measure page: Swedish title and task, a Finnish-only task marked.
    await measureLink(page, "En gemensam modell för att förebygga våld i skolan").click();
    await expectHeading(page, /1\.2 En gemensam modell för att förebygga våld i skolan/);
    await expect(page.getByText("Pilot av modellen i tio skolor").count()).resolves.toBe(1);
    await expect(page.locator("main li span[lang='fi']", { hasText: "Koulutusmateriaalin viimeistely" }).count()).resolves.toBe(1);
    await expectAccessible(page);

    // The same list in Finnish marks nothing.
    await page.goto("/measures?lng=fi");
    await expectHeading(page, /Toimenpiteet/);
    await expect(measureLink(page, "Jalkautuva nuorisotyö ostoskeskuksissa").count()).resolves.toBe(1);
    await expect(page.locator("main a[href^='/measures/'] [lang]").count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the steering summary in Swedish marks its Finnish-only titles", async () => {
    const { context, page, errors } = await newPage(browser, { locale: "sv-FI" });
    await signIn(page, DEMO.mayor);
    // The mayor's account language is Finnish; the page's language switch chooses Swedish.
    await page.goto("/steering?lng=sv");
    await expectHeading(page, "Säkerhetsplanens läge");
    const marked = page.locator("main a[href^='/measures/'] span[lang='fi']");
    await expect(marked.count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("the measure form", () => {
  it("folds the Swedish and English title until opened, keeps it through a validation error, and saves it", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    await page.goto("/measures?q=Lähipoliisitoiminta");
    await measureLink(page, "Lähipoliisitoiminta Kalliossa ja Alppiharjussa").click();
    await expectHeading(page, /2\.2 Lähipoliisitoiminta/);
    const measureUrl = new URL(page.url()).pathname;
    await page.goto(`${measureUrl}/edit`);
    await expectHeading(page, /Muokkaa toimenpidettä 2\.2/);

    const swedishTitle = page.getByLabel("Otsikko ruotsiksi", { exact: true });
    await expect(swedishTitle.isVisible()).resolves.toBe(false);
    // Opened by keyboard, as a keyboard user would.
    await page.locator("summary", { hasText: "Otsikko ruotsiksi ja englanniksi" }).focus();
    await page.keyboard.press("Enter");
    await expect(swedishTitle.isVisible()).resolves.toBe(true);
    expect(await swedishTitle.getAttribute("lang")).toBe("sv");
    await expectAccessible(page);

    await swedishTitle.fill("Närpolisverksamhet i Berghäll och Åshöjden");
    await page.locator("input[name='title']").fill("");
    await page.getByRole("button", { name: "Tallenna" }).click();
    await expect(page.getByText("Tämä tieto on pakollinen.").count()).resolves.toBeGreaterThan(0);
    // What was typed stays, and the section stays open so it is seen.
    await expect(swedishTitle.isVisible()).resolves.toBe(true);
    expect(await swedishTitle.inputValue()).toBe("Närpolisverksamhet i Berghäll och Åshöjden");

    await page.locator("input[name='title']").fill("Lähipoliisitoiminta Kalliossa ja Alppiharjussa");
    await page.getByRole("button", { name: "Tallenna" }).click();
    await page.waitForURL(/saved=measure/);

    await page.goto(`${measureUrl}?lng=sv`);
    await expectHeading(page, /2\.2 Närpolisverksamhet i Berghäll och Åshöjden/);
    await expect(page.locator("h1 [lang]").count()).resolves.toBe(0);
    await page.goto(`${measureUrl}?lng=en`);
    await expect(page.locator("h1 span[lang='fi']").textContent()).resolves.toBe("Lähipoliisitoiminta Kalliossa ja Alppiharjussa");
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
