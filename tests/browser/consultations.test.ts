// The yearly priority-area consultation in a real browser (issue 16): a coordinator creates it and
// its questions → three residents of different districts answer (one with the keyboard only, one
// without JavaScript, whose duplicate rank is refused with the typing kept) → an answer sent after
// the coordinator closed it is refused with the reason, keeping what was typed → the mayor reads the
// breakdown by district → the steering group's priority-area decision cites it → an anonymous
// visitor reads the public results and what was decided. axe checks every page.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, expectAccessible, expectHeading, launchBrowser, newPage, signIn } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => {
  await browser?.close();
});

const stamp = Date.now().toString(36);
const TITLE = `Painopistealueet ensi vuodelle ${stamp}`;
const SOFIA = "sofia.koivisto@demo.lahiturva.fi"; // Harju, Alppiharju
const MARJA = "marja-liisa.pulkkinen@demo.lahiturva.fi"; // Ylä-Malmi, Malmi

/** The consultation's rank selects, in page order. */
const rankSelects = (page: Page) => page.locator('select[name*="_o"]');

describe("the yearly priority-area consultation", () => {
  it(
    "is created, answered by three residents, closed, read by the mayor, cited by the decision and published",
    { timeout: 240_000 },
    async () => {
      // The coordinator creates it: open from now, results public after closing.
      const coordinator = await newPage(browser);
      const cp = coordinator.page;
      await signIn(cp, DEMO.coordinator);
      await cp.goto("/consultations");
      await expectHeading(cp, "Asukaskyselyt");
      await expectAccessible(cp);
      await cp.getByRole("link", { name: "Luo uusi kysely" }).click();
      await expectHeading(cp, "Uusi asukaskysely");
      await cp.waitForLoadState("networkidle");
      await expectAccessible(cp);
      await cp.getByLabel("Otsikko suomeksi").fill(TITLE);
      await cp.getByLabel("Kuvaus suomeksi").fill("Mitkä painopistealueet ovat sinulle tärkeimpiä ensi vuonna?");
      await cp.getByRole("button", { name: "Luo kysely" }).click();
      await cp.waitForURL(/\/consultations\/\d+\/edit$/);
      await expectHeading(cp, /Kyselyn muokkaus/);
      await cp.waitForLoadState("networkidle");
      await expectAccessible(cp);
      const consultationPath = new URL(cp.url()).pathname.replace(/\/edit$/, "");

      // A ranking question: three of the plan's priority areas and one new theme, ranks 1..3.
      const candidates = cp.getByRole("group", { name: "Suunnitelman painopistealueet ehdokkaina" }).getByRole("checkbox");
      for (const i of [0, 1, 2]) await candidates.nth(i).check();
      await cp.locator("form#add-question").getByLabel("Kysymys suomeksi").fill("Järjestä tärkeimmät painopistealueet");
      await cp.getByLabel(/Enintään valittavia/).fill("3");
      await cp.getByLabel(/Vaihtoehdot tai uudet ehdotetut teemat suomeksi/).fill("Sähköpotkulaudat");
      await cp.getByRole("button", { name: "Lisää kysymys" }).click();
      await cp.getByText("Järjestä tärkeimmät painopistealueet").first().waitFor();
      // A free-text question.
      const addForm = cp.locator("form#add-question");
      await addForm.getByLabel("Kysymystyyppi").selectOption("text");
      await addForm.getByLabel("Kysymys suomeksi").fill("Mitä muuta haluat sanoa?");
      await addForm.getByLabel("Vastaus vaaditaan").uncheck();
      await cp.getByRole("button", { name: "Lisää kysymys" }).click();
      await cp.getByText("Mitä muuta haluat sanoa?").first().waitFor();
      await cp.waitForLoadState("networkidle");
      await expectAccessible(cp);
      // The preview shows the questions to the coordinator.
      await cp.goto(consultationPath);
      await cp.getByRole("heading", { name: "Esikatselu" }).waitFor();
      await expectAccessible(cp);

      // Resident 1 (Kallio) answers with the keyboard only.
      const kallio = await newPage(browser);
      const kp = kallio.page;
      await signIn(kp, DEMO.resident);
      await kp.goto(consultationPath);
      await kp.getByRole("heading", { name: "Vastaa kyselyyn" }).waitFor();
      await kp.waitForLoadState("networkidle");
      await expectAccessible(kp);
      await kp.getByRole("link", { name: "Lue tietosuojaseloste" }).waitFor();
      for (let i = 0; i < 80; i++) {
        await kp.keyboard.press("Tab");
        if (await kp.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name?.includes("_o") ?? false)) break;
      }
      await kp.keyboard.type("1");
      await kp.keyboard.press("Tab");
      await kp.keyboard.type("2");
      await kp.keyboard.press("Tab");
      await kp.keyboard.type("3");
      await kp.keyboard.press("Tab"); // the new theme: no rank
      await kp.keyboard.press("Tab");
      await kp.keyboard.type("Linjojen sisäpihat ovat iltaisin pimeitä.");
      await kp.keyboard.press("Tab");
      await kp.keyboard.press("Enter");
      await kp.getByText("Kiitos! Vastauksesi on tallennettu.").waitFor();
      await expect(rankSelects(kp).nth(0).inputValue()).resolves.toBe("1");
      await expectAccessible(kp);

      // Resident 2 (Alppiharju) answers without JavaScript; a duplicate rank is refused at the field.
      // (axe needs scripts: the same page and its error states are checked in the other contexts.)
      const noScript = await newPage(browser, { javaScriptEnabled: false });
      const np = noScript.page;
      await signIn(np, SOFIA);
      await np.goto(`${consultationPath}?lng=fi`);
      await rankSelects(np).nth(0).selectOption("1");
      await rankSelects(np).nth(1).selectOption("1");
      await np.locator("textarea").fill("Harjun puistoon valoja.");
      await np
        .locator("form", { has: rankSelects(np).first() })
        .getByRole("button")
        .click();
      await np.getByText("Sija 1 on jo annettu toiselle vaihtoehdolle.").waitFor();
      // What was typed is kept.
      await expect(rankSelects(np).nth(0).inputValue()).resolves.toBe("1");
      await expect(np.locator("textarea").inputValue()).resolves.toBe("Harjun puistoon valoja.");
      await rankSelects(np).nth(1).selectOption("2");
      await np
        .locator("form", { has: rankSelects(np).first() })
        .getByRole("button")
        .click();
      await np.getByText(/Kiitos! Vastauksesi on tallennettu\.|Thank you! Your answer has been saved\./).waitFor();

      // Resident 3 (Malmi) answers, then opens the form again to change the answer.
      const malmi = await newPage(browser);
      const mp = malmi.page;
      await signIn(mp, MARJA);
      await mp.goto(consultationPath);
      await rankSelects(mp).nth(2).selectOption("1");
      await mp.getByRole("button", { name: "Lähetä vastaus" }).click();
      await mp.getByText("Kiitos! Vastauksesi on tallennettu.").waitFor();
      await mp.getByLabel(/Mitä muuta haluat sanoa/).fill("Malmin asemalle lisää valoa.");

      // The coordinator closes the consultation meanwhile.
      await cp.goto(`${consultationPath}/edit`);
      await cp.getByRole("button", { name: "Sulje kysely nyt" }).click();
      await cp.waitForURL((url) => url.pathname === consultationPath);
      await cp.getByRole("heading", { name: "Mitä päätettiin" }).waitFor();

      // Resident 3's change arrives after closing: refused with the reason, the typing kept.
      await mp.getByRole("button", { name: "Tallenna muutettu vastaus" }).click();
      await mp.getByText(/Kysely päättyi .*, joten vastaustasi ei tallennettu/).waitFor();
      await expect(mp.getByLabel(/Mitä muuta haluat sanoa/).inputValue()).resolves.toBe("Malmin asemalle lisää valoa.");
      await expectAccessible(mp);

      // The mayor reads the breakdown: three answers, by major district and district, no names.
      const mayor = await newPage(browser);
      const yp = mayor.page;
      await signIn(yp, DEMO.mayor);
      await yp.goto(`${consultationPath}/results`);
      await expectHeading(yp, "Tulokset");
      await yp.waitForLoadState("networkidle");
      await expectAccessible(yp);
      await yp.getByText("Vastauksia: 3").waitFor();
      const byDistrict = yp.locator("table", { has: yp.locator("caption", { hasText: "Vastaukset peruspiireittäin" }) });
      for (const district of ["Kallio", "Alppiharju", "Malmi"])
        await expect(byDistrict.locator("tr", { hasText: district }).locator("td").nth(1).textContent()).resolves.toBe("1");
      for (const name of ["Eveliina", "Sofia", "Marja-Liisa"]) await expect(yp.getByText(name).count()).resolves.toBe(0);

      // The coordinator starts a status review and sends it; the mayor records the priority-area decision citing the consultation.
      await cp.goto("/reviews");
      await cp.getByLabel("Otsikko suomeksi").fill(`Kyselykatsaus ${stamp}`);
      await cp.getByRole("button", { name: "Aloita katsaus" }).click();
      await cp.waitForURL(/\/reviews\/\d+$/);
      const reviewPath = new URL(cp.url()).pathname;
      await cp.getByRole("heading", { name: "Katsauskaudella päättyneet asukaskyselyt" }).waitFor();
      await cp.getByRole("button", { name: "Lähetä johtoryhmälle" }).click();
      await cp.getByText("Katsaus lähetetty johtoryhmälle ja lukittu.").waitFor();

      await yp.goto(reviewPath);
      await yp.getByRole("heading", { name: "Kirjaa päätös" }).waitFor();
      const areas = yp.getByRole("group", { name: "Painopistealueet, jotka ovat voimassa kyseisenä vuonna" }).getByRole("checkbox");
      await areas.nth(0).check();
      await areas.nth(1).check();
      await yp.locator('form#decision textarea[name="text"]').fill(`Painopistealueet valittiin asukaskyselyn perusteella ${stamp}.`);
      await yp.getByLabel("Päätös perustuu asukaskyselyyn").selectOption({ label: TITLE });
      await yp.getByRole("button", { name: "Tallenna päätös" }).click();
      await yp.getByRole("link", { name: `Perustuu kyselyyn: ${TITLE}` }).waitFor();
      await expectAccessible(yp);

      // Anyone reads the results and what was decided.
      const visitor = await newPage(browser);
      const vp = visitor.page;
      await vp.goto(consultationPath);
      await expectHeading(vp, TITLE);
      await vp.getByText(`Painopistealueet valittiin asukaskyselyn perusteella ${stamp}.`).waitFor();
      await expectAccessible(vp);
      await vp.getByRole("link", { name: "Katso tulokset" }).click();
      await expectHeading(vp, "Tulokset");
      await vp.getByText("Vastauksia: 3").waitFor();
      // The public breakdown counts areas with fewer than five answers together: one answer per
      // district could be told apart by a neighbour. The mayor saw each district's 1 above.
      const publicByDistrict = vp.locator("table", { has: vp.locator("caption", { hasText: "Vastaukset peruspiireittäin" }) });
      await expect(
        publicByDistrict.locator("tr", { hasText: "Muut alueet (kukin alle 5 vastausta)" }).locator("td").nth(1).textContent(),
      ).resolves.toBe("3");
      for (const district of ["Kallio", "Alppiharju", "Malmi"])
        await expect(publicByDistrict.locator("tr", { hasText: district }).count()).resolves.toBe(0);
      await vp.getByText("Alueet, joilta on alle 5 vastausta, on laskettu yhteen").waitFor();
      await vp.waitForLoadState("networkidle");
      await expectAccessible(vp);

      for (const p of [coordinator, kallio, noScript, malmi, mayor, visitor]) {
        expect(p.errors).toEqual([]);
        await p.context.close();
      }
    },
  );
});

describe("the demo's closed consultation in Swedish and English", () => {
  for (const [lng, results, decided] of [
    ["sv", "Resultat", "Vad som beslutades"],
    ["en", "Results", "What was decided"],
  ] as const) {
    it(`shows its results and the decision to anyone (${lng})`, async () => {
      const { context, page, errors } = await newPage(browser, { locale: lng === "sv" ? "sv-FI" : "en-GB" });
      await page.goto(`/consultations?lng=${lng}`);
      await page.getByRole("link", { name: lng === "sv" ? "Fokusområden: invånarnas syn" : "Priority areas: the residents' view" }).click();
      await page.getByRole("heading", { name: decided }).waitFor();
      await page.waitForLoadState("networkidle");
      await expectAccessible(page);
      await page.goto(`${new URL(page.url()).pathname}/results`);
      await expectHeading(page, results);
      await page.waitForLoadState("networkidle");
      await expectAccessible(page);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
