// A coordinator imports the district hierarchy in a real browser: a broken row is shown with its
// error and nothing is offered to save; the shipped example file changes nothing; a new small
// area is previewed, confirmed and saved. The same steps work without JavaScript. Axe checks the
// page at each step.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, expectAccessible, launchBrowser, newPage, signIn } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => {
  await browser?.close();
});

const stamp = Date.now().toString(36).slice(-6);
const csvFile = (rows: string[], name = "aluejako.csv") => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(["level;code;name_fi;name_sv;parent_code", ...rows].join("\r\n") + "\r\n", "utf8"),
});

/** The import page, for a signed-in coordinator, with or without JavaScript. */
async function openImport(javaScriptEnabled: boolean) {
  const opened = await newPage(browser, { javaScriptEnabled });
  await signIn(opened.page, DEMO.coordinator);
  await opened.page.goto("/admin/areas/import");
  const upload = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    await opened.page.getByLabel("CSV-tiedosto").setInputFiles(file);
    await opened.page.getByRole("button", { name: "Esikatsele" }).click();
  };
  return { ...opened, upload };
}

describe("importing the area hierarchy", () => {
  it("a coordinator sees a broken row, finds the example file unchanged, and saves a new small area", async () => {
    const { context, page, errors, upload } = await openImport(true);
    await page.getByRole("heading", { level: 2, name: "Aluejaon tuonti" }).waitFor();
    await expectAccessible(page);

    // 1. A broken row: its error is on its row, and there is nothing to confirm.
    await upload(csvFile([`pienalue;T${stamp};Testipuisto;;30102`, `pienalue;U${stamp};Orpo puisto;;99999`]));
    await page.getByRole("heading", { name: "Esikatselu" }).waitFor();
    await expect(page.locator('tr[data-row="3"]').textContent()).resolves.toContain("Ylempää aluetta 99999 ei löydy");
    await expect(page.getByRole("alert").filter({ hasText: "virheellisiä rivejä" }).count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "Tallenna aluejako" }).count()).resolves.toBe(0);
    await expectAccessible(page);

    // 2. The shipped example is the demo city's own hierarchy: nothing to do.
    const template = await page.request.get("/templates/aluejako-malli.csv");
    await upload({ name: "aluejako-malli.csv", mimeType: "text/csv", buffer: Buffer.from(await template.body()) });
    await page.getByRole("status").filter({ hasText: "Tiedosto ei muuta aluejakoa." }).waitFor();
    await expect(page.getByRole("button", { name: "Tallenna aluejako" }).count()).resolves.toBe(0);

    // 3. A good file: preview, confirm, done.
    await upload(csvFile([`pienalue;T${stamp};Testipuisto;Testparken;30102`]));
    await page.getByRole("button", { name: "Tallenna aluejako" }).waitFor();
    await expect(page.locator('tr[data-row="2"]').textContent()).resolves.toContain("Uusi alue");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Tallenna aluejako" }).click();
    await page.getByRole("status").filter({ hasText: "Aluejako tallennettu: 1 uutta, 0 päivitettyä, 0 ennallaan." }).waitFor();
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("works without JavaScript: the same file again has nothing to save", async () => {
    const { context, page, upload } = await openImport(false);
    await upload(csvFile([`pienalue;V${stamp};Toinen testipuisto;;30102`]));
    await page.getByRole("button", { name: "Tallenna aluejako" }).click();
    await page.getByText("Aluejako tallennettu: 1 uutta").waitFor();
    await upload(csvFile([`pienalue;V${stamp};Toinen testipuisto;;30102`]));
    await page.getByText("Tiedosto ei muuta aluejakoa.").waitFor();
    await expect(page.getByRole("button", { name: "Tallenna aluejako" }).count()).resolves.toBe(0);
    await context.close();
  });
});
