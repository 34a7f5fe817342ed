// Issue 14, the register keeps its own books, in a real browser: anyone reads the privacy notice
// generated from the schema's annotations; after a run of the retention job a coordinator finds
// that run, in words, in the processing register; and a coordinator requires a second factor of
// all staff (and lifts the requirement again). Every page is checked with axe.
import { spawn } from "node:child_process";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO, expectAccessible, launchBrowser, newPage, signIn } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => {
  await browser?.close();
});

/** One run of the retention job against the test server's database, as the reminders job runs it. */
function runRetentionJob(): Promise<string> {
  const script = 'import("./app/server/jobs/retention.server.ts").then((m) => console.log(JSON.stringify(m.runRetention())))';
  return new Promise((resolve, reject) => {
    const child = spawn("node", ["--import", "tsx", "--input-type=module", "-e", script], {
      env: { ...process.env, NODE_ENV: "production", DATA_DIR: inject("dataDir") },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`retention run exited ${code}`))));
  });
}

describe("the register's own books", () => {
  it("an anonymous visitor reads the privacy notice with every processing activity", async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto("/privacy");
    await page.getByRole("heading", { level: 2, name: "Käsittelytoimet" }).waitFor();
    for (const activity of ["Käyttäjätilit ja roolit", "Tietoturva ja lokit", "Rekisteröidyn pyynnöt"]) {
      await expect(page.getByRole("heading", { name: activity }).count()).resolves.toBeGreaterThan(0);
    }
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a coordinator finds the retention job's run in the processing register, in words", async () => {
    const counts = JSON.parse(await runRetentionJob()) as Record<string, number>;
    expect(Object.keys(counts)).toContain("mailLog");
    const { context, page, errors } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    await page.goto("/admin/register");
    await page.getByRole("heading", { level: 2, name: "Seloste käsittelytoimista" }).waitFor();
    const runs = page.getByRole("table", { name: "Säilytysajot" });
    await runs.waitFor();
    await expect(runs.locator("tbody tr").count()).resolves.toBeGreaterThan(0);
    // Kinds are named in Finnish, never as code identifiers.
    expect(await runs.textContent()).not.toMatch(/mailLog|auditLog|inactiveNoticed/);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a coordinator requires a second factor of all staff, and lifts it again", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    await page.goto("/admin/security");
    await page.getByRole("heading", { level: 2, name: "Tietoturva-asetukset" }).waitFor();
    const requireAll = page.getByRole("checkbox", { name: "Vaadi toinen tunnistautumisvaihe kaikilta henkilöstön jäseniltä" });
    await expect(requireAll.isChecked()).resolves.toBe(false);
    await requireAll.check();
    await page.getByRole("button", { name: "Tallenna" }).click();
    await page.getByRole("status").filter({ hasText: "Asetus tallennettiin." }).waitFor();
    await page.reload();
    await expect(requireAll.isChecked()).resolves.toBe(true);
    await expectAccessible(page);
    await requireAll.uncheck();
    await page.getByRole("button", { name: "Tallenna" }).click();
    await page.getByRole("status").filter({ hasText: "Asetus tallennettiin." }).waitFor();
    await page.reload();
    await expect(requireAll.isChecked()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
