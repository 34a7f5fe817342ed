// The resident's journey in a real browser: register in Kallio, start a plan, watch the draft save
// itself, add a co-author, send it to the network, which is notified; the Kallio network asks for a
// change; the resident is notified and reads the feedback in the "changes requested" banner, fixes
// the plan and sends it again; the network confirms and accepts it (which publishes it), and the
// resident is notified; an anonymous visitor reads it and follows the link to the city measure and
// back. Every page visited is checked with axe. Another test invites a neighbour by e-mail, who
// joins through the link; a third drops the connection while typing.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO,
  expectAccessible,
  expectHeading,
  launchBrowser,
  newPage,
  openNotification,
  outboxMailTo,
  registerResident,
  signIn,
} from "./helpers";

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => {
  await browser?.close();
});

const stamp = Date.now().toString(36);
const TITLE = `Valoisa Linjojen iltareitti ${stamp}`;

/** The form around a fieldset ("Havainto 1"…), where its autosave status is shown. */
const formOf = (page: Page, group: string) => page.locator("form", { has: page.getByRole("group", { name: group, exact: true }) });

describe("a resident's neighbourhood plan", () => {
  it("is drafted with a co-author, reviewed by the Kallio network, corrected, published and read by anyone", async () => {
    const resident = await newPage(browser);
    const page = resident.page;
    await registerResident(page, "Noora Nieminen", `noora.${stamp}@example.fi`);
    await expectAccessible(page);

    // Start a plan for the home area.
    await page.getByRole("link", { name: "Aloita suunnitelma" }).click();
    await expectHeading(page, "Aloita uusi suunnitelma");
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    await page.getByLabel("Suunnitelman nimi").fill(TITLE);
    await page.getByRole("button", { name: "Luo luonnos" }).click();
    await expectHeading(page, "Suunnitelman muokkaus");
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    const editUrl = new URL(page.url()).pathname;
    const planUrl = editUrl.replace(/\/edit$/, "");

    // The draft saves itself while the resident types.
    await page.getByLabel("Nykytilanne").fill("Linjojen kaduilla on iltaisin pimeää, ja Karhupuiston oikopolkua vältellään.");
    const basics = page.locator("#section-basics").getByRole("status");
    await basics
      .filter({ hasText: "Tallennetaan…" })
      .or(basics.filter({ hasText: /Tallennettu \d/ }))
      .first()
      .waitFor();
    await basics.filter({ hasText: /Tallennettu \d{1,2}[.:]\d{2}/ }).waitFor();

    // One item in every section.
    const newObservation = page.getByRole("group", { name: "Uusi havainto" });
    await newObservation.getByLabel("Mikä huolettaa?").fill("Karhupuiston valaisimet ovat rikki.");
    await newObservation.getByLabel("Paikka (vapaaehtoinen)").fill("Karhupuisto");
    // The place is picked on the same map as an observation report (no decimal fields): a click
    // at the map's centre, which opens on the plan's own area, Linjat.
    await newObservation.locator(".leaflet-container").click();
    await expect.poll(() => newObservation.getByTestId("picked-point").textContent()).toMatch(/Valittu paikka: 60\.1\d+, 24\.9\d+/);
    await page.getByRole("button", { name: "Lisää havainto" }).click();
    await page.getByRole("group", { name: "Havainto 1", exact: true }).waitFor();
    // Focus follows the new item, so a keyboard user goes on where the added text now is.
    await expect
      .poll(() => page.getByRole("group", { name: "Havainto 1", exact: true }).evaluate((g) => g.contains(document.activeElement)))
      .toBe(true);
    await page
      .getByRole("group", { name: "Uusi tavoite" })
      .getByLabel("Tavoite")
      .fill("Puiston läpi voi kulkea turvallisesti myös iltaisin.");
    await page.getByRole("button", { name: "Lisää tavoite" }).click();
    await page.getByRole("group", { name: "Tavoite 1", exact: true }).waitFor();
    const newAction = page.getByRole("group", { name: "Uusi toimenpide" });
    await newAction.getByLabel("Mitä tehdään?").fill("Lähipoliisi käy puistossa viikonloppuiltaisin.");
    await newAction.getByLabel("Kuka toteuttaa").selectOption({ label: "Kaupunki tai muu organisaatio" });
    await newAction.getByLabel("Organisaatio", { exact: true }).selectOption({ label: "Helsingin poliisilaitos" });
    await newAction
      .getByLabel("Kaupungin toimenpide, jota tämä tukee")
      .selectOption({ label: "2.2 Lähipoliisitoiminta Kalliossa ja Alppiharjussa" });
    await page.getByRole("button", { name: "Lisää toimenpide" }).click();
    await page.getByRole("group", { name: "Toimenpide 1", exact: true }).waitFor();

    // Editing an item saves it too.
    await page
      .getByRole("group", { name: "Havainto 1", exact: true })
      .getByLabel("Mikä huolettaa?")
      .fill("Karhupuiston länsilaidan valaisimet ovat olleet rikki kuukausia.");
    await formOf(page, "Havainto 1")
      .getByRole("status")
      .filter({ hasText: /Tallennettu \d/ })
      .waitFor();

    // The plan cites a published map observation of its area, and can take the citation back.
    const citations = page.locator("#section-citations");
    const karhupuisto = await citations.locator("option", { hasText: "Karhupuiston poikki" }).getAttribute("value");
    await citations.getByLabel("Alueen julkaistu havainto").selectOption(karhupuisto!);
    await citations.getByRole("button", { name: "Viittaa havaintoon" }).click();
    await page.getByRole("status").filter({ hasText: "Havainto lisättiin suunnitelman lähteisiin." }).waitFor();
    await citations.getByRole("link", { name: /Karhupuiston poikki/ }).waitFor();
    await citations.getByLabel("Alueen julkaistu havainto").selectOption({ index: 0 });
    const second = await citations.getByLabel("Alueen julkaistu havainto").inputValue();
    await citations.getByRole("button", { name: "Viittaa havaintoon" }).click();
    const citedRows = citations.getByRole("button", { name: /^Poista viittaus:/ });
    await expect.poll(() => citedRows.count()).toBe(2);
    await citations.locator(`form:has(input[name=observationId][value="${second}"])`).getByRole("button").click();
    await page.getByRole("status").filter({ hasText: "Viittaus havaintoon poistettiin." }).waitFor();
    await expect.poll(() => citedRows.count()).toBe(1);
    await expectAccessible(page);

    // A co-author: an existing resident of the same area.
    await page.getByLabel("Asukkaan sähköpostiosoite").fill(DEMO.resident);
    await page.getByRole("button", { name: "Lisää laatija" }).click();
    await page.getByRole("status").filter({ hasText: "Eveliina Mattila lisättiin laatijaksi." }).waitFor();
    await expect(page.locator("#section-authors").getByText("Eveliina Mattila", { exact: true }).count()).resolves.toBe(1);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Lähetä suunnitelma verkostolle" }).click();
    await expectHeading(page, TITLE);
    await page.getByRole("status").filter({ hasText: "Suunnitelma lähetettiin alueen verkostolle." }).waitFor();
    await expect(page.getByText("Odottaa palautetta").count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page);

    // Not public yet: an anonymous visitor gets "not found".
    const visitor = await newPage(browser);
    const early = await visitor.page.goto(planUrl);
    expect(early?.status()).toBe(404);

    // The Kallio network finds it waiting on its landing page and asks for a change.
    const network = await newPage(browser);
    await signIn(network.page, DEMO.network);
    await expectHeading(network.page, "Alueet");
    await expectAccessible(network.page);
    await network.page.getByRole("link", { name: TITLE }).click();
    await expectHeading(network.page, TITLE);
    await network.page.waitForLoadState("networkidle");
    await expectAccessible(network.page);
    // The network member was told: the notification leads to the plan.
    await openNotification(network.page, `Noora Nieminen lähetti asukkaiden turvallisuussuunnitelman ”${TITLE}” verkostonne arvioitavaksi`);
    await expectHeading(network.page, TITLE);
    await network.page.waitForLoadState("networkidle");
    await network.page.getByLabel("Palaute laatijoille").fill("Kertokaa vielä, milloin lähipoliisin käynnit alkavat.");
    await network.page.getByRole("button", { name: "Pyydä muutoksia" }).click();
    await network.page.getByRole("status").filter({ hasText: "Muutospyyntö lähetettiin laatijoille." }).waitFor();
    await expect(network.page.getByText("Muutoksia pyydetty").count()).resolves.toBeGreaterThan(0);
    await expectAccessible(network.page);

    // The resident is told, and reads the feedback in the banner at the top of the plan.
    await openNotification(page, `Verkosto pyysi muutoksia suunnitelmaanne ”${TITLE}”: lue palaute ja korjaa`);
    await expectHeading(page, TITLE);
    const banner = page.getByTestId("changes-requested");
    await expect(banner.getByText("Kertokaa vielä, milloin lähipoliisin käynnit alkavat.").count()).resolves.toBe(1);
    await expect(banner.getByText("Muutoksia pyydetty").count()).resolves.toBe(1);
    await expectAccessible(page);

    // The resident sees the feedback, fixes the plan and sends it again.
    await page.goto("/my-area");
    await expectHeading(page, "Oma alue");
    await expectAccessible(page);
    await page.locator("#my-plans").locator("..").getByRole("link", { name: TITLE }).click();
    await expectHeading(page, TITLE);
    await page.getByRole("link", { name: "Muokkaa suunnitelmaa" }).click();
    await expectHeading(page, "Suunnitelman muokkaus");
    await page.waitForLoadState("networkidle");
    await expect(page.getByText("Kertokaa vielä, milloin lähipoliisin käynnit alkavat.").count()).resolves.toBeGreaterThan(0);
    // In the editor too, the feedback is inside the banner.
    await expect(
      page.getByTestId("changes-requested").getByText("Kertokaa vielä, milloin lähipoliisin käynnit alkavat.").count(),
    ).resolves.toBe(1);
    await expectAccessible(page);
    await page
      .getByRole("group", { name: "Toimenpide 1", exact: true })
      .getByLabel("Aikataulu")
      .fill("Viikonloppuisin syyskuusta 2026 alkaen");
    await formOf(page, "Toimenpide 1")
      .getByRole("status")
      .filter({ hasText: /Tallennettu \d/ })
      .waitFor();
    await page.getByRole("button", { name: "Lähetä korjattu suunnitelma" }).click();
    await expectHeading(page, TITLE);
    await page.getByRole("status").filter({ hasText: "Suunnitelma lähetettiin alueen verkostolle." }).waitFor();
    await expectAccessible(page);

    // The network accepts: the plan is published.
    await network.page.goto(planUrl);
    await expectHeading(network.page, TITLE);
    await network.page.waitForLoadState("networkidle");
    await network.page.getByLabel("Palaute laatijoille").fill("Kiitos, hyvä suunnitelma!");
    // Publishing asks first, with or without JavaScript: without the confirmation the form comes back
    // with a field error and the text kept.
    const plainNetwork = await newPage(browser, { javaScriptEnabled: false });
    await signIn(plainNetwork.page, DEMO.network);
    await plainNetwork.page.goto(planUrl);
    await plainNetwork.page.getByLabel("Palaute laatijoille").fill("Ilman skriptejä kirjoitettu palaute");
    const [refused] = await Promise.all([
      plainNetwork.page.waitForResponse((r) => r.request().method() === "POST"),
      plainNetwork.page.getByRole("button", { name: "Hyväksy ja julkaise" }).click(),
    ]);
    expect(refused.status()).toBe(400);
    await plainNetwork.page.getByText("Vahvista, että suunnitelma julkaistaan kaikkien luettavaksi.").waitFor();
    expect(await plainNetwork.page.getByLabel("Palaute laatijoille").inputValue()).toBe("Ilman skriptejä kirjoitettu palaute");
    await expect(plainNetwork.page.getByText("Odottaa palautetta").count()).resolves.toBeGreaterThan(0);
    // (axe needs scripts: the same form with the same error is checked with axe just below.)
    await plainNetwork.context.close();
    await network.page.getByRole("button", { name: "Hyväksy ja julkaise" }).click();
    await network.page.getByText("Vahvista, että suunnitelma julkaistaan kaikkien luettavaksi.").waitFor();
    expect(await network.page.getByLabel("Palaute laatijoille").inputValue()).toBe("Kiitos, hyvä suunnitelma!");
    await expectAccessible(network.page);
    await network.page.getByLabel(/Ymmärrän, että hyväksytty suunnitelma julkaistaan/).check();
    await network.page.getByRole("button", { name: "Hyväksy ja julkaise" }).click();
    await network.page.getByRole("status").filter({ hasText: "Suunnitelma hyväksyttiin ja julkaistiin." }).waitFor();
    await expectAccessible(network.page);

    // The resident is told that the plan is out.
    await openNotification(page, `Suunnitelmanne ”${TITLE}” hyväksyttiin ja julkaistiin`);
    await expectHeading(page, TITLE);
    await expect(page.getByTestId("changes-requested").count()).resolves.toBe(0);
    await expectAccessible(page);

    // Anyone reads it now, follows the link to the city measure, and finds the plan listed there.
    await visitor.page.goto(planUrl);
    await expectHeading(visitor.page, TITLE);
    await expect(visitor.page.getByText("Julkaistu").count()).resolves.toBeGreaterThan(0);
    await expect(visitor.page.getByText("Viikonloppuisin syyskuusta 2026 alkaen").count()).resolves.toBe(1);
    await expect(visitor.page.getByText(/Karhupuisto \(koordinaatit 60,1\d+° pohj\. lev\., 24,9\d+° it\. pit\.\)/).count()).resolves.toBe(
      1,
    );
    // The published map observation the plan cites is linked from the plan.
    await visitor.page
      .getByRole("region", { name: "Havainnot, joihin suunnitelma viittaa" })
      .getByRole("link", { name: /Karhupuiston poikki/ })
      .waitFor();
    await expect(visitor.page.getByText("Kiitos, hyvä suunnitelma!").count()).resolves.toBe(1);
    await expect(visitor.page.getByRole("link", { name: "Muokkaa suunnitelmaa" }).count()).resolves.toBe(0);
    await expectAccessible(visitor.page);
    await visitor.page.getByRole("link", { name: "2.2 Lähipoliisitoiminta Kalliossa ja Alppiharjussa" }).click();
    await expectHeading(visitor.page, /2\.2 Lähipoliisitoiminta/);
    await visitor.page.getByRole("heading", { name: "Asukkaiden turvallisuussuunnitelmien toimenpiteet" }).waitFor();
    await expect(visitor.page.getByRole("link", { name: TITLE }).count()).resolves.toBe(1);
    await expectAccessible(visitor.page);
    // …and the area's page lists it.
    await visitor.page.goto(planUrl);
    await expectHeading(visitor.page, TITLE);
    await visitor.page.getByRole("link", { name: "← Linjat" }).click();
    await expectHeading(visitor.page, "Linjat");
    await expect(visitor.page.getByRole("link", { name: TITLE }).count()).resolves.toBe(1);
    await expectAccessible(visitor.page);

    expect(resident.errors).toEqual([]);
    expect(network.errors).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await resident.context.close();
    await network.context.close();
    await visitor.context.close();
  }, 150_000);

  it("on a phone, in Swedish: a new resident drafts and sends a plan; the network reads the notice on a phone in English", async () => {
    const title = `Trygg väg till skolan ${stamp}`;
    const { context, page, errors } = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await registerResident(page, "Saga Lindholm", `saga.${stamp}@example.fi`);
    // The resident chooses Swedish; signed in, the choice is kept for their account.
    await page.getByRole("button", { name: "Svenska" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "sv");
    await page.getByRole("link", { name: "Börja en plan" }).click();
    await expectHeading(page, "Börja en ny plan");
    await page.getByLabel("Planens namn").fill(title);
    await page.getByRole("button", { name: "Skapa utkast" }).click();
    await expectHeading(page, "Redigera planen");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Nuläge").fill("Skolvägen genom parken är mörk på vintermorgnar.");
    await page.getByRole("group", { name: "Ny iakttagelse" }).getByLabel("Vad oroar?").fill("Belysningen längs gångvägen är trasig.");
    await page.getByRole("button", { name: "Lägg till iakttagelse" }).click();
    await page.getByRole("group", { name: "Iakttagelse 1", exact: true }).waitFor();
    await page.getByRole("group", { name: "Nytt mål" }).getByLabel("Mål").fill("Barnen kan gå till skolan i ljus.");
    await page.getByRole("button", { name: "Lägg till mål" }).click();
    await page.getByRole("group", { name: "Mål 1", exact: true }).waitFor();
    await page.getByRole("group", { name: "Ny åtgärd" }).getByLabel("Vad görs?").fill("Föräldrarna går skolvägen tillsammans i november.");
    await page.getByRole("button", { name: "Lägg till åtgärd" }).click();
    await page.getByRole("group", { name: "Åtgärd 1", exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Skicka planen till nätverket" }).click();
    await expectHeading(page, title);
    await page.getByRole("status").filter({ hasText: "Planen skickades till områdets nätverk." }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();

    // The Kallio network member, on a phone, reads the notice in English.
    const network = await newPage(browser);
    await network.page.setViewportSize({ width: 390, height: 844 });
    await signIn(network.page, DEMO.network);
    await network.page.goto("/notifications?lng=en");
    await expectHeading(network.page, "Notifications");
    const notice = network.page.getByTestId("notifications").getByRole("button", { name: new RegExp(title) });
    await expect(notice.count()).resolves.toBeGreaterThan(0);
    expect(await network.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(network.page);
    expect(network.errors).toEqual([]);
    await network.context.close();
  });

  it("invites a neighbour by e-mail, who joins the plan through the single-use link", async () => {
    const author = await newPage(browser);
    const page = author.page;
    await registerResident(page, "Kaisa Kutsuja", `kaisa.${stamp}@example.fi`);
    await page.getByRole("link", { name: "Aloita suunnitelma" }).click();
    await expectHeading(page, "Aloita uusi suunnitelma");
    const title = `Naapurien yhteinen suunnitelma ${stamp}`;
    await page.getByLabel("Suunnitelman nimi").fill(title);
    await page.getByRole("button", { name: "Luo luonnos" }).click();
    await expectHeading(page, "Suunnitelman muokkaus");
    await page.waitForLoadState("networkidle");

    const neighbour = `naapuri.${stamp}@example.fi`;
    await page.getByLabel("Asukkaan sähköpostiosoite").fill(neighbour);
    await page.getByRole("button", { name: "Lisää laatija" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Kutsu lähetettiin osoitteeseen ${neighbour}.` })
      .waitFor();
    await expectAccessible(page);

    // The neighbour follows the link in the mail, gives a name and a password, and is in.
    const mail = outboxMailTo(neighbour);
    expect(mail).toContain(`”${title}”`);
    const link = new URL(/https?:\/\/\S+\/invite\/[\w-]+/.exec(mail)?.[0] ?? "http://x/").pathname;
    const invitee = await newPage(browser);
    await invitee.page.goto(link);
    await expectHeading(invitee.page, "Tervetuloa Lähiturvaan");
    await expectAccessible(invitee.page);
    await invitee.page.getByLabel("Nimesi").fill("Niilo Naapuri");
    await invitee.page.getByLabel("Uusi salasana").fill("naapurin oma salasana");
    await invitee.page.getByLabel("Salasana uudelleen").fill("naapurin oma salasana");
    await invitee.page.getByLabel(/tietosuojaselosteen/).check();
    await invitee.page.getByRole("button", { name: "Luo tunnus ja liity suunnitelmaan" }).click();
    await expectHeading(invitee.page, "Suunnitelman muokkaus");
    await expect(invitee.page.getByText(title, { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(invitee.page.locator("#section-authors").getByText("Niilo Naapuri", { exact: true }).count()).resolves.toBe(1);
    await invitee.page.waitForLoadState("networkidle");
    await expectAccessible(invitee.page);

    // The link was single-use: it now says so.
    const again = await invitee.page.goto(link);
    expect(again?.status()).toBe(404);
    await expectHeading(invitee.page, "Kutsu on jo käytetty");
    await expectAccessible(invitee.page);

    // The author hears that the neighbour arrived.
    await openNotification(page, `Niilo Naapuri otti kutsun vastaan ja on nyt suunnitelman ”${title}” laatija`);
    await expectHeading(page, "Suunnitelman muokkaus");
    await expectAccessible(page);

    expect(author.errors).toEqual([]);
    expect(invitee.errors).toEqual([]);
    await author.context.close();
    await invitee.context.close();
  }, 120_000);

  it("keeps text typed during a dropped connection and saves it after a reload", async () => {
    const { context, page, errors } = await newPage(browser);
    await registerResident(page, "Oskari Offline", `oskari.${stamp}@example.fi`);
    await page.getByRole("link", { name: "Aloita suunnitelma" }).click();
    await expectHeading(page, "Aloita uusi suunnitelma");
    await page.getByLabel("Suunnitelman nimi").fill(`Yhteyskatko ${stamp}`);
    await page.getByRole("button", { name: "Luo luonnos" }).click();
    await expectHeading(page, "Suunnitelman muokkaus");
    await page.waitForLoadState("networkidle");
    const editUrl = page.url();

    await context.setOffline(true);
    await page.getByLabel("Nykytilanne").fill("Tämä kirjoitettiin ilman verkkoyhteyttä.");
    await page.locator("#section-basics").getByRole("status").filter({ hasText: "Tallennus epäonnistui" }).waitFor();
    // Still the editor (not an error page), with the text in place and a retry button.
    await expectHeading(page, "Suunnitelman muokkaus");
    expect(await page.getByLabel("Nykytilanne").inputValue()).toBe("Tämä kirjoitettiin ilman verkkoyhteyttä.");
    await expect(page.getByRole("button", { name: "Yritä uudelleen" }).count()).resolves.toBe(1);
    await expectAccessible(page);

    // The tab is closed before the connection comes back (an open page would retry by itself).
    await page.close();
    await context.setOffline(false);
    const again = await context.newPage();
    again.on("pageerror", (e) => errors.push(e.message));
    await again.goto(editUrl);
    await expectHeading(again, "Suunnitelman muokkaus");
    await again.getByText("Palautimme tallentamattoman tekstisi tältä laitteelta, ja se tallennetaan nyt.").waitFor();
    expect(await again.getByLabel("Nykytilanne").inputValue()).toBe("Tämä kirjoitettiin ilman verkkoyhteyttä.");
    await again
      .locator("#section-basics")
      .getByRole("status")
      .filter({ hasText: /Tallennettu \d/ })
      .waitFor();
    await expectAccessible(again);
    // The server has it now: a fresh load shows it, with nothing left to restore.
    await again.reload();
    await expectHeading(again, "Suunnitelman muokkaus");
    await again.waitForLoadState("networkidle");
    expect(await again.getByLabel("Nykytilanne").inputValue()).toBe("Tämä kirjoitettiin ilman verkkoyhteyttä.");
    await expect(again.getByText(/Palautimme tallentamattoman/).count()).resolves.toBe(0);
    // The failed requests while offline are expected; nothing else may go wrong.
    expect(errors.filter((e) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await context.close();
  }, 90_000);
});

describe("a district network's workspace", () => {
  it("keeps a local note on a city measure of its areas; a too short note is refused with the text kept", async () => {
    const { page, context } = await newPage(browser);
    await signIn(page, DEMO.network);
    await page.getByRole("link", { name: "Avaa verkoston työtila" }).first().click();
    await page.waitForURL(/\/networks\/\d+/);
    await expectHeading(page, /verkosto/i);
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    const measures = page.getByRole("region", { name: "Kaupungin toimenpiteet verkoston alueilla" });
    const first = measures.getByRole("article").first();
    const title = (await first.getByRole("heading", { level: 3 }).innerText()).trim();
    const code = title.split(" ")[0];

    await first.locator("summary").click();
    const note = first.getByLabel(`Seurantamerkintä toimenpiteeseen ${code}`);
    await note.fill("ok");
    await first.getByRole("button", { name: "Tallenna merkintä" }).click();
    const again = page.getByRole("region", { name: "Kaupungin toimenpiteet verkoston alueilla" }).getByRole("article").first();
    await again.getByText("Kirjoita vähintään 3 merkkiä.").waitFor();
    expect(await again.getByLabel(`Seurantamerkintä toimenpiteeseen ${code}`).inputValue()).toBe("ok");
    await expectAccessible(page);

    const text = `Iltakävely pidetty ${stamp}, valaistus korjattu.`;
    await again.getByLabel(`Seurantamerkintä toimenpiteeseen ${code}`).fill(text);
    await again.getByRole("button", { name: "Tallenna merkintä" }).click();
    await page.waitForURL(/done=note/);
    await page.waitForLoadState("networkidle");
    expect(await page.getByRole("status").innerText()).toContain("Seurantamerkintä tallennettu.");
    expect(new URL(page.url()).hash).toMatch(/^#measure-\d+$/);
    await page.locator(new URL(page.url()).hash).getByText(text).waitFor();
    await expectAccessible(page);
    await context.close();
  });
});
