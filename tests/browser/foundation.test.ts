// The foundation's journeys in a real browser: every role signs in and lands in its workspace,
// a resident registers, errors are clear, staff pages stay closed, languages switch.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO, expectAccessible, expectHeading, launchBrowser, newPage, registerResident, signIn } from "./helpers";

/** The text of a mail as nodemailer writes it (quoted-printable or base64 body). */
function mailText(eml: string): string {
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

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => {
  await browser?.close();
});

describe("the theme", () => {
  it("comes from the cached stylesheet: the AA colours apply and no page carries them inline", async () => {
    const { context, page } = await newPage(browser);
    const res = await page.goto("/");
    const html = (await res?.text()) ?? "";
    expect(html).not.toContain('data-mantine-styles="true"');
    const vars = await page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      return {
        dimmed: style.getPropertyValue("--mantine-color-dimmed").trim(),
        city: style.getPropertyValue("--mantine-color-city-6").trim(),
      };
    });
    expect(vars).toEqual({ dimmed: "#495057", city: "#1f2bb0" });
    const href = await page.locator('link[rel="stylesheet"][href^="/theme.css?v="]').getAttribute("href");
    const css = await context.request.get(href!);
    expect(css.headers()["cache-control"]).toContain("immutable");
    await context.close();
  });
});

describe("signing in", () => {
  const landings: [string, string, RegExp][] = [
    [DEMO.coordinator, "/admin", /Hallinta/],
    [DEMO.mayor, "/steering", /Turvallisuussuunnitelman tilanne/],
    [DEMO.expert, "/expert", /Asiantuntijaryhmä/],
    [DEMO.network, "/areas", /Alueet/],
    [DEMO.resident, "/my-area", /Oma alue/],
  ];
  for (const [email, path, heading] of landings) {
    it(`${email} lands on ${path}`, async () => {
      const { context, page, errors } = await newPage(browser);
      await signIn(page, email);
      expect(new URL(page.url()).pathname).toBe(path);
      await expectHeading(page, heading);
      await expectAccessible(page);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("shows a clear error for a wrong password and keeps the email", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/login");
    await expectAccessible(page);
    // The cursor starts in the e-mail field: typing signs in, no Tab presses through the header.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("autocomplete"))).toBe("username");
    await page.getByLabel("Sähköposti").fill(DEMO.expert);
    await page.getByLabel(/^Salasana/).fill("väärä-salasana");
    await page.locator("form").getByRole("button", { name: "Kirjaudu sisään" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Sähköposti tai salasana on väärin.");
    expect(await page.getByLabel("Sähköposti").inputValue()).toBe(DEMO.expert);
    expect(new URL(page.url()).pathname).toBe("/login");
    await expectAccessible(page);
    await context.close();
  });
});

describe("protected pages", () => {
  it("sends an anonymous visitor from a staff page to sign in, then back", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/admin/users");
    expect(new URL(page.url()).pathname).toBe("/login");
    await signIn(page, DEMO.coordinator, { stay: true });
    expect(new URL(page.url()).pathname).toBe("/admin/users");
    await context.close();
  });

  it("shows a resident a 403 page, not the admin area", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.resident);
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Ei käyttöoikeutta");
    await expectAccessible(page);
    await context.close();
  });

  it("shows a 404 page for a missing record", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.coordinator);
    const response = await page.goto("/admin/groups/99999");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Sivua ei löytynyt");
    await context.close();
  });
});

describe("residents", () => {
  it("registers, keeps what was typed on a validation error, and lands in their own area", async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto("/register");
    await expectAccessible(page);
    await page.getByLabel("Nimi").fill("Ville Virtanen");
    await page.getByLabel("Sähköposti").fill("ville.virtanen@example.fi");
    await page.getByLabel("Asuinalue").selectOption({ label: "Kallio – Linjat" });
    await page.getByLabel("Uusi salasana").fill("pitkä ja hyvä salasana");
    await page.getByLabel("Salasana uudelleen").fill("eri salasana kokonaan");
    await page.getByLabel(/tietosuojaselosteen/).check();
    await page.getByRole("button", { name: "Luo tili" }).click();
    await expect(page.getByText("Salasanat eivät ole samat.").count()).resolves.toBeGreaterThan(0);
    expect(await page.getByLabel("Nimi").inputValue()).toBe("Ville Virtanen");
    expect(await page.getByLabel("Sähköposti").inputValue()).toBe("ville.virtanen@example.fi");
    await page.getByLabel("Salasana uudelleen").fill("pitkä ja hyvä salasana");
    await page.getByRole("button", { name: "Luo tili" }).click();
    await page.waitForURL("**/my-area?welcome=1");
    await expect(page.getByRole("status").textContent()).resolves.toContain("Tervetuloa");
    await expect(page.getByRole("heading", { name: "Linjat" }).count()).resolves.toBe(1);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("deletes their own account: the confirmation is required, a wrong password is refused, then they cannot sign in", async () => {
    const { context, page, errors } = await newPage(browser);
    const email = `lahtija.${Date.now().toString(36)}@example.fi`;
    await registerResident(page, "Leena Lähtijä", email);

    await page.goto("/account");
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    const section = page.getByRole("region", { name: "Poista tili" });
    await section.getByLabel("Nykyinen salasana").fill("pitkä ja hyvä salasana");
    await section.getByRole("button", { name: "Poista tili pysyvästi" }).click();
    await section.getByText("Vahvista, että ymmärrät poiston olevan lopullinen.").waitFor();
    await section.getByLabel("Nykyinen salasana").fill("väärä salasana");
    await section.getByLabel(/Ymmärrän/).check();
    await section.getByRole("button", { name: "Poista tili pysyvästi" }).click();
    await page.getByRole("region", { name: "Poista tili" }).getByText("Nykyinen salasana on väärin.").waitFor();
    await expectAccessible(page);

    const again = page.getByRole("region", { name: "Poista tili" });
    await again.getByLabel("Nykyinen salasana").fill("pitkä ja hyvä salasana");
    if (!(await again.getByLabel(/Ymmärrän/).isChecked())) await again.getByLabel(/Ymmärrän/).check();
    await again.getByRole("button", { name: "Poista tili pysyvästi" }).click();
    await page.waitForURL("**/?accountDeleted=1");
    expect(await page.getByRole("status").innerText()).toContain("Tilisi on poistettu.");
    await expectAccessible(page);

    await page.goto("/login");
    await page.getByLabel("Sähköposti").fill(email);
    await page.getByLabel(/^Salasana/).fill("pitkä ja hyvä salasana");
    await page.locator("form").getByRole("button", { name: "Kirjaudu sisään" }).click();
    await page.getByText("Sähköposti tai salasana on väärin.").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("staff cannot delete their own account (their records are the city's)", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.expert);
    await page.goto("/account");
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("region", { name: "Poista tili" }).count()).resolves.toBe(0);
    await context.close();
  });

  it("without JavaScript, a rejected form still keeps its input and shows the error", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto("/register");
    await page.getByLabel("Nimi").fill("Kaisa Ei-skriptiä");
    await page.getByLabel("Sähköposti").fill(DEMO.resident);
    await page.getByLabel("Asuinalue").selectOption({ label: "Kallio – Linjat" });
    await page.getByLabel("Uusi salasana").fill("pitkä ja hyvä salasana");
    await page.getByLabel("Salasana uudelleen").fill("pitkä ja hyvä salasana");
    await page.getByLabel(/tietosuojaselosteen/).check();
    await page.getByRole("button", { name: "Luo tili" }).click();
    // Without JavaScript the click starts a full page load: wait for the answer page's message.
    await page.getByText("Tällä sähköpostiosoitteella on jo tili.").first().waitFor();
    expect(await page.getByLabel("Nimi").inputValue()).toBe("Kaisa Ei-skriptiä");
    await context.close();
  });
});

describe("language", () => {
  it("switches to Swedish and English and remembers the choice", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/");
    await page.getByRole("button", { name: "Svenska" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "sv");
    await expect(page.getByRole("link", { name: "Logga in" }).count()).resolves.toBeGreaterThan(0);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("sv");
    await expectAccessible(page);
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await expect(page.getByRole("link", { name: "Sign in" }).count()).resolves.toBeGreaterThan(0);
    await context.close();
  });

  it("honours Accept-Language for a first visit", async () => {
    const { context, page } = await newPage(browser, { locale: "sv-FI" });
    await page.goto("/");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("sv");
    await context.close();
  });

  it("signing in from a Swedish page switches the whole page to the person's own language", async () => {
    // The browser holds only the page's language; the account's Finnish is fetched on the way.
    const { context, page, errors } = await newPage(browser, { locale: "sv-FI" });
    await page.goto("/login");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("sv");
    await signIn(page, DEMO.resident, { stay: true });
    await page.waitForFunction(() => document.documentElement.lang === "fi");
    await page.getByRole("link", { name: "Oma alue", exact: true }).first().waitFor();
    await expect(page.getByRole("link", { name: "Mitt område", exact: true }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("staff invitations and sessions", () => {
  it("a coordinator invites an expert, who sets a password and lands in the expert workspace", async () => {
    const coordinator = await newPage(browser);
    await signIn(coordinator.page, DEMO.coordinator);
    await coordinator.page.goto("/admin/invitations");
    await expectAccessible(coordinator.page);
    await coordinator.page.getByLabel("Nimi").fill("Outi Uusi");
    await coordinator.page.getByLabel("Sähköposti").fill("outi.uusi@example.fi");
    await coordinator.page.getByLabel("Ryhmä").selectOption({ label: "Turvallisuussuunnittelun asiantuntijaryhmä" });
    await coordinator.page.getByLabel("Organisaatio").selectOption({ index: 1 });
    await coordinator.page.getByRole("button", { name: "Luo kutsu" }).click();
    const shown = (await coordinator.page.getByTestId("invitation-link").textContent())?.trim() ?? "";
    expect(shown).toMatch(/\/invite\/[\w-]{20,}$/);
    await expect(
      coordinator.page.getByText("Kutsu lähetettiin sähköpostilla osoitteeseen outi.uusi@example.fi.").isVisible(),
    ).resolves.toBe(true);
    await coordinator.context.close();
    // The invitee follows the link in the mail (no SMTP here: the mail is in the outbox folder).
    const outbox = join(inject("dataDir"), "outbox");
    const mail = readdirSync(outbox)
      .map((f) => readFileSync(join(outbox, f), "utf8"))
      .find((eml) => eml.includes("To: outi.uusi@example.fi"));
    expect(mail).toBeDefined();
    const text = mailText(mail!);
    expect(text).toContain("Hei Outi Uusi,");
    const link = /https?:\/\/\S+\/invite\/[\w-]+/.exec(text)?.[0] ?? "";
    expect(link).toBe(shown);

    const invitee = await newPage(browser);
    await invitee.page.goto(new URL(link).pathname);
    await expectAccessible(invitee.page);
    await invitee.page.getByLabel("Uusi salasana").fill("kutsutun oma salasana");
    await invitee.page.getByLabel("Salasana uudelleen").fill("kutsutun oma salasana");
    await invitee.page.getByRole("button", { name: "Ota tili käyttöön" }).click();
    await invitee.page.waitForURL("**/expert");
    // The link is single-use.
    const again = await invitee.page.goto(new URL(link).pathname);
    expect(again?.status()).toBe(404);
    await invitee.context.close();
  });

  it("a resident downloads their own data from the account page", async () => {
    const { page, context } = await newPage(browser);
    await signIn(page, DEMO.resident);
    await page.goto("/account");
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    const section = page.getByRole("region", { name: "Omat tietosi" });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      section.getByRole("link", { name: "Lataa omat tietosi (JSON)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^lahiturva-omat-tiedot-\d{4}-\d{2}-\d{2}\.json$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const data = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    expect(data.profile.email).toBe(DEMO.resident);
    expect(data.profile.passwordHash).toBeUndefined();
    expect(data.residencies.length).toBeGreaterThan(0);
    expect(Array.isArray(data.neighbourhoodPlans)).toBe(true);
    await context.close();
  });

  it("'sign out everywhere' ends the other device's session too", async () => {
    const first = await newPage(browser);
    const second = await newPage(browser);
    await signIn(first.page, DEMO.network);
    await signIn(second.page, DEMO.network);
    await first.page.goto("/account");
    await expectAccessible(first.page);
    await first.page.getByRole("button", { name: "Kirjaudu ulos kaikilta laitteilta" }).click();
    await first.page.waitForURL("**/login");
    // The account page needs a session (/areas, the network's landing page, is public now).
    await second.page.goto("/account");
    expect(new URL(second.page.url()).pathname).toBe("/login");
    await first.context.close();
    await second.context.close();
  });
});
