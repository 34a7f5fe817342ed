// Issue 14, the person's rights, in a real browser: a resident sends a rectification request from
// the account page (a too-short text is refused in Finnish and kept, with and without JavaScript),
// a coordinator finds it under Hallinta → Tietopyynnöt with the requester's name and e-mail and
// answers it, and the resident reads the answer on the account page. Every page is checked with axe.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, expectAccessible, expectHeading, launchBrowser, newPage, registerResident, signIn } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => {
  await browser?.close();
});

const REQUEST = "Sukunimeni on kirjoitettu väärin: oikea muoto on Virtanen-Koski.";
const ANSWER = "Korjasimme sukunimesi muotoon Virtanen-Koski. Voit tarkistaa sen omista tiedoistasi.";

describe("rectification requests and objections", () => {
  it("a resident sends a request from the account page and a coordinator answers it", async () => {
    const stamp = Date.now();
    const name = `Oili Oikaisija ${stamp}`;
    const email = `oikaisu-${stamp}@example.fi`;

    // The resident: a too-short text is refused in Finnish and what was typed stays.
    const { context, page, errors } = await newPage(browser);
    await registerResident(page, name, email);
    await page.goto("/account#rights-requests");
    await expectHeading(page, "Oma tili");
    const section = page.getByRole("region", { name: "Tietojesi oikaisu ja vastustaminen" });
    await section.waitFor();
    await expect(section.getByText("Et ole lähettänyt pyyntöjä.").isVisible()).resolves.toBe(true);
    await section.getByLabel("Pyynnön tyyppi").selectOption({ label: "Oikaisupyyntö" });
    await section.getByLabel(/^Pyyntösi/).fill("Väärin");
    await section.getByRole("button", { name: "Lähetä pyyntö" }).click();
    await section.getByText("Kirjoita vähintään 10 merkkiä.").waitFor();
    await expect(section.getByLabel(/^Pyyntösi/).inputValue()).resolves.toBe("Väärin");
    await expectAccessible(page);

    await section.getByLabel(/^Pyyntösi/).fill(REQUEST);
    await section.getByRole("button", { name: "Lähetä pyyntö" }).click();
    await page.waitForURL(/\/account\?rightsRequest=\d+/);
    await section.getByText(/Pyyntösi on lähetetty\. Siihen vastataan viimeistään/).waitFor();
    const mine = section.getByRole("article");
    await expect(mine.count()).resolves.toBe(1);
    await expect(mine.getByText(REQUEST).isVisible()).resolves.toBe(true);
    await expect(mine.getByText("Käsittelyssä").isVisible()).resolves.toBe(true);
    await expect(mine.getByText("Ei vielä vastausta.").isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    // The coordinator: the admin navigation leads to the list, which names the requester.
    const coordinator = await newPage(browser);
    await signIn(coordinator.page, DEMO.coordinator);
    await coordinator.page.goto("/admin");
    await coordinator.page.getByRole("navigation", { name: "Hallinnan osiot" }).getByRole("link", { name: "Tietopyynnöt" }).click();
    await coordinator.page.waitForURL("**/admin/rights-requests");
    await coordinator.page.getByRole("heading", { level: 2, name: "Oikaisupyynnöt ja vastustukset" }).waitFor();
    const row = coordinator.page.getByRole("row").filter({ hasText: name });
    await expect(row.getByText(email).isVisible()).resolves.toBe(true);
    await expect(row.getByText("Käsittelyssä").isVisible()).resolves.toBe(true);
    await expectAccessible(coordinator.page);

    await row.getByRole("link", { name: /^Oikaisupyyntö nro \d+$/ }).click();
    await coordinator.page.getByRole("heading", { level: 2, name: /^Oikaisupyyntö nro \d+$/ }).waitFor();
    await expect(coordinator.page.getByText(REQUEST).isVisible()).resolves.toBe(true);
    await expectAccessible(coordinator.page);
    await coordinator.page.getByRole("textbox", { name: /^Vastaus pyytäjälle/ }).fill(ANSWER);
    await coordinator.page.getByRole("button", { name: "Lähetä vastaus" }).click();
    await coordinator.page.getByText("Vastaus lähetettiin pyytäjälle.").waitFor();
    await coordinator.page.getByText(/^Vastannut .+/).waitFor();
    await expect(coordinator.page.getByRole("button", { name: "Lähetä vastaus" }).count()).resolves.toBe(0);
    await expectAccessible(coordinator.page);

    // Answered requests leave the open list and are found under "Vastatut".
    await coordinator.page.goto("/admin/rights-requests");
    await expect(coordinator.page.getByRole("row").filter({ hasText: name }).count()).resolves.toBe(0);
    await coordinator.page.getByRole("combobox", { name: "Näytä" }).selectOption({ label: "Vastatut" });
    await coordinator.page.getByRole("button", { name: "Suodata" }).click();
    await coordinator.page.waitForURL(/\/admin\/rights-requests\?(index=?&)?status=answered/);
    await coordinator.page.getByRole("row").filter({ hasText: name }).getByText("Vastattu").waitFor();
    expect(coordinator.errors).toEqual([]);
    await coordinator.context.close();

    // The resident reads the answer, and was notified of it.
    await page.goto("/account#rights-requests");
    await expect(mine.getByText(ANSWER).isVisible()).resolves.toBe(true);
    await expect(mine.getByText("Vastattu", { exact: true }).isVisible()).resolves.toBe(true);
    await page.goto("/notifications");
    await page.getByText("Pyyntöösi tietojesi oikaisusta tai vastustamisesta on vastattu").first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("without JavaScript the server refuses a too-short request in the reader's language and keeps the text", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false, locale: "en-GB" });
    await signIn(page, DEMO.resident);
    await page.goto("/account?lng=en");
    await page.getByLabel("Type of request").selectOption({ label: "Objection" });
    await page.getByLabel(/^Your request/).fill("Stop");
    await page.getByRole("button", { name: "Send the request" }).click();
    await page.getByText("Enter at least 10 characters.").waitFor();
    await expect(page.getByLabel(/^Your request/).inputValue()).resolves.toBe("Stop");
    await expect(page.getByLabel("Type of request").inputValue()).resolves.toBe("objection");
    // (axe needs scripts; this page was checked with them in the test above.)
    await context.close();
  });
});
