// The police expert completes a measure whose task is still open and overdue: the follow-up form
// asks first, lists the open tasks, and saves once confirmed. On a phone and a desktop, in Finnish
// and Swedish, with axe on every page.
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO, expectAccessible, expectHeading, launchBrowser, newPage, signIn } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => {
  await browser?.close();
});

/** An active measure the expert may report on, with an open task past its due date. */
function measureWithOverdueTask(): { id: number; code: string; task: string } {
  const database = new Database(join(inject("dataDir"), "lahiturva.sqlite"), { readonly: true, fileMustExist: true });
  try {
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Helsinki" }).format(new Date());
    const row = database
      .prepare(
        `select m.id, m.code, t.title as task from measures m
           join measure_tasks t on t.measure_id = m.id
           join users u on u.email = ?
          where t.state = 'open' and t.due_date < ?
            and m.status in ('approved', 'in_progress', 'delayed')
            and (m.responsible_user_id = u.id or m.owner_organisation_id in
                  (select organisation_id from memberships where user_id = u.id and left_at is null))
          order by m.id, t.position limit 1`,
      )
      .get(DEMO.expert, today) as { id: number; code: string; task: string } | undefined;
    if (!row) throw new Error("the demo city has no measure of the expert with an overdue open task");
    return row;
  } finally {
    database.close();
  }
}

const words = {
  fi: {
    home: "Asiantuntijaryhmä",
    mine: "Omat toimenpiteet",
    reportOn: (code: string) => `Raportoi toimenpiteestä ${code}`,
    reportTitle: (code: string) => `Seurantaraportti: toimenpide ${code}`,
    overdue: "myöhässä",
    status: "Tila",
    completed: "Valmis",
    done: "Mitä on tehty",
    save: "Tallenna raportti",
    question: "Merkitäänkö toimenpide valmiiksi?",
    confirm: "Vahvistan, että toimenpide on valmis",
    required: "Vahvista valmiiksi merkitseminen tai valitse toinen tila.",
    saved: "Seurantaraportti tallennettu.",
  },
  sv: {
    home: "Expertgrupp",
    mine: "Mina åtgärder",
    reportOn: (code: string) => `Rapportera om åtgärd ${code}`,
    reportTitle: (code: string) => `Uppföljningsrapport: åtgärd ${code}`,
    overdue: "försenad",
    status: "Status",
    completed: "Klar",
    done: "Vad har gjorts",
    save: "Spara rapporten",
    question: "Ska åtgärden markeras som slutförd?",
    confirm: "Jag bekräftar att åtgärden är slutförd",
    required: "Bekräfta att åtgärden är slutförd eller välj en annan status.",
    saved: "Uppföljningsrapporten har sparats.",
  },
} as const;

const screens = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

/** The header's language switch: it reloads the page and remembers the choice as the person's language. */
async function chooseLanguage(page: Page, lang: "fi" | "sv") {
  await page.getByRole("button", { name: lang === "sv" ? "Svenska" : "Suomi" }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** Sets the measure back in progress, so the next journey finds its overdue task open again (housekeeping: by field names). */
async function reopen(page: Page, id: number) {
  await page.goto(`/measures/${id}/follow-up`);
  await page.locator('select[name="status"]').selectOption("in_progress");
  await page.locator('textarea[name="done"]').fill("Avattu uudelleen testin jälkeen.");
  await page.getByRole("button", { name: /^(Tallenna raportti|Spara rapporten|Save the report)$/ }).click();
  await page.waitForURL(/\?saved=followUp/);
}

describe.each([
  ["phone", "fi"],
  ["desktop", "sv"],
  ["phone", "sv"],
  ["desktop", "fi"],
] as const)("the police expert completes a measure with an overdue task (%s, %s)", (screen, lang) => {
  it("is asked about the open tasks, keeps what was typed, and saves once confirmed", async () => {
    const w = words[lang];
    const measure = measureWithOverdueTask();
    const { context, page, errors } = await newPage(browser, { locale: lang === "sv" ? "sv-FI" : "fi-FI" });
    await page.setViewportSize(screens[screen]);
    await signIn(page, DEMO.expert);
    // Signing in brings the person's own language (Finnish); the switch makes every page Swedish.
    if (lang === "sv") await chooseLanguage(page, "sv");
    await expectHeading(page, w.home);
    await page.getByRole("heading", { name: w.mine }).waitFor();
    await expectAccessible(page);

    await page
      .getByTestId(`my-measure-${measure.code}`)
      .getByRole("link", { name: w.reportOn(measure.code) })
      .click();
    await expectHeading(page, w.reportTitle(measure.code));
    // The overdue task is marked in words in its label, not by colour alone.
    const taskSelect = page.getByLabel(new RegExp(`^${measure.task}.*– ${w.overdue}$`));
    await expect(taskSelect.count()).resolves.toBe(1);
    await expectAccessible(page);

    const text = `Poliisin osuus tehty (${screen}, ${lang}).`;
    await page.getByLabel(w.status, { exact: true }).selectOption({ label: w.completed });
    await page.getByLabel(w.done, { exact: false }).fill(text);
    await page.getByRole("button", { name: w.save }).click();

    // Nothing saved yet: the question lists the open task, and focus moves to it.
    await page.getByRole("heading", { level: 2, name: w.question }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(w.question);
    await expect(page.getByRole("listitem").filter({ hasText: measure.task }).textContent()).resolves.toContain(w.overdue);
    expect(await page.getByLabel(w.done, { exact: false }).inputValue()).toBe(text);
    expect(await page.getByLabel(w.status, { exact: true }).inputValue()).toBe("completed");
    await expectAccessible(page);

    // Sending again without the tick is refused with a field error on the checkbox.
    await page.getByRole("button", { name: w.save }).click();
    await page.getByText(w.required).waitFor();
    await expectAccessible(page);

    await page.getByLabel(w.confirm, { exact: false }).check();
    await page.getByRole("button", { name: w.save }).click();
    await page.waitForURL(new RegExp(`/measures/${measure.id}\\?saved=followUp`));
    await expect(page.getByRole("status").textContent()).resolves.toContain(w.saved);
    await expect(page.getByText(text).count()).resolves.toBe(1);
    await expectAccessible(page);

    await reopen(page, measure.id);
    if (lang === "sv") await chooseLanguage(page, "fi");
    expect(errors).toEqual([]);
    await context.close();
  });
});
