// The second factor in a real browser: a passkey enrolled with Chromium's virtual authenticator
// (DevTools protocol) and then used to sign in; an authenticator app (the code computed here with
// otpauth, as the app would) and a one-time recovery code; the demo coordinator's passkey step.
import { join } from "node:path";
import Database from "better-sqlite3";
import { Secret, TOTP } from "otpauth";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  addVirtualAuthenticator,
  DEMO,
  expectAccessible,
  expectHeading,
  launchBrowser,
  newPage,
  registerResident,
  RESIDENT_PASSWORD,
  signIn,
} from "./helpers";

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => {
  await browser?.close();
});

const auditActions = (email: string): string[] => {
  const sqlite = new Database(join(inject("dataDir"), "lahiturva.sqlite"), { readonly: true });
  try {
    return (
      sqlite.prepare("select a.action from audit_log a join users u on u.id = a.actor_id where u.email = ? order by a.id").all(email) as {
        action: string;
      }[]
    ).map((r) => r.action);
  } finally {
    sqlite.close();
  }
};

async function signOut(page: Page) {
  await page.goto("/account");
  await page.context().clearCookies();
}

async function passwordStep(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Sähköposti").fill(email);
  await page.getByLabel(/^Salasana/).fill(RESIDENT_PASSWORD);
  await page.locator("form").getByRole("button", { name: "Kirjaudu sisään" }).click();
  await page.waitForURL("**/login/second-factor");
  await expectHeading(page, "Toinen tunnistautumisvaihe");
}

describe("a passkey", () => {
  it("is enrolled with the virtual authenticator, then signs in after the password", async () => {
    const email = `passkey-${Date.now()}@example.fi`;
    const { context, page, errors } = await newPage(browser);
    await registerResident(page, "Pasi Avain", email);
    await addVirtualAuthenticator(page);
    await page.goto("/account");
    await expectHeading(page, "Oma tili");
    await page.getByLabel("Pääsyavaimen nimi").fill("Työkannettava");
    await page.getByRole("button", { name: "Lisää pääsyavain" }).click();
    await expect.poll(() => page.getByText("Pääsyavain lisättiin.").isVisible(), { timeout: 10_000 }).toBe(true);
    await expect(page.getByTestId("recovery-codes").locator("li").count()).resolves.toBe(10);
    await page.getByRole("cell", { name: "Työkannettava", exact: true }).waitFor();
    await expectAccessible(page);

    await signOut(page);
    await passwordStep(page, email);
    await expectAccessible(page);
    // No session yet: the password alone opens nothing.
    await page.goto("/account");
    await page.waitForURL("**/login?redirectTo=%2Faccount");
    await passwordStep(page, email);
    await page.getByRole("button", { name: "Käytä pääsyavainta" }).click();
    await page.waitForURL("**/my-area");
    await expectHeading(page, "Oma alue");
    expect(auditActions(email)).toEqual(expect.arrayContaining(["secondFactor.enrolled", "auth.signIn", "auth.secondFactor"]));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("an authenticator app and recovery codes", () => {
  it("enrols with the QR code's secret, signs in with a code, a used code is refused, a recovery code works once", async () => {
    const email = `totp-${Date.now()}@example.fi`;
    const { context, page, errors } = await newPage(browser);
    await registerResident(page, "Tiina Koodi", email);
    await page.goto("/account");
    await page.getByRole("button", { name: "Ota todennussovellus käyttöön" }).click();
    await page.getByRole("img", { name: "QR-koodi todennussovellukseen" }).waitFor();
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    const totp = new TOTP({ secret: Secret.fromBase32(secret), period: 30, digits: 6, algorithm: "SHA1" });
    await page.getByLabel("Todennussovelluksen koodi").fill("000000" === totp.generate() ? "111111" : "000000");
    await page.getByRole("button", { name: "Vahvista ja ota käyttöön" }).click();
    await page.getByText("Koodi ei kelpaa.", { exact: false }).waitFor();
    // The refusal's page data is revalidated after the message shows: type the right code once
    // that has settled, as a person would, not into a form that is still being redrawn.
    await page.waitForLoadState("networkidle");
    const enrolCode = totp.generate();
    await page.getByLabel("Todennussovelluksen koodi").fill(enrolCode);
    await page.getByRole("button", { name: "Vahvista ja ota käyttöön" }).click();
    await page.getByText("Todennussovellus otettiin käyttöön.").waitFor();
    const codes = await page.getByTestId("recovery-codes").locator("code").allTextContents();
    expect(codes).toHaveLength(10);
    await expectAccessible(page);

    // The enrolment used its code: the same code does not sign in.
    await signOut(page);
    await passwordStep(page, email);
    await page.getByLabel("Todennussovelluksen koodi").fill(enrolCode);
    await page.getByRole("button", { name: "Vahvista" }).first().click();
    await page.getByText("Koodi ei kelpaa.", { exact: false }).waitFor();
    await page.getByLabel("Varakoodi").fill(codes[0]);
    await page.getByRole("button", { name: "Vahvista" }).last().click();
    await page.waitForURL("**/my-area");

    // The same recovery code does not work twice.
    await signOut(page);
    await passwordStep(page, email);
    await page.getByLabel("Varakoodi").fill(codes[0]);
    await page.getByRole("button", { name: "Vahvista" }).last().click();
    await page.getByText("Koodi ei kelpaa.", { exact: false }).waitFor();
    await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    await page.getByLabel("Todennussovelluksen koodi").fill(totp.generate());
    await page.getByRole("button", { name: "Vahvista" }).first().click();
    await page.waitForURL("**/my-area");
    const actions = auditActions(email);
    expect(actions).toEqual(
      expect.arrayContaining([
        "secondFactor.enrolFailed",
        "secondFactor.enrolled",
        "auth.secondFactorFailed",
        "auth.recoveryCodeUsed",
        "auth.secondFactor",
      ]),
    );

    // Removing the factor is audited, and the next sign-in needs the password only.
    await page.goto("/account");
    await page.getByRole("button", { name: /Poista Todennussovellus/ }).click();
    await page.getByText("Tunnistautumistapa poistettiin.").waitFor();
    expect(auditActions(email)).toContain("secondFactor.removed");
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});

describe("the demo coordinator", () => {
  it("must pass the second step: the password alone leads to /login/second-factor", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    expect(new URL(page.url()).pathname).toBe("/admin");
    expect(auditActions(DEMO.coordinator)).toContain("auth.secondFactor");
    await context.close();
  });
});
