// A coordinator imports a measure file in a real browser: a broken row is shown in Finnish and
// nothing is written; the corrected file is previewed, confirmed and appears in the list. The
// same works without JavaScript. Exports download with the list's filters and visibility.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, DEMO, expectAccessible, expectHeading, launchBrowser, newPage, signIn } from "./helpers";
import { get, signInOverHttp } from "./http-client";

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => {
  await browser?.close();
});

const HEADER =
  "tunnus;otsikko;kuvaus;painopistealue;vastuuorganisaatio;vastuuhenkilo;kumppanit;alkaa;paattyy;jatkuva;alueet;budjetti_eur;kustannusjako;tila;strategiatavoitteet";
const GOOD_ROW = `8.1;Kauppakeskusten turvallisuusyhteistyö;Kauppakeskukset, poliisi ja nuorisopalvelut sopivat yhteisistä käytännöistä.;2;Poliisi;${DEMO.expert};Nuoriso | Kymp;1.3.2026;31.12.2026;ei;301;12 500,00;Poliisi 50 | Nuoriso 50;Hyväksytty;1`;
const SECOND_ROW = "8.2;Pyöräilyreittien valaistuskartoitus;;3;Kymp;;;2026-04-01;;kyllä;;;;;";
const BROKEN_ROW = "8.2;Pyöräilyreittien valaistuskartoitus;;3;Olematon virasto;;;2026-04-01;;kyllä;;;;;";
const csvFile = (rows: string[], name = "toimenpiteet.csv") => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from("\uFEFF" + [HEADER, ...rows].join("\r\n") + "\r\n", "utf8"),
});

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel(/Tiedosto \(CSV tai XLSX\)/).setInputFiles(file);
  await page.getByRole("button", { name: "Esikatsele tuonti" }).click();
}

describe("importing measures", () => {
  it("a coordinator sees a broken row in Finnish, then imports the corrected file", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    await page.goto("/measures/import");
    await expectHeading(page, "Toimenpiteiden tuonti");
    await expectAccessible(page);

    // 1. One broken row: the error is shown on that row, in Finnish, and nothing is offered to import.
    await upload(page, csvFile([GOOD_ROW, BROKEN_ROW]));
    await page.getByRole("heading", { name: "2. Esikatselu" }).waitFor();
    await expect(page.locator('tr[data-row="3"]').textContent()).resolves.toContain(
      "vastuuorganisaatio: organisaatiota ”Olematon virasto” ei löydy.",
    );
    await expect(page.getByRole("alert").filter({ hasText: "Tiedostossa on virheitä" }).count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "Vahvista tuonti" }).count()).resolves.toBe(0);
    await expectAccessible(page);
    const staffCsv = async () => (await page.request.get("/measures/export?format=csv&q=Kauppakeskusten")).text();
    expect(await staffCsv()).not.toContain("8.1;");

    // 2. The corrected file: preview, confirm, success.
    await upload(page, csvFile([GOOD_ROW, SECOND_ROW]));
    await page.getByRole("button", { name: "Vahvista tuonti" }).waitFor();
    await expect(page.locator('tr[data-row="2"]').textContent()).resolves.toContain("Uusi");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Vahvista tuonti" }).click();
    await page.getByText("Tuonti valmis").waitFor();
    await expect(page.getByRole("status").filter({ hasText: "Tuonti valmis" }).textContent()).resolves.toContain(
      "Uusia toimenpiteitä 2, päivitettyjä 0, ennallaan 0.",
    );
    await expectAccessible(page);

    // 3. The measure is in the list and has its page.
    await page.getByRole("link", { name: "Siirry toimenpidelistaan" }).click();
    await page.waitForURL(/\/measures\?plan=\d+/);
    await page.goto(page.url() + "&q=Kauppakeskusten");
    await page.getByRole("link", { name: "Kauppakeskusten turvallisuusyhteistyö", exact: true }).click();
    await expectHeading(page, /Kauppakeskusten turvallisuusyhteistyö/);
    expect(await staffCsv()).toContain("8.1;Kauppakeskusten turvallisuusyhteistyö;");

    // 4. The same file again updates by code: nothing new, nothing to do.
    await page.goto("/measures/import");
    await upload(page, csvFile([GOOD_ROW, SECOND_ROW]));
    await page.getByText("Ennallaan: 2").waitFor();
    await expect(page.getByRole("button", { name: "Vahvista tuonti" }).count()).resolves.toBe(0);
    await expect(page.locator('tr[data-row="2"] td[data-changes]').textContent()).resolves.toBe("Ei muutoksia");

    // 5. A partial file (no description, areas or dates) changes only what it has, and the preview
    //    says exactly what: field, old value → new value; the identical row is "no changes".
    const partial =
      "tunnus;otsikko;vastuuorganisaatio;budjetti_eur\r\n8.1;Kauppakeskusten turvallisuusyhteistyö;Poliisi;15 000\r\n8.2;Pyöräilyreittien valaistuskartoitus;Kymp;\r\n";
    await upload(page, { name: "osittainen.csv", mimeType: "text/csv", buffer: Buffer.from(partial, "utf8") });
    await page.getByRole("button", { name: "Vahvista tuonti" }).waitFor();
    const changed = page.locator('tr[data-row="2"] td[data-changes] li');
    await expect(changed.count()).resolves.toBe(1);
    await expect(changed.first().textContent()).resolves.toMatch(/^Budjetti EUR: 12500 →.*15000$/);
    await expect(changed.locator("del").textContent()).resolves.toBe("12500");
    await expect(changed.locator("ins").textContent()).resolves.toBe("15000");
    await expect(page.locator('tr[data-row="2"]').textContent()).resolves.toContain("Päivitetään");
    await expect(page.locator('tr[data-row="3"] td[data-changes]').textContent()).resolves.toBe("Ei muutoksia");
    await expect(page.locator('tr[data-row="3"]').textContent()).resolves.toContain("Ei muutoksia");
    await expect(page.getByRole("columnheader", { name: "Muutokset" }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Vahvista tuonti" }).click();
    await page.getByText("Tuonti valmis").waitFor();
    await expect(page.getByRole("status").filter({ hasText: "Tuonti valmis" }).textContent()).resolves.toContain(
      "Uusia toimenpiteitä 0, päivitettyjä 1, ennallaan 1.",
    );
    const exported = await staffCsv();
    expect(exported).toContain("Kauppakeskukset, poliisi ja nuorisopalvelut sopivat yhteisistä käytännöistä.");
    expect(exported).toContain(";district:301;15000;");

    expect(errors).toEqual([]);
    await context.close();
    // Five uploads and five accessibility checks: more than the default minute on a busy machine.
  }, 240_000);

  it("works without JavaScript, with the shipped template", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await signIn(page, DEMO.coordinator);
    await page.goto("/measures/import");
    const template = await page.request.get("/templates/toimenpiteet-malli.csv");
    expect(template.status()).toBe(200);
    await upload(page, { name: "toimenpiteet-malli.csv", mimeType: "text/csv", buffer: Buffer.from(await template.body()) });
    await page.getByText("Uusia: 2").waitFor();
    await page.getByRole("button", { name: "Vahvista tuonti" }).click();
    await page.getByText("Tuonti valmis").waitFor();
    expect(await page.getByRole("status").filter({ hasText: "Tuonti valmis" }).textContent()).toContain("Uusia toimenpiteitä 2");
    await context.close();
  });

  it("refuses a file over 5 MB with a clear message", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    await page.goto("/measures/import");
    await upload(page, { name: "iso.csv", mimeType: "text/csv", buffer: Buffer.alloc(6 * 1024 * 1024, "a") });
    await page.getByText("Tiedosto on liian suuri. Suurin sallittu koko on 5 Mt.").waitFor();
    await context.close();
  });

  it("refuses a file of the wrong type", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    await page.goto("/measures/import");
    await upload(page, { name: "muistio.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 ...") });
    await page.getByText("Tiedoston on oltava CSV (.csv) tai Excel-työkirja (.xlsx).").waitFor();
    await context.close();
  });
});

describe("exporting measures", () => {
  it("downloads the filtered list as XLSX from the list page", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    await page.goto("/measures?status=approved&status=in_progress");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('a[href^="/measures/export?"][href*="format=xlsx"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^toimenpiteet-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe("Tunnus");
    const statuses = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) statuses.add(String(row.getCell(14).value));
    });
    expect(statuses.size).toBeGreaterThan(0);
    for (const s of statuses) expect(["Hyväksytty", "Käynnissä"]).toContain(s);
    await context.close();
  });

  it("gives the public a CSV of public measures only, never cached, with a dated file name", async () => {
    const res = await get("/measures/export?format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="toimenpiteet-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.split("\r\n")[0]).toMatch(/^\uFEFFTunnus;Otsikko;/);
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ";", skipEmptyLines: true }).data.slice(1);
    expect(rows.length).toBeGreaterThan(0);
    // Column 14 is the status, 6 the responsible person's email.
    expect(rows.filter((r) => r[13] === "Ehdotettu")).toEqual([]);
    expect(rows.filter((r) => r[5] !== "")).toEqual([]);

    // Staff see the proposals the public does not (the template's 9.1 was imported as one).
    const staff = await signInOverHttp(DEMO.mayor);
    const staffRows = Papa.parse<string[]>((await (await get("/measures/export?format=csv", staff)).text()).slice(1), {
      delimiter: ";",
      skipEmptyLines: true,
    }).data.slice(1);
    expect(staffRows.length).toBeGreaterThan(rows.length);
    expect(staffRows.some((r) => r[13] === "Ehdotettu")).toBe(true);
    expect((await get("/measures/export?format=pdf")).status).toBe(400);
    expect((await fetch(baseUrl() + "/measures/export?format=csv&plan=999999")).status).toBe(404);
  });
});
