// Issue 18, the situation room, in a real browser: a coordinator convenes the police, youth
// services and a security company for a confidential situation; two members log entries and a
// third sees them appear without reloading (server-sent events); the picture is updated twice and
// the two versions compared; an action is agreed and done; the briefing is sent to the mayor, who
// reads it and its PDF; the situation is closed with a measure proposal. Someone outside the group
// sees none of it (not in the list, a 404 on the page). axe checks every page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, expectAccessible, expectHeading, launchBrowser, newPage, signIn } from "./helpers";

const SECURITY = "vartija@demo.lahiturva.fi";
const OUTSIDER = "ilkka.lahtinen@demo.lahiturva.fi";

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => {
  await browser?.close();
});

async function signedIn(email: string) {
  const opened = await newPage(browser);
  await signIn(opened.page, email);
  return opened;
}

const logSection = (page: Page) => page.getByRole("region", { name: "Tilanneloki" });

async function addEntry(page: Page, text: string) {
  const section = logSection(page);
  await section.getByLabel("Mitä tapahtui tai mitä tiedetään").fill(text);
  await section.getByRole("button", { name: "Lisää merkintä" }).click();
  await page.getByText("Merkintä lisätty lokiin.").waitFor();
  await section.getByText(text).waitFor();
}

describe("the situation room", () => {
  it("runs a whole situation from convening to closing, and keeps it from outsiders", async () => {
    const stamp = Date.now();
    const title = `Yhteenotot Itäkeskuksen kauppakeskuksessa ${stamp}`;

    // Convene: a validation error keeps what was typed.
    const coordinator = await signedIn(DEMO.coordinator);
    const c = coordinator.page;
    await c.goto("/situations");
    await expectHeading(c, "Tilannehuone");
    await expectAccessible(c);
    await c.getByRole("link", { name: "Kutsu koolle uusi tilanne" }).click();
    await expectHeading(c, "Uusi tilanne");
    await c.getByLabel(/^Otsikko/).fill(title);
    await c.getByLabel("Julkisuusluokka").selectOption("confidential");
    await c.getByRole("button", { name: "Kutsu ryhmä koolle" }).click();
    await c.getByText("Anna salassapitoperuste.").waitFor();
    await expect(c.getByLabel(/^Otsikko/).inputValue()).resolves.toBe(title);
    await expectAccessible(c);
    await c.getByLabel("Vakavuus").selectOption("high");
    await c.getByLabel(/^Salassapitoperuste/).fill("JulkL 24 § 1 mom. 5 k");
    await c.getByLabel(/^Salassa asti/).fill("2031-12-31");
    await c.getByLabel("Alueet, joita tilanne koskee").selectOption({ label: "704 Vuosaari" });
    await c.getByRole("checkbox", { name: /^Jari Heikkinen/ }).check();
    await c.getByRole("checkbox", { name: /^Tiina Salonen/ }).check();
    await c.getByRole("checkbox", { name: /^Sami Korpela/ }).check();
    await c.getByRole("button", { name: "Kutsu ryhmä koolle" }).click();
    await c.waitForURL(/\/situations\/\d+$/);
    await expectHeading(c, title);
    await expectAccessible(c);
    const path = new URL(c.url()).pathname;

    // Three members; the third (youth services) watches the log while the other two write.
    const police = await signedIn(DEMO.expert);
    const security = await signedIn(SECURITY);
    const youth = await signedIn(DEMO.network);
    await youth.page.goto("/notifications");
    await youth.page.getByText("Sinut on kutsuttu salassa pidettävän tilanteen yhteistyöryhmään", { exact: false }).first().waitFor();
    await expect(youth.page.getByText(title).count()).resolves.toBe(0);
    await youth.page.goto(path);
    await expectHeading(youth.page, title);
    await youth.page.getByTestId("live-log").waitFor();
    await expectAccessible(youth.page);

    await police.page.goto(path);
    await addEntry(police.page, "Poliisi: kaksi nuorta otettu kiinni ostoskeskuksessa.");
    await security.page.goto(path);
    await expectAccessible(security.page);
    await addEntry(security.page, "Vartiointi: ryhmä siirtyi metroasemalle klo 21.");
    // No reload on the watcher's page: both entries arrive through the event stream.
    await logSection(youth.page).getByText("Poliisi: kaksi nuorta otettu kiinni ostoskeskuksessa.").waitFor({ timeout: 20_000 });
    await logSection(youth.page).getByText("Vartiointi: ryhmä siirtyi metroasemalle klo 21.").waitFor({ timeout: 20_000 });

    // The picture, twice; a save on the older version is refused with the newer text shown.
    await c.reload();
    const picture = c.getByRole("region", { name: "Tilannekuva" });
    await picture.getByLabel(/^Mitä on tapahtunut/).fill("Yhteenotto kauppakeskuksessa.");
    await picture.getByLabel("Missä").fill("Itäkeskus");
    await picture.getByRole("button", { name: "Tallenna uusi versio" }).click();
    await c.getByText("Tilannekuvan versio 1 tallennettu.").waitFor();
    const stale = await signedIn(DEMO.coordinator);
    await stale.page.goto(path);
    await picture.getByLabel(/^Mitä on tapahtunut/).fill("Yhteenotto kauppakeskuksessa ja metroasemalla.");
    await picture.getByLabel("Mitä on sovittu").fill("Yhteinen partiointi perjantaina.");
    await picture.getByRole("button", { name: "Tallenna uusi versio" }).click();
    await c.getByText("Tilannekuvan versio 2 tallennettu.").waitFor();
    const stalePicture = stale.page.getByRole("region", { name: "Tilannekuva" });
    await stalePicture.getByLabel(/^Mitä on tapahtunut/).fill("Vanhentunut teksti");
    await stalePicture.getByRole("button", { name: "Tallenna uusi versio" }).click();
    await stale.page.getByText("Joku tallensi tilannekuvan sillä välin", { exact: false }).waitFor();
    await expect(stalePicture.getByLabel(/^Mitä on tapahtunut/).inputValue()).resolves.toBe("Vanhentunut teksti");
    await expect(stale.page.getByRole("alert").getByText("Yhteenotto kauppakeskuksessa ja metroasemalla.").isVisible()).resolves.toBe(true);
    await expectAccessible(stale.page);
    await stale.context.close();

    await picture.getByRole("button", { name: "Näytä muutokset" }).click();
    await expectHeading(c, "Tilannekuvan muutokset");
    await expect(c.getByTestId("diff-happened").locator("ins").innerText()).resolves.toContain("ja metroasemalla.");
    await expectAccessible(c);
    await c.goBack();
    await expectHeading(c, title);

    // An action agreed for the police, shown in their task list, and done.
    const actions = c.getByRole("region", { name: "Sovitut toimenpiteet" });
    await actions.getByLabel(/^Toimenpide/).fill("Lisäpartiointi perjantai-iltana");
    await actions.getByLabel("Vastuuorganisaatio").selectOption({ label: "Helsingin poliisilaitos" });
    await actions.getByLabel("Vastuuhenkilö").selectOption({ label: "Jari Heikkinen" });
    await actions.getByRole("button", { name: "Lisää toimenpide" }).click();
    await actions.getByRole("cell", { name: "Lisäpartiointi perjantai-iltana", exact: true }).waitFor();
    await police.page.goto("/situations");
    await police.page.getByRole("region", { name: "Omat tehtävät tilanteissa" }).getByText("Lisäpartiointi perjantai-iltana").waitFor();
    await police.page.goto(path);
    const policeActions = police.page.getByRole("region", { name: "Sovitut toimenpiteet" });
    await policeActions.getByLabel("Tila: Lisäpartiointi perjantai-iltana", { exact: true }).selectOption("done");
    await policeActions.getByRole("button", { name: "Muuta tila: Lisäpartiointi perjantai-iltana" }).click();
    await police.page.getByText("Toimenpiteen tila päivitetty.").waitFor();
    await expect(policeActions.getByLabel("Tila: Lisäpartiointi perjantai-iltana", { exact: true }).inputValue()).resolves.toBe("done");

    // The briefing to the mayor, who reads it in the app and as a PDF.
    await c.reload();
    const briefing = c.getByRole("region", { name: "Tiedotus kaupunginjohdolle" });
    await briefing.getByRole("checkbox", { name: /^Eero Salmela/ }).check();
    await briefing.getByRole("button", { name: "Lähetä tilanneraportti" }).click();
    await c.getByText("Tilanneraportti lähetetty.").waitFor();
    await briefing.getByText(/Eero Salmela \(ei vielä luettu\)/).waitFor();
    const mayor = await signedIn(DEMO.mayor);
    await mayor.page.goto("/notifications");
    await mayor.page.getByText("Sinulle on lähetetty salassa pidettävän tilanteen tilanneraportti", { exact: false }).first().click();
    await mayor.page.waitForURL(/\/situations\/\d+\/briefings\/\d+$/);
    await expectHeading(mayor.page, title);
    await mayor.page.getByText("Yhteenotto kauppakeskuksessa ja metroasemalla.").waitFor();
    await expectAccessible(mayor.page);
    const pdf = await mayor.page.request.get(`${new URL(mayor.page.url()).pathname}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const bytes = (await pdf.body()).toString("latin1");
    expect(bytes.startsWith("%PDF-1.7")).toBe(true);
    expect(bytes).toContain("/StructTreeRoot");
    await c.reload();
    await briefing.getByText(/Eero Salmela \(luettu /).waitFor();

    // Closing with a measure proposal; the members' access ends.
    const closing = c.getByRole("region", { name: "Tilanteen päättäminen" });
    await closing.getByLabel(/^Jälkiarvio/).fill("Yhteistyö toimi; partiointia jatketaan poliisin johdolla.");
    await closing.getByLabel("Ehdotetun toimenpiteen nimi").fill(`Kauppakeskusten iltapartiointimalli ${stamp}`);
    await closing.getByLabel("Vastuuorganisaatio").selectOption({ label: "Helsingin poliisilaitos" });
    await closing.getByRole("button", { name: "Päätä tilanne" }).click();
    await c.getByText("Tilanne päätetty.").waitFor();
    await c.getByText("Tilanne on päättynyt", { exact: false }).waitFor();
    await expectAccessible(c);
    await c.getByRole("link", { name: new RegExp(`Kauppakeskusten iltapartiointimalli ${stamp}`) }).click();
    await c.waitForURL(/\/measures\/\d+$/);
    await expectHeading(c, new RegExp(`Kauppakeskusten iltapartiointimalli ${stamp}`));
    await c.getByRole("link", { name: `Ehdotettu tilanteen ${title} jälkiarviossa` }).waitFor();
    const formerMember = await police.page.goto(path);
    expect(formerMember?.status()).toBe(404);

    // Outside the group: not in the list, and the page is a 404.
    const outsider = await signedIn(OUTSIDER);
    await outsider.page.goto("/situations");
    await expectHeading(outsider.page, "Tilannehuone");
    await expect(outsider.page.getByText(title).count()).resolves.toBe(0);
    await outsider.page.goto("/situations?q=Itäkeskuksen");
    await expect(outsider.page.getByText(title).count()).resolves.toBe(0);
    await expectAccessible(outsider.page);
    const response = await outsider.page.goto(path);
    expect(response?.status()).toBe(404);
    const events = await outsider.page.request.get(`${path}/events`);
    expect(events.status()).toBe(404);
    const resident = await signedIn(DEMO.resident);
    expect((await resident.page.goto(path))?.status()).toBe(403);

    // No hydration mismatch on any page (React errors 418/425 re-render the forms under the typing hand).
    for (const opened of [coordinator, police, security, youth, mayor])
      expect(opened.errors.filter((e) => /React error #4(18|25)/.test(e))).toEqual([]);
    for (const opened of [coordinator, police, security, youth, mayor, outsider, resident]) await opened.context.close();
    // One long journey with seven people signing in: more than the default minute on two shared cores.
  }, 300_000);

  it("reads in Swedish and English, and a member logs without JavaScript (a reload shows the entry)", async () => {
    const demo = "Häiriöt ja pahoinpitelyt Vuosaaren metroasemalla";
    // Swedish: the coordinator's overview and the open demo situation, its overdue action marked.
    const sv = await newPage(browser, { locale: "sv-FI" });
    await signIn(sv.page, DEMO.coordinator);
    await sv.page.goto("/situations?lng=sv");
    await expectHeading(sv.page, "Lägesrum");
    const href = await sv.page.getByRole("region", { name: "Öppna situationer" }).getByRole("link", { name: demo }).getAttribute("href");
    await sv.page.goto(`${href}?lng=sv`);
    await expectHeading(sv.page, demo);
    await sv.page.getByRole("region", { name: "Lägeslogg" }).getByText("Rättad genom anteckning", { exact: false }).waitFor();
    await sv.page.getByRole("region", { name: "Överenskomna åtgärder" }).getByText("Försenad").first().waitFor();
    await expectAccessible(sv.page);
    await sv.context.close();

    // English: the mayor was briefed on it and reads the report.
    const en = await newPage(browser, { locale: "en-GB" });
    await signIn(en.page, DEMO.mayor);
    await en.page.goto("/situations?lng=en");
    await expectHeading(en.page, "Situation room");
    const situation = await en.page.getByRole("link", { name: demo }).getAttribute("href");
    await en.page.goto(`${situation}?lng=en`);
    await expectHeading(en.page, demo);
    const report = await en.page
      .getByRole("region", { name: "Briefing the city's leadership" })
      .getByRole("link")
      .first()
      .getAttribute("href");
    await en.page.goto(`${report}?lng=en`);
    await expectHeading(en.page, demo);
    await en.page.getByText("Situation report", { exact: true }).first().waitFor();
    await expectAccessible(en.page);
    await en.context.close();

    // Without JavaScript: a refused entry keeps the form and says why; a good one shows after the reload.
    const plain = await newPage(browser, { javaScriptEnabled: false });
    await signIn(plain.page, SECURITY);
    await plain.page.goto("/situations");
    await plain.page.getByRole("link", { name: demo }).first().click();
    await expectHeading(plain.page, demo);
    const section = logSection(plain.page);
    await section.getByLabel("Mitä tapahtui tai mitä tiedetään").fill("x");
    await section.getByRole("button", { name: "Lisää merkintä" }).click();
    await logSection(plain.page).getByText("Kirjoita vähintään 2 merkkiä.").waitFor();
    await expect(logSection(plain.page).getByLabel("Mitä tapahtui tai mitä tiedetään").inputValue()).resolves.toBe("x");
    await logSection(plain.page).getByLabel("Mitä tapahtui tai mitä tiedetään").fill("Vartiointi: tilanne rauhallinen klo 23.");
    await logSection(plain.page).getByRole("button", { name: "Lisää merkintä" }).click();
    await plain.page.getByText("Merkintä lisätty lokiin.").waitFor();
    await logSection(plain.page).getByText("Vartiointi: tilanne rauhallinen klo 23.").waitFor();
    await plain.context.close();
  }, 180_000);
});
