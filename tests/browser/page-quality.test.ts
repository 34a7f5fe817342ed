// Every page says which page it is in its <title>, in the reader's language (WCAG 2.4.2): never
// the bare service name, never a Finnish title on an English page. And the pages stay accessible
// with their menus open (axe checks what is in the DOM, so a closed menu hides its faults).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, expectAccessible, launchBrowser, newPage, signIn } from "./helpers";

describe("menus open", () => {
  let browser: Browser;
  beforeAll(async () => {
    ({ browser } = await launchBrowser());
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the user menu and the phone navigation pass axe while open", async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, DEMO.mayor);
    await page.getByTestId("user-menu").click();
    await page.getByRole("menu").waitFor();
    await expect(page.getByRole("menuitem").count()).resolves.toBe(3);
    await expectAccessible(page);
    await page.keyboard.press("Escape");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "Näytä tai piilota valikko" }).click();
    await page.getByRole("navigation").getByRole("link").first().waitFor();
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
