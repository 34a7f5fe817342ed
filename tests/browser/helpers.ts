// Shared browser-test helpers: Debian's Chromium through playwright-core, sign-in, and axe checks.
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Secret, TOTP } from "otpauth";
import { expect, inject } from "vitest";
import { DEMO_PASSKEY_PKCS8, DEMO_TOTP_SECRET, demoCredentialId } from "../../db/seed/demo-second-factor-keys";

export const DEMO_PASSWORD = "Turvallisuus-2026";
export const DEMO = {
  coordinator: "koordinaattori@demo.lahiturva.fi",
  mayor: "pormestari@demo.lahiturva.fi",
  expert: "asiantuntija@demo.lahiturva.fi",
  network: "verkosto@demo.lahiturva.fi",
  resident: "asukas@demo.lahiturva.fi",
} as const;

export const baseUrl = () => inject("baseUrl");

/** playwright's launch() gives Chromium a fresh temporary user-data dir of its own each time. */
export async function launchBrowser(): Promise<{ browser: Browser }> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return { browser };
}

/** A fresh context (no cookies) whose pages fail the test on any uncaught script error. */
export async function newPage(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: options.locale ?? "fi-FI",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  if (options.javaScriptEnabled === false) withoutScript.add(context);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().includes("Failed to load resource")) errors.push(m.text());
  });
  return { context, page, errors };
}

/** Signs in through the form; `stay` uses the sign-in page the browser is already on. */
export async function signIn(page: Page, email: string, options: { password?: string; stay?: boolean } = {}) {
  const password = options.password ?? DEMO_PASSWORD;
  if (!options.stay) await page.goto("/login");
  await page.getByLabel(/Sähköposti|E-post|Email/).fill(email);
  await page.getByLabel(/^(Salasana|Lösenord|Password)/).fill(password);
  await page
    .locator("form")
    .getByRole("button", { name: /Kirjaudu sisään|Logga in|Sign in/ })
    .click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login") || url.pathname === "/login/second-factor");
  if (new URL(page.url()).pathname === "/login/second-factor") await answerDemoSecondFactor(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.waitForLoadState("networkidle");
}

/** Contexts opened without JavaScript: they answer the second step with a code, not a passkey. */
const withoutScript = new WeakSet<BrowserContext>();

/** The stored signature counter of a passkey (a virtual authenticator must count on from it). */
export function passkeyCounter(credentialId: string): number {
  const database = new Database(join(inject("dataDir"), "lahiturva.sqlite"), { readonly: true, fileMustExist: true });
  try {
    const row = database.prepare("select counter from second_factors where credential_id = ?").get(credentialId) as
      | { counter: number }
      | undefined;
    return row?.counter ?? 0;
  } finally {
    database.close();
  }
}

/** Chromium's virtual authenticator (DevTools protocol), optionally holding a known credential. */
export async function addVirtualAuthenticator(
  page: Page,
  credential?: { credentialId: string; privateKey: string; rpId: string; signCount: number },
) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  if (credential) {
    await cdp.send("WebAuthn.addCredential", {
      authenticatorId,
      credential: {
        credentialId: Buffer.from(credential.credentialId, "base64url").toString("base64"),
        isResidentCredential: false,
        rpId: credential.rpId,
        privateKey: credential.privateKey,
        signCount: credential.signCount,
      },
    });
  }
  return { cdp, authenticatorId };
}

/** The demo accounts' second step (db/seed/demo-second-factor.ts): the demo passkey, or without JavaScript the demo app code. */
export async function answerDemoSecondFactor(page: Page, email: string) {
  if (!withoutScript.has(page.context())) {
    const credentialId = demoCredentialId(email);
    const { cdp } = await addVirtualAuthenticator(page, {
      credentialId,
      privateKey: DEMO_PASSKEY_PKCS8,
      rpId: new URL(baseUrl()).hostname,
      signCount: passkeyCounter(credentialId) + 1,
    });
    await page.getByRole("button", { name: /Käytä pääsyavainta|Använd nyckel|Use a passkey/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await cdp.detach();
    return;
  }
  // A code works once: when this time step's code was used already, wait for the next one.
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = new TOTP({ secret: Secret.fromBase32(DEMO_TOTP_SECRET), period: 30, digits: 6, algorithm: "SHA1" }).generate();
    await page.getByLabel(/Todennussovelluksen koodi|Kod från autentiseringsappen|Authenticator app code/).fill(code);
    await page
      .getByRole("button", { name: /Vahvista|Bekräfta|Confirm/ })
      .first()
      .click();
    await page.waitForLoadState("load");
    if (!new URL(page.url()).pathname.startsWith("/login")) return;
    await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 500));
  }
  throw new Error(`the demo second factor of ${email} was not accepted`);
}

/** Waits until the page's main heading reads `name` (client navigations render a moment after the URL changes). */
export async function expectHeading(page: Page, name: string | RegExp) {
  await page.getByRole("heading", { level: 1, name }).first().waitFor({ timeout: 10_000 });
}

/** Fails on any WCAG 2.1 A/AA violation that axe finds on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} → ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Waits until the page's table body has exactly `count` rows (client navigations render after the URL changes). */
export async function expectRowCount(page: Page, count: number, selector = "tbody tr") {
  await page
    .waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length === n, [selector, count] as const, { timeout: 10_000 })
    .catch(async () => {
      expect(await page.locator(selector).count(), `rows of ${selector} on ${page.url()}`).toBe(count);
    });
}

/** The password the registration helper gives new residents. */
export const RESIDENT_PASSWORD = "pitkä ja hyvä salasana";

/** Registers a new resident of Kallio – Linjat (the register page is checked with axe) and waits for Oma alue. */
export async function registerResident(page: Page, name: string, email: string) {
  await page.goto("/register");
  await expectHeading(page, "Rekisteröidy asukkaaksi");
  await expectAccessible(page);
  await page.getByLabel("Nimi").fill(name);
  await page.getByLabel("Sähköposti").fill(email);
  await page.getByLabel("Asuinalue").selectOption({ label: "Kallio – Linjat" });
  await page.getByLabel("Uusi salasana").fill(RESIDENT_PASSWORD);
  await page.getByLabel("Salasana uudelleen").fill(RESIDENT_PASSWORD);
  await page.getByLabel(/tietosuojaselosteen/).check();
  await page.getByRole("button", { name: "Luo tili" }).click();
  await page.waitForURL("**/my-area?welcome=1");
  await expectHeading(page, "Oma alue");
  await page.waitForLoadState("networkidle");
}

/** The plain text of the newest mail to an address in the server's outbox (no SMTP in tests). */
export function outboxMailTo(address: string): string {
  const outbox = join(inject("dataDir"), "outbox");
  const eml = readdirSync(outbox)
    .sort()
    .map((f) => readFileSync(join(outbox, f), "utf8"))
    .filter((m) => m.includes(`To: ${address}`))
    .at(-1);
  if (!eml) return "";
  const split = eml.indexOf("\r\n\r\n");
  const head = eml.slice(0, split);
  const body = eml.slice(split + 4);
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

/** Opens /notifications (checked with axe) and follows the notification whose text matches. */
export async function openNotification(page: Page, text: string | RegExp) {
  await page.goto("/notifications");
  await expectHeading(page, "Ilmoitukset");
  await expectAccessible(page);
  await page.getByTestId("notifications").getByRole("button", { name: text }).first().click();
}
