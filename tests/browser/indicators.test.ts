// Indicators in a real browser: a coordinator reads the list and one indicator (chart with its
// table), enters a value that is refused first with the input kept and then saved, and imports a
// small CSV (a broken file first, which writes nothing). Readers without the manage right see no
// form; the form keeps its input without JavaScript too.
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

const PROPERTY_CRIMES = "Poliisin tietoon tulleet omaisuusrikokset 1 000 asukasta kohden";
const FIRES = "Asuinrakennusten tulipalot 10 000 asukasta kohden";

const periodBox = (page: Page) => page.getByRole("textbox", { name: /^Kausi/ });
const valueBox = (page: Page) => page.getByRole("textbox", { name: /^Arvo/ });

const csvFile = (lines: string[], name = "pelastuslaitos.csv") => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from("\uFEFF" + lines.join("\r\n") + "\r\n", "utf8"),
});

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel(/^CSV-tiedosto/).setInputFiles(file);
  await page.getByRole("button", { name: "Esikatsele tuonti" }).click();
}

describe("indicators", () => {
  it("a coordinator reads the list and an indicator, and enters a value after a validation error", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    await page.getByRole("navigation").getByRole("link", { name: "Indikaattorit" }).first().click();
    await expectHeading(page, "Indikaattorit");
    // On track or not is said in words in each row, not by colour alone.
    await expect(page.locator('tr[data-indicator="omaisuusrikokset"]').first().textContent()).resolves.toContain("Tavoitteessa");
    await expect(page.locator('tr[data-indicator="vakivalta-yleisilla-paikoilla"]').first().textContent()).resolves.toContain(
      "Ei tavoitteessa",
    );
    await expect(page.locator('tr[data-indicator="omaisuusrikokset"]').first().textContent()).resolves.toContain(
      "Laskee, parempaan suuntaan",
    );
    await expect(page.getByRole("heading", { level: 2, name: "2 Julkisen kaupunkitilan turvallisuus" }).count()).resolves.toBe(1);
    await expectAccessible(page);

    await page.getByRole("link", { name: PROPERTY_CRIMES }).first().click();
    await expectHeading(page, PROPERTY_CRIMES);
    await expect(page.locator('tr[data-period="2025"]').textContent()).resolves.toMatch(/56,4\s*58/);
    await expect(page.getByRole("table", { name: "Koko kaupungin toteuma ja tavoite kausittain" }).count()).resolves.toBe(1);
    await expect(page.getByRole("link", { name: /^2\.2 Lähipoliisitoiminta/ }).getAttribute("href")).resolves.toMatch(/^\/measures\/\d+$/);
    await page.locator(".indicator-chart svg").first().waitFor();
    await expectAccessible(page);

    // A month is not a period of a yearly indicator: refused, and what was typed stays.
    await periodBox(page).fill("2026-03");
    await valueBox(page).fill("54,1");
    await page.getByRole("button", { name: "Tallenna arvo" }).click();
    await page.getByText("Anna vuosi neljällä numerolla, esimerkiksi 2025.").waitFor();
    await expect(periodBox(page).inputValue()).resolves.toBe("2026-03");
    await expect(valueBox(page).inputValue()).resolves.toBe("54,1");
    await expect(periodBox(page).getAttribute("aria-invalid")).resolves.toBe("true");
    await expectAccessible(page);

    await periodBox(page).fill("2026");
    await page.getByRole("button", { name: "Tallenna arvo" }).click();
    await page.getByRole("status").filter({ hasText: "Arvo tallennettu." }).waitFor();
    await expect(page.locator('tr[data-period="2026"]').textContent()).resolves.toMatch(/54,1\s*56/);
    // The form starts empty again after a save.
    await expect(periodBox(page).inputValue()).resolves.toBe("");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps the input of a refused value without JavaScript, and saves a value for an area", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await signIn(page, DEMO.expert);
    await page.goto("/indicators");
    await page.getByRole("link", { name: FIRES }).first().click();
    await expectHeading(page, FIRES);
    await periodBox(page).fill("26");
    await valueBox(page).fill("abc");
    await page.getByRole("button", { name: "Tallenna arvo" }).click();
    await page.getByText("Anna vuosi neljällä numerolla, esimerkiksi 2025.").waitFor();
    await page.getByText("Anna luku (62,5), raja (yli 80 tai alle 5) tai vaihteluväli (4000–5000).").waitFor();
    await expect(periodBox(page).inputValue()).resolves.toBe("26");
    await expect(valueBox(page).inputValue()).resolves.toBe("abc");

    await periodBox(page).fill("2025");
    await valueBox(page).fill("3,4");
    await page.getByRole("combobox", { name: /^Alue/ }).selectOption({ label: "301 Kallio" });
    await page.getByRole("button", { name: "Tallenna arvo" }).click();
    await page.getByText("Arvo tallennettu.").waitFor();
    await expect(page.locator('tr[data-area="301"]').textContent()).resolves.toContain("3,4");

    // A range as the statistics publish it is kept as a range, not rounded to a number.
    await periodBox(page).fill("2024");
    await valueBox(page).fill("3–4");
    await page.getByRole("combobox", { name: /^Alue/ }).selectOption({ label: "301 Kallio" });
    await page.getByRole("button", { name: "Tallenna arvo" }).click();
    await page.waitForURL(/areaPeriod=2024/);
    await page.getByText("Arvo tallennettu.").waitFor();
    await expect(page.locator('tr[data-area="301"]').textContent()).resolves.toContain("3–4");
    await context.close();
  });

  it("the mayor reads indicators but gets no value form", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.mayor);
    await page.goto("/indicators");
    await expectHeading(page, "Indikaattorit");
    await expect(page.getByRole("link", { name: "Tuo arvoja CSV-tiedostosta" }).count()).resolves.toBe(0);
    await page.getByRole("link", { name: "Someturva-palveluun tulleet yhteydenotot" }).first().click();
    await expectHeading(page, "Someturva-palveluun tulleet yhteydenotot");
    await expect(page.getByRole("heading", { name: "Lisää tai korjaa arvo" }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  it("a coordinator imports a small CSV: a broken file writes nothing, the corrected one is imported", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    await page.goto("/indicators");
    await page.getByRole("link", { name: "Tuo arvoja CSV-tiedostosta" }).click();
    await expectHeading(page, "Indikaattoriarvojen tuonti");
    await expectAccessible(page);

    await upload(
      page,
      csvFile(["indikaattori;alue;vuosi;arvo;tyyppi", "asuntopalot;;2026;2,3;toteuma", "asuntopalot;999;2026;3,1;toteuma"]),
    );
    await page.getByRole("heading", { name: "2. Esikatselu" }).waitFor();
    await expect(page.locator('tr[data-row="3"]').textContent()).resolves.toContain("alue: aluetta ”999” ei löydy.");
    await expect(page.getByRole("button", { name: "Vahvista tuonti" }).count()).resolves.toBe(0);
    await expectAccessible(page);

    await upload(
      page,
      csvFile([
        "indikaattori;alue;vuosi;arvo;tyyppi",
        "asuntopalot;;2026;2,3;toteuma",
        "asuntopalot;301;2026;3,1;toteuma",
        "asuntopalot;;2026;2,4;tavoite",
      ]),
    );
    await page.getByText("Uusia: 3").waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Vahvista tuonti" }).click();
    await page.getByRole("status").filter({ hasText: "Tuonti valmis" }).waitFor();
    await expect(page.getByRole("status").filter({ hasText: "Tuonti valmis" }).textContent()).resolves.toContain(
      "Uusia arvoja 3, päivitettyjä 0, ennallaan 0.",
    );

    // The imported values are on the indicator's page.
    await page.goto("/indicators");
    await page.getByRole("link", { name: FIRES }).first().click();
    await expectHeading(page, FIRES);
    await expect(page.locator('tr[data-period="2026"]').textContent()).resolves.toMatch(/2,3\s*2,4/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an expert-group member imports without JavaScript; the same file again has nothing to import", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await signIn(page, DEMO.expert);
    await page.goto("/indicators/import");
    const file = csvFile(["indicator,area,year,value,type", 'joukkoliikenne-hairiot,,2026,"18,7",actual'], "hsl.csv");
    await upload(page, file);
    await page.getByText("Uusia: 1").waitFor();
    await page.getByRole("button", { name: "Vahvista tuonti" }).click();
    await page.getByText("Uusia arvoja 1, päivitettyjä 0, ennallaan 0.").waitFor();
    await upload(page, file);
    await page.getByText("Ennallaan: 1").waitFor();
    await expect(page.getByRole("button", { name: "Vahvista tuonti" }).count()).resolves.toBe(0);
    await context.close();
  });

  it("a coordinator defines a new indicator (a bad key is refused with the input kept), then corrects it", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    await page.goto("/indicators");
    await page.waitForLoadState("networkidle");
    await page.getByRole("link", { name: "Uusi indikaattori" }).click();
    await expectHeading(page, "Uusi indikaattori");
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    const name = `Katuvalojen viat ${Date.now().toString(36)}`;
    await page.getByRole("textbox", { name: /^Tunnus/ }).fill("Katuvalot ÄÄ");
    await page.getByRole("textbox", { name: /^Yksikkö/ }).fill("kpl");
    await page.getByRole("textbox", { name: /^Nimi suomeksi/ }).fill(name);
    await page.getByLabel("Hyvä suunta").selectOption("down");
    await page.getByRole("button", { name: "Luo indikaattori" }).click();
    await page.getByText("Käytä tunnuksessa vain pieniä kirjaimia, numeroita ja väliviivoja.").waitFor();
    expect(await page.getByRole("textbox", { name: /^Nimi suomeksi/ }).inputValue()).toBe(name);
    await expectAccessible(page);

    const key = `katuvalot-${Date.now().toString(36)}`;
    await page.getByRole("textbox", { name: /^Tunnus/ }).fill(key);
    const firstArea = page.getByRole("checkbox").first();
    await firstArea.check();
    // A measure identifier that the plan in force does not have is named in the error.
    await page.getByRole("textbox", { name: /^Toimenpiteet, joiden vaikutusta/ }).fill("1.2, 99.9");
    await page.getByRole("button", { name: "Luo indikaattori" }).click();
    await page.getByText("Voimassa olevassa suunnitelmassa ei ole toimenpiteitä tunnuksilla: 99.9.").waitFor();
    expect(await page.getByRole("textbox", { name: /^Tunnus/ }).inputValue()).toBe(key);
    await page.getByRole("textbox", { name: /^Toimenpiteet, joiden vaikutusta/ }).fill("1.2");
    await page.getByRole("button", { name: "Luo indikaattori" }).click();
    await page.waitForURL(/\/indicators\/\d+\?saved=definition/);
    await expectHeading(page, name);
    await page.getByRole("status").filter({ hasText: "Määritelmä tallennettu." }).waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Muokkaa määritelmää" }).click();
    await expectHeading(page, "Muokkaa indikaattoria");
    await page.waitForLoadState("networkidle");
    expect(await page.getByRole("textbox", { name: /^Tunnus/ }).inputValue()).toBe(key);
    expect(await page.getByRole("checkbox").first().isChecked()).toBe(true);
    expect(await page.getByRole("textbox", { name: /^Toimenpiteet, joiden vaikutusta/ }).inputValue()).toBe("1.2");
    await expectAccessible(page);
    await page.getByRole("textbox", { name: /^Nimi englanniksi/ }).fill("Street light faults");
    await page.getByRole("button", { name: "Tallenna määritelmä" }).click();
    await page.waitForURL(/saved=definition/);
    await page.getByRole("status").filter({ hasText: "Määritelmä tallennettu." }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an expert enters values but does not define indicators", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.expert);
    await page.goto("/indicators");
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("link", { name: "Uusi indikaattori" }).count()).resolves.toBe(0);
    const res = await page.goto("/indicators/new");
    expect(res?.status()).toBe(403);
    await context.close();
  });
});
