// Group workspaces in a real browser: the expert group's chair calls a meeting with an agenda,
// records a decision and approves the minutes; a member files a new version of a document and
// opens a confidential attachment; and a real SMTP server started here receives the reminder mail
// that `npm run reminders` sends.
import { spawn } from "node:child_process";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink";
import { baseUrl, DEMO, expectAccessible, expectHeading, launchBrowser, newPage, signIn } from "./helpers";

const CHAIR = "katariina.makela@demo.lahiturva.fi"; // the expert group's chair (db/seed/demo-city.ts)

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => {
  await browser?.close();
});

/** A valid minimal PDF. */
const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, "latin1");

/** Decodes RFC 2047 encoded words (what nodemailer puts in a Subject with ä and ö). */
function decodeHeader(value: string): string {
  // Bytes first (a character may be split between two encoded words), then UTF-8 once.
  const bytes = value
    .replace(/\?=\r?\n?[ \t]+=\?/g, "?==?")
    .replace(/\r?\n[ \t]/g, "")
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_, q: string) =>
      q.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
    )
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b: string) => Buffer.from(b, "base64").toString("latin1"));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

describe("the expert group's workspace", () => {
  it("the chair schedules a meeting with an agenda, records a decision and approves the minutes", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, CHAIR);
    await page.goto("/workspaces");
    await expectHeading(page, "Työtilat");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Turvallisuussuunnittelun asiantuntijaryhmä" }).click();
    await expectHeading(page, "Turvallisuussuunnittelun asiantuntijaryhmä");
    await page.getByRole("heading", { name: "Huomioitavaa" }).waitFor();
    await expectAccessible(page);

    // Call the meeting.
    await page.locator("nav[aria-label='Työtilan osiot']").getByRole("link", { name: "Kokoukset" }).click();
    await page.getByRole("heading", { name: "Uusi kokous" }).waitFor();
    await expectAccessible(page);
    const form = page.locator("form#new-meeting");
    await form.getByLabel("Otsikko").fill("Kevään seurantakokous");
    await form.getByLabel("Päivä").fill("2031-04-15");
    await form.getByLabel("Alkaa klo").fill("13:00");
    await form.getByLabel("Päättyy klo").fill("15:30");
    await form.getByLabel("Paikka").fill("Kaupungintalo, kokoushuone Arppe");
    await form.getByRole("button", { name: "Uusi kokous" }).click();
    await page.waitForURL(/\/meetings\/\d+\?done=created/);
    await page.getByText("Kokous luotu ja jäsenet kutsuttu.").waitFor();
    await page.getByText("Kutsuttu").first().waitFor();
    await expectAccessible(page);
    const meetingUrl = new URL(page.url()).pathname;

    // Two agenda items, one about the camera measure.
    const agenda = page.getByRole("region", { name: "Esityslista" });
    await agenda.getByLabel(/^Asia/).fill("Kokouksen avaus");
    await agenda.getByRole("button", { name: "Lisää asia esityslistalle" }).click();
    await page.getByTestId("agenda").getByText("Kokouksen avaus").waitFor();
    await agenda.getByLabel(/^Asia/).fill("Kameravalvonnan kehittäminen");
    await agenda.getByLabel("Selostus").fill("Tietosuojan vaikutustenarvioinnin tilanne.");
    await agenda.getByLabel("Liittyy").selectOption({ label: "2.4 Kameravalvonnan kehittäminen keskustan julkisilla paikoilla" });
    await agenda.getByRole("button", { name: "Lisää asia esityslistalle" }).click();
    await page
      .getByTestId("agenda")
      .getByRole("link", { name: "2.4 Kameravalvonnan kehittäminen keskustan julkisilla paikoilla" })
      .waitFor();
    await expect(page.getByTestId("agenda").locator("li").count()).resolves.toBe(2);

    // The decision, about the measure, on the second item.
    const decisions = page.getByRole("region", { name: "Päätökset" });
    await decisions
      .locator("textarea")
      .first()
      .fill("Asiantuntijaryhmä pyytää vaikutustenarvioinnin valmiiksi toukokuun loppuun mennessä.");
    await decisions.getByLabel("Esityslistan asia").selectOption({ label: "2. Kameravalvonnan kehittäminen" });
    await decisions.getByLabel("Koskee").selectOption({ label: "2.4 Kameravalvonnan kehittäminen keskustan julkisilla paikoilla" });
    await decisions.getByRole("button", { name: "Kirjaa päätös" }).click();
    await page
      .getByTestId("decisions")
      .getByText(/^\d+\/2031/)
      .waitFor();
    const number = (await page.getByTestId("decisions").locator("strong").first().textContent())!.trim();
    expect(number).toBe("1/2031");

    // Minutes: a draft first, then approved; after that the record is final.
    const minutes = page.getByRole("region", { name: "Pöytäkirja" });
    await minutes.getByLabel("Pöytäkirja").fill("1. Puheenjohtaja avasi kokouksen.\n2. Päätettiin vaikutustenarvioinnin aikataulusta.");
    // The form's id carries the meeting's version: wait for the page rendered from the saved state
    // (the URL changes a moment before the new data is on the page).
    const minutesForm = await page.locator("form[id^='minutes-']").getAttribute("id");
    await minutes.getByRole("button", { name: "Tallenna luonnos" }).click();
    await page.waitForURL(/done=minutes/);
    await page.waitForFunction((id) => !document.getElementById(id!), minutesForm);
    expect(await page.getByTestId("minutes-status").textContent()).toBe("Pöytäkirja luonnos");
    await page.getByRole("region", { name: "Pöytäkirja" }).getByRole("button", { name: "Hyväksy pöytäkirja" }).click();
    await page.waitForURL(/done=approved/);
    await page.getByTestId("minutes-text").getByText("Päätettiin vaikutustenarvioinnin aikataulusta.", { exact: false }).waitFor();
    expect(await page.getByTestId("minutes-status").textContent()).toBe("Pöytäkirja hyväksytty");
    await page.getByText("Hyväksynyt Katariina Mäkelä", { exact: false }).waitFor();
    await expect(page.getByRole("button", { name: "Lisää asia esityslistalle" }).count()).resolves.toBe(0);
    await expectAccessible(page);

    // The calendar file.
    const ics = await page.request.get(`${meetingUrl}.ics`);
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const text = await ics.text();
    expect(text).toContain("SUMMARY:Kevään seurantakokous");
    expect(text).toMatch(/DTSTART:20310415T100000Z/); // 13.00 Helsinki summer time

    // The decision register, and the measure's page, list the decision.
    await page.locator("nav[aria-label='Työtilan osiot']").getByRole("link", { name: "Päätökset" }).click();
    await page.getByRole("cell", { name: number, exact: true }).waitFor();
    await expectAccessible(page);
    await page
      .getByRole("row", { name: new RegExp(number.replace("/", "\\/")) })
      .getByRole("link", { name: /^2\.4 / })
      .click();
    await page.waitForURL(/\/measures\/\d+$/);
    await page.getByTestId("linked-decisions").getByText(`Turvallisuussuunnittelun asiantuntijaryhmä, päätös ${number}`).waitFor();
    await page
      .getByTestId("linked-documents")
      .getByRole("link", { name: "Kameravalvonnan yhteistyösopimus (kaupunki – poliisi)" })
      .waitFor();
    // The chair has no right to the confidential attachment: the measure page does not show it.
    await expect(page.getByTestId("linked-documents").getByText("Liite 1", { exact: false }).count()).resolves.toBe(0);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a member files a new version of the agreement and opens the confidential attachment", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, DEMO.expert);
    await page.goto("/workspaces");
    await expectHeading(page, "Työtilat");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Turvallisuussuunnittelun asiantuntijaryhmä" }).click();
    await page.getByRole("heading", { name: "Huomioitavaa" }).waitFor();
    // The expert group's front page lists the member's own late and stale measures.
    await page.getByRole("heading", { name: "Omat toimenpiteet" }).waitFor();
    await expectAccessible(page);
    await page.locator("nav[aria-label='Työtilan osiot']").getByRole("link", { name: "Asiakirjat" }).click();
    await page.getByTestId("documents").waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Kameravalvonnan yhteistyösopimus (kaupunki – poliisi)" }).click();
    await page.getByTestId("versions").waitFor();
    await expectAccessible(page);
    await expect(page.getByTestId("versions").locator("tbody tr").count()).resolves.toBe(1);

    // A web page dressed as a PDF is refused, with the reason; nothing is stored.
    const versions = page.getByRole("region", { name: "Versiot" });
    await versions
      .locator("input[type=file]")
      .setInputFiles({ name: "sopimus.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><body>ei pdf</body></html>") });
    await versions.getByRole("button", { name: "Tallenna uusi versio" }).click();
    await page.getByText("Tiedoston sisältö ei ole sallittua tyyppiä.", { exact: false }).waitFor();
    await expect(page.getByTestId("versions").locator("tbody tr").count()).resolves.toBe(1);

    await versions
      .locator("input[type=file]")
      .setInputFiles({ name: "yhteistyosopimus-allekirjoitettu.pdf", mimeType: "application/pdf", buffer: pdf("allekirjoitettu") });
    await versions.getByLabel("Muutoksen kuvaus").fill("Allekirjoitettu versio");
    await versions.getByRole("button", { name: "Tallenna uusi versio" }).click();
    await page.getByText("Uusi versio tallennettu.").waitFor();
    await expect(page.getByTestId("versions").locator("tbody tr").count()).resolves.toBe(2);
    await page.getByTestId("versions").getByText("Allekirjoitettu versio").waitFor();
    await page.getByTestId("versions").getByRole("link", { name: "Lataa versio 1: kameravalvonta-yhteistyosopimus.pdf" }).waitFor();
    await expectAccessible(page);

    // The confidential attachment: marking on the page and in the downloaded file's name.
    await page
      .getByTestId("attachments")
      .getByRole("link", { name: /^Liite 1:/ })
      .click();
    await page.getByTestId("publicity-marking").waitFor();
    await page.getByTestId("publicity-marking").getByText("JulkL 24 § 1 mom. 7 k", { exact: false }).waitFor();
    await expectAccessible(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Lataa \(/ }).click()]);
    expect(download.suggestedFilename()).toBe("SALASSAPIDETTÄVÄ – liite-1-vastuuhenkilot.pdf");
    const res = await page.request.get(new URL(download.url()).pathname + new URL(download.url()).search);
    // The route sets nosniff itself and the HTTP server adds it to every response: both say the same.
    expect(
      new Set(
        res
          .headers()
          ["x-content-type-options"]!.split(",")
          .map((v) => v.trim()),
      ),
    ).toEqual(new Set(["nosniff"]));
    expect(res.headers()["content-disposition"]).toMatch(/^attachment; /);
    expect(res.headers()["cache-control"]).toBe("private, no-store");

    // A mention in a thread.
    await page.locator("nav[aria-label='Työtilan osiot']").getByRole("link", { name: "Keskustelut" }).click();
    await page.getByRole("heading", { name: "Aloita keskustelu" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Kameravalvonnan sopimuksen liitteet" }).click();
    await page.getByRole("region", { name: "Vastaa" }).getByLabel("Viesti").fill("@Katariina Mäkelä uusi versio on nyt tallennettu.");
    await page.getByRole("button", { name: "Lähetä" }).click();
    await page.getByText("1 mainittu jäsen sai ilmoituksen.", { exact: false }).waitFor();
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a member without the right does not see the attachment; the coordinator reads the access log", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "satu.rantanen@demo.lahiturva.fi");
    await page.goto("/workspaces");
    await expectHeading(page, "Työtilat");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Turvallisuussuunnittelun asiantuntijaryhmä" }).click();
    await page.getByRole("heading", { name: "Huomioitavaa" }).waitFor();
    await expectAccessible(page);
    await page.locator("nav[aria-label='Työtilan osiot']").getByRole("link", { name: "Asiakirjat" }).click();
    await page.getByTestId("documents").waitFor();
    await expect(page.getByText("Liite 1", { exact: false }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Kameravalvonnan yhteistyösopimus (kaupunki – poliisi)" }).click();
    await page.getByText("Ei liitteitä, jotka voit nähdä.").waitFor();
    await expectAccessible(page);
    await context.close();

    const admin = await newPage(browser);
    await signIn(admin.page, DEMO.coordinator);
    await admin.page.goto("/admin/access-log");
    await admin.page.getByTestId("access-log").waitFor();
    const row = admin.page
      .getByTestId("access-log")
      .locator("tbody tr", { hasText: "Jari Heikkinen" })
      .filter({ hasText: "Latasi" })
      .first();
    await row.getByText(/^Liite 1:/).waitFor();
    await expectAccessible(admin.page);
    await admin.context.close();
  });

  it("notifications show in the header and the settings are saved on the account page", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, CHAIR);
    const bell = page.getByTestId("notification-link");
    await expect(bell.getAttribute("aria-label")).resolves.toMatch(/^Ilmoitukset, [1-9]\d* lukematonta$/);
    await bell.click();
    await expectHeading(page, "Ilmoitukset");
    await page.getByText("Jari Heikkinen mainitsi sinut keskustelussa", { exact: false }).first().waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Sähköposti-ilmoitukset" }).click();
    await page.waitForURL(/\/account/);
    await page.getByLabel("Kerran päivässä koosteena (klo 7)").check();
    await page.getByRole("region", { name: "Sähköposti-ilmoitukset" }).getByRole("button", { name: "Tallenna" }).click();
    await page.getByText("Ilmoitusasetus tallennettu.").waitFor();
    await expect(page.getByLabel("Kerran päivässä koosteena (klo 7)").isChecked()).resolves.toBe(true);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("reminder mail over real SMTP", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it("`npm run reminders` against the running app's database sends the responsible person's reminder to the SMTP server", async () => {
    const run = () =>
      new Promise<number>((resolve) => {
        const env = {
          ...process.env,
          NODE_ENV: "production",
          DATA_DIR: inject("dataDir"),
          PUBLIC_URL: baseUrl(),
          SMTP_HOST: "127.0.0.1",
          SMTP_PORT: String(sink.port),
          REMINDERS: "off",
        } as NodeJS.ProcessEnv;
        const child = spawn(process.execPath, ["--import", "tsx", "db/run-reminders.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
        child.on("exit", (code) => resolve(code ?? 1));
      });
    expect(await run()).toBe(0);
    const toJari = sink.received.filter((m) => m.to.includes(DEMO.expert));
    expect(toJari.length).toBeGreaterThan(0);
    const subjects = toJari.map((m) => decodeHeader(/^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(m.raw)![1]!));
    // Jari is responsible for police measures that are late, stale or near their deadline in the demo
    // city (which ones depends on what the other browser tests reported in the meantime).
    const reminder =
      /^Lähiturva: (Toimenpide \S+ .* on myöhässä|Toimenpiteen \S+ .* määräpäivä lähestyy|Toimenpidettä \S+ .* ei ole päivitetty ajoissa)/;
    expect(subjects.filter((s) => reminder.test(s)).length, subjects.join("\n")).toBeGreaterThan(0);
    const late = toJari[subjects.findIndex((s) => reminder.test(s))]!;
    // The body is quoted-printable: undo its soft line breaks before looking for the link.
    expect(late.raw.replace(/=\r?\n/g, "")).toContain(`${baseUrl()}/measures/`);
    // A second run finds nothing new to send.
    const count = sink.received.length;
    expect(await run()).toBe(0);
    expect(sink.received.length).toBe(count);
  }, 60_000);
});
