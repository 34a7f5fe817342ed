// A real city from nothing, in a real browser: a second production server on an empty database
// (`npm run setup -- --empty`), where a coordinator creates the first account on /first-run,
// imports the district division (codes repeating across levels, a former "(Ent.)" area),
// the organisations and the measures, and finds them in the steering summary. Axe checks every step.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Secret, TOTP } from "otpauth";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser } from "./helpers";
import { SERVER_ARGS, SERVER_ENV } from "../setup/server-process";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

let browser: Browser;
let server: ChildProcess | undefined;
let emptyUrl = "";
let serverLog = "";

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "lahiturva-empty-"));
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    REMINDERS: "off",
  } as NodeJS.ProcessEnv;
  await new Promise<void>((resolve, reject) => {
    const setup = spawn("node", ["--import", "tsx", "db/setup.ts", "--empty"], { env, stdio: ["ignore", "ignore", "inherit"] });
    setup.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`setup --empty exited ${code}`))));
  });
  server = spawn("node", SERVER_ARGS, { env: { ...env, ...SERVER_ENV }, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout?.on("data", (d) => (serverLog += String(d)));
  server.stderr?.on("data", (d) => (serverLog += String(d)));
  emptyUrl = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(emptyUrl + "/")).ok) break;
    } catch {
      // not listening yet
    }
    if (tries > 150) throw new Error("The empty-city server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
  ({ browser } = await launchBrowser());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
});

const file = (name: string, lines: string[]) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from("\uFEFF" + lines.join("\r\n") + "\r\n", "utf8"),
});

const errors: string[] = [];

async function uploadAndConfirm(
  page: Page,
  fileLabel: string | RegExp,
  previewButton: string,
  confirmButton: string,
  upload: { name: string; mimeType: string; buffer: Buffer },
) {
  await page.getByLabel(fileLabel).setInputFiles(upload);
  await page
    .getByRole("button", { name: previewButton })
    .click({ timeout: 5000 })
    .catch(async (e) => {
      console.log(page.url(), serverLog.slice(-3000), errors.join("\n"));
      throw e;
    });
  await page
    .getByRole("button", { name: confirmButton })
    .waitFor()
    .catch(async (e) => {
      console.log((await page.locator("main").innerText()).slice(0, 2500));
      throw e;
    });
  await expectAccessible(page);
  await page.getByRole("button", { name: confirmButton }).click();
}

describe("starting an empty city", () => {
  it("first coordinator → areas → organisations → measures → the steering summary", async () => {
    const context = await browser.newContext({ baseURL: emptyUrl, locale: "fi-FI" });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });

    // 1. Signing in leads to the one-time first-run page.
    await page.goto("/login");
    await page.waitForURL("**/first-run");
    await page.getByRole("heading", { level: 1, name: "Ota Lähiturva käyttöön" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Nimi").fill("Kaisa Koordinaattori");
    await page.getByLabel("Sähköposti").fill("kaisa@kaupunki.example");
    await page.getByLabel("Uusi salasana").fill("ensimmäinen salasana");
    await page.getByLabel("Salasana uudelleen").fill("ensimmäinen salasana");
    await page.getByRole("button", { name: "Luo koordinaattori" }).click();
    // A coordinator always needs a second factor: the first thing asked is to enrol one.
    await page.waitForURL("**/account?enrol=1*");
    await page.getByRole("button", { name: "Ota todennussovellus käyttöön" }).click();
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    const totp = new TOTP({ secret: Secret.fromBase32(secret), period: 30, digits: 6, algorithm: "SHA1" });
    await page.getByLabel("Todennussovelluksen koodi").fill(totp.generate());
    await page.getByRole("button", { name: "Vahvista ja ota käyttöön" }).click();
    await page.getByText("Todennussovellus otettiin käyttöön.").waitFor();
    await page.goto("/admin");
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin");
    expect((await context.request.get("/first-run")).status()).toBe(404);

    // 2. The district division: district 101 and sub-area 101 share a code; one area is former.
    await page.goto("/admin/areas/import");
    await uploadAndConfirm(
      page,
      "CSV-tiedosto",
      "Esikatsele",
      "Tallenna aluejako",
      file("aluejako.csv", [
        "taso;koodi;nimi_fi;nimi_sv;ylempi_koodi",
        "suurpiiri;1;Eteläinen;Södra;",
        "suurpiiri;3;Keskinen;Mellersta;",
        "peruspiiri;101;Vironniemi;Estnäs;1",
        "peruspiiri;301;Kallio;Berghäll;3",
        "osa-alue;101;Vilhonvuori;Vilhelmsberg;301",
        "osa-alue;102;Vanha Kallio (Ent.);;301",
      ]),
    );
    await page.getByRole("status").filter({ hasText: "Aluejako tallennettu: 6 uutta" }).waitFor();
    await page.goto("/admin/areas");
    await expectAccessible(page);
    await expect(page.locator('tr[data-area="sub_area:101"]').textContent()).resolves.toContain("301 Kallio");
    await expect(page.locator('tr[data-area="sub_area:102"]').textContent()).resolves.toContain("Entinen alue");

    // 3. The organisations, with short names in the list.
    await page.goto("/admin/organisations/import");
    await uploadAndConfirm(
      page,
      "Organisaatiotiedosto",
      "Esikatsele",
      "Tallenna organisaatiot",
      file("organisaatiot.csv", [
        "nimi;nimi_sv;lyhenne;tyyppi",
        "Kaupunkiympäristön toimiala;Stadsmiljösektorn;KYMP;Kaupungin toimiala",
        "Helsingin poliisilaitos;;POL;Poliisi",
      ]),
    );
    await page.getByRole("status").filter({ hasText: "Organisaatiot tallennettu: 2 uutta" }).waitFor();
    await page.goto("/admin/organisations");
    await expect(page.locator("tbody").textContent()).resolves.toContain("KYMP");

    // 4. A plan to import into, then the measures.
    await page.goto("/admin/plans");
    await page.getByLabel("Nimi suomeksi").fill("Turvallisuussuunnitelma 2026–2029");
    await page.getByLabel("Kauden alku").fill("2026-01-01");
    await page.getByLabel("Kauden loppu").fill("2029-12-31");
    await page.getByRole("button", { name: "Luo suunnitelma" }).click();
    await page.waitForURL(/\/admin\/plans\/\d+/);
    await page.goto("/measures/import");
    await page.getByLabel("Suunnitelma, johon toimenpiteet tuodaan").selectOption({ label: "Turvallisuussuunnitelma 2026–2029" });
    await uploadAndConfirm(
      page,
      /Tiedosto \(CSV tai XLSX\)/,
      "Esikatsele tuonti",
      "Vahvista tuonti",
      file("toimenpiteet.csv", [
        "tunnus;otsikko;vastuuorganisaatio;alueet;jatkuva",
        "1.1;Turvallisuuskävelyt Kalliossa;KYMP;301;kyllä",
        "1.2;Ennalta estävä poliisityö;POL;;kyllä",
      ]),
    );
    await page.getByText("Tuonti valmis").waitFor();

    // 5. The steering summary counts them.
    await page.goto("/steering");
    await expectAccessible(page);
    const total = page.getByRole("link", { name: /Toimenpiteitä/ }).first();
    expect((await total.textContent())?.replace(/\s+/g, " ")).toMatch(/^\D*2\D*$/);
    // The number opens the list of exactly those measures, aimed where the file said.
    await total.click();
    await page.waitForURL(/\/measures\?/);
    const rows = page.locator("main table tbody tr");
    await page.getByRole("link", { name: "Ennalta estävä poliisityö" }).waitFor();
    await expect(rows.count()).resolves.toBe(2);
    const listed = (await rows.allTextContents()).join(" | ");
    expect(listed).toContain("Turvallisuuskävelyt Kalliossa");
    expect(listed).toContain("Ennalta estävä poliisityö");
    await page.getByRole("link", { name: "Turvallisuuskävelyt Kalliossa" }).click();
    await page.waitForURL(/\/measures\/\d+/);
    await expect(page.locator("main").textContent()).resolves.toContain("Kallio");
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
