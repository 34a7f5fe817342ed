// The plan in a real browser: an anonymous visitor finds the plan in force and its priority areas,
// and a coordinator records a priority area and the years it is in force (with and without JavaScript).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clock } from "~/server/platform/clock";
import { helsinkiDate } from "~/server/city/measure-rules";
import { DEMO, expectAccessible, expectHeading, launchBrowser, newPage, signIn } from "./helpers";

const PLAN_NAME = "Helsingin turvallisuussuunnitelma 2025–2028";

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the in-force plan's management page through the plan list, as a coordinator would. */
async function openPlanAdmin(page: Page) {
  await page.goto("/admin/plans");
  await page.getByRole("link", { name: PLAN_NAME, exact: true }).click();
  await page.waitForURL(/\/admin\/plans\/\d+$/);
  await expectHeading(page, "Hallinta");
}

describe("the public plan page", () => {
  it("an anonymous visitor opens /plan and lands on the plan in force with its priority areas", async () => {
    const { context, page, errors } = await newPage(browser);
    const response = await page.goto("/plan");
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toMatch(/^\/plans\/\d+$/);
    await expectHeading(page, PLAN_NAME);
    await expect(page.getByText("Voimassa", { exact: true }).first().isVisible()).resolves.toBe(true);
    // The approving decision is on record.
    const decision = page.getByRole("region", { name: "Hyväksymispäätös" });
    await expect(decision.getByText("Päätöspäivä").isVisible()).resolves.toBe(true);

    // The server's year in Helsinki, from the same clock module the server reads.
    const year = Number(helsinkiDate(clock.now()).slice(0, 4));
    const inForce = page.getByRole("region", { name: `Painopistealueet vuonna ${year}` });
    await expect(inForce.getByRole("heading", { level: 3 }).count()).resolves.toBeGreaterThanOrEqual(5);

    // The yearly history: one row per priority area, one column per year of the plan period.
    const history = page.getByRole("table", { name: /Painopistealueiden voimassaolo/ });
    await expect(history.getByRole("columnheader").allTextContents()).resolves.toEqual(["Painopistealue", "2025", "2026", "2027", "2028"]);
    await expect(history.getByRole("rowheader").count()).resolves.toBeGreaterThanOrEqual(6);

    // Counts link to the measure list filtered by plan and priority area.
    const counts = page.getByRole("table", { name: /toimenpiteet painopistealueen ja tilan mukaan/i });
    const href = await counts.getByRole("link").first().getAttribute("href");
    expect(href).toMatch(/^\/measures\?plan=\d+&priority=\d+/);

    await expectAccessible(page);

    // The strategy it serves, with its goals.
    await page.getByRole("region", { name: "Strategia, jota suunnitelma toteuttaa" }).getByRole("link").first().click();
    await page.waitForURL(/\/strategy\/\d+$/);
    await page.getByRole("table", { name: /Strategian tavoitteet/ }).waitFor();
    await expectAccessible(page);

    await page.goto("/plans");
    await expectHeading(page, "Turvallisuussuunnitelmat");
    await expect(page.getByRole("link", { name: PLAN_NAME }).isVisible()).resolves.toBe(true);
    await expect(page.getByText("Päättynyt").first().isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("coordinator manages priority areas", () => {
  const areaName = "Turvallinen yöelämä";
  const renamed = "Turvallinen ja viihtyisä yöelämä";

  it("keeps the input after a validation error without JavaScript, then adds the area", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await signIn(page, DEMO.coordinator);
    await openPlanAdmin(page);
    const form = page.getByRole("form", { name: "Uusi painopistealue" });
    await form.getByLabel(/^Tunnus/).fill("9");
    await form.getByLabel(/^Nimi suomeksi/).fill("Y");
    await form.getByRole("checkbox", { name: "2027" }).check();
    await form.getByRole("button", { name: "Lisää painopistealue" }).click();
    await page.waitForLoadState("load");
    const again = page.getByRole("form", { name: "Uusi painopistealue" });
    await expect(again.getByText("Kirjoita vähintään 2 merkkiä.").isVisible()).resolves.toBe(true);
    await expect(again.getByLabel(/^Tunnus/).inputValue()).resolves.toBe("9");
    await expect(again.getByRole("checkbox", { name: "2027" }).isChecked()).resolves.toBe(true);
    // (axe needs JavaScript; the same page is checked with it in the next test.)

    await again.getByLabel(/^Nimi suomeksi/).fill(areaName);
    await again.getByRole("button", { name: "Lisää painopistealue" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByText("Painopistealue lisätty.").isVisible()).resolves.toBe(true);
    await expect(
      page
        .getByRole("row", { name: new RegExp(areaName) })
        .getByRole("cell", { name: "2027" })
        .isVisible(),
    ).resolves.toBe(true);
    await context.close();
  });

  it("edits the area and sets its years; the plan page shows the new history", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    await openPlanAdmin(page);
    await expectAccessible(page);
    const planPath = new URL(page.url()).pathname.replace("/admin", "");

    await page.getByRole("link", { name: `Muokkaa: ${areaName}` }).click();
    const form = page.getByRole("form", { name: `Muokkaa painopistealuetta: ${areaName}` });
    await form.waitFor();
    await form.getByLabel(/^Nimi suomeksi/).fill(renamed);
    await form.getByLabel(/^Nimi ruotsiksi/).fill("Trygg nattliv");
    await form.getByRole("checkbox", { name: "2027" }).uncheck();
    await form.getByRole("checkbox", { name: "2026" }).check();
    await form.getByRole("checkbox", { name: "2028" }).check();
    await form.getByLabel(/^Päätöksen tieto/).fill("Ohjausryhmä 23.11.2026 § 4");
    await form.getByRole("button", { name: "Tallenna" }).click();
    await page.getByText("Painopistealue tallennettu.").waitFor();
    await expect(
      page
        .getByRole("row", { name: new RegExp(renamed) })
        .getByRole("cell", { name: "2026, 2028" })
        .isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page);

    await page.goto(planPath);
    await expectHeading(page, PLAN_NAME);
    const history = page.getByRole("table", { name: /Painopistealueiden voimassaolo/ });
    const row = history.getByRole("row", { name: new RegExp(renamed) });
    await expect(row.getByRole("cell").allTextContents()).resolves.toEqual(["–ei voimassa", "✓voimassa", "–ei voimassa", "✓voimassa"]);
    await expect(history.getByText("Ohjausryhmä 23.11.2026 § 4").first().isVisible()).resolves.toBe(true);
    // In force this year, so it is among this year's priority areas.
    await expect(page.getByRole("heading", { level: 3, name: `9. ${renamed}` }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the plan list and the strategy editor pass axe", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    await page.goto("/admin/plans");
    await expect(page.getByRole("link", { name: "Suunnitelmat", exact: true }).getAttribute("aria-current")).resolves.toBe("page");
    await expectAccessible(page);
    await page.goto("/admin/strategy");
    await page.getByRole("heading", { name: "Strategian tavoitteet" }).waitFor();
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("creating a plan", () => {
  it("refuses a period that ends before it starts, keeping the input without JavaScript, then opens the new draft", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await signIn(page, DEMO.coordinator);
    await page.goto("/admin/plans");
    const name = `Koesuunnitelma ${Date.now()}`;
    await page.getByLabel(/^Nimi suomeksi/).fill(name);
    await page.getByLabel(/^Kauden alku/).fill("2030-01-01");
    await page.getByLabel(/^Kauden loppu/).fill("2029-12-31");
    await page.getByRole("button", { name: "Luo suunnitelma" }).click();
    await page.waitForLoadState("load");
    await expect(page.getByText("Kauden lopun on oltava alun jälkeen.").isVisible()).resolves.toBe(true);
    await expect(page.getByLabel(/^Nimi suomeksi/).inputValue()).resolves.toBe(name);
    await expect(page.getByLabel(/^Kauden alku/).inputValue()).resolves.toBe("2030-01-01");

    await page.getByLabel(/^Kauden loppu/).fill("2033-12-31");
    await page.getByRole("button", { name: "Luo suunnitelma" }).click();
    await page.waitForURL(/\/admin\/plans\/\d+$/);
    // The new draft's set-up page carries the same fields, filled in.
    await expect(
      page
        .getByLabel(/^Nimi suomeksi/)
        .first()
        .inputValue(),
    ).resolves.toBe(name);
    await expect(page.getByLabel(/^Kauden loppu/).inputValue()).resolves.toBe("2033-12-31");
    await context.close();
  });
});
