// Map observations in a real browser, with no tile server anywhere: the demo resident reports a
// place by clicking the map; a second resident reports keyboard-only without the map (area and
// address); the Kallio network approves the first and refuses the second with a reason; the expert
// links the first to a city measure with a public reply; the residents read the reply and the
// reason; and an anonymous visitor finds the approved one on the public map and list, its place
// coarsened. Every page is checked with axe, and no request leaves the app's own origin.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, DEMO, expectAccessible, expectHeading, launchBrowser, newPage, registerResident, signIn } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  ({ browser } = await launchBrowser());
});
afterAll(async () => {
  await browser?.close();
});

const stamp = Date.now().toString(36);
const MAP_TEXT = `Karhupuiston polun lamput rikki ${stamp}`;
const KEYBOARD_TEXT = `Porttikongissa pimeää ${stamp}`;
const REPLY = `Lamput vaihdetaan osana valaistustoimenpidettä ${stamp}`;
const REASON = `Kuvauksessa nimetään yksityishenkilö ${stamp}`;

/** Every request a page makes; the test fails if any goes elsewhere than the app itself. */
function watchOrigins(page: Page, seen: Set<string>) {
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith("http")) seen.add(url.origin);
  });
}

/** "Paikka noin 50 metrin tarkkuudella: 60.18, 24.95" → the two numbers. */
const pointIn = (text: string) => {
  const [lat, lng] = (text.match(/-?\d+\.\d+/g) ?? []).map(Number);
  return { lat: lat!, lng: lng! };
};
const metres = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
  const dLat = (b.lat - a.lat) * 111_320;
  const dLng = (b.lng - a.lng) * 111_320 * Math.cos((a.lat * Math.PI) / 180);
  return Math.hypot(dLat, dLng);
};

describe("map observations", () => {
  it("are reported on and off the map, checked by the network, handled by the expert and published coarsened", async () => {
    const origins = new Set<string>();

    // 1. The demo resident picks the place by clicking the map.
    const resident = await newPage(browser);
    watchOrigins(resident.page, origins);
    await signIn(resident.page, DEMO.resident);
    await resident.page.goto("/observations/new");
    await expectHeading(resident.page, "Tee turvallisuushavainto");
    await resident.page.getByText("Havainnot tarkistetaan ennen julkaisua").waitFor();
    const map = resident.page.locator(".leaflet-container");
    await map.waitFor();
    await resident.page.waitForLoadState("networkidle");
    await expectAccessible(resident.page);
    await map.click(); // the centre of the resident's home area, Linjat
    const picked = resident.page.getByTestId("picked-point");
    await expect.poll(() => picked.textContent()).toMatch(/Valittu paikka: 60\.\d+, 24\.\d+/);
    const exact = pointIn((await picked.textContent())!);
    await resident.page.getByRole("radio", { name: "Huono valaistus" }).check();
    await resident.page.getByLabel("Mihin aikaan").selectOption("evening");
    await resident.page.getByLabel(/^Kuvaus/).fill(MAP_TEXT);
    await resident.page.getByRole("button", { name: "Lähetä havainto tarkistettavaksi" }).click();
    await resident.page.waitForURL(/\/observations\/\d+\?done=reported/);
    await resident.page.getByText("Kiitos! Havainto on lähetetty tarkistettavaksi.").waitFor();
    await expectAccessible(resident.page);
    const mapObservation = new URL(resident.page.url()).pathname;
    expect(await resident.page.getByTestId("observation-place").textContent()).toContain("Tarkka paikka");

    // 2. A new resident reports keyboard-only, without the map: the area and an address.
    const neighbour = await newPage(browser);
    watchOrigins(neighbour.page, origins);
    await registerResident(neighbour.page, "Leo Laaksonen", `leo.${stamp}@example.fi`);
    await neighbour.page.goto("/observations/new");
    await expectHeading(neighbour.page, "Tee turvallisuushavainto");
    await neighbour.page.waitForLoadState("networkidle");
    const keys = neighbour.page.keyboard;
    await neighbour.page.getByLabel("Alue", { exact: true }).focus();
    await keys.type("Linjat");
    expect(await neighbour.page.getByLabel("Alue", { exact: true }).inputValue()).not.toBe("");
    await keys.press("Tab");
    await keys.type("Fleminginkatu 20");
    await keys.press("Tab"); // the first category
    await keys.press("Space");
    await expect.poll(() => neighbour.page.getByRole("radio", { name: "Huono valaistus" }).isChecked()).toBe(true);
    await keys.press("Tab"); // time of day
    await keys.press("Tab"); // days
    await keys.press("Tab"); // description
    await keys.type(KEYBOARD_TEXT);
    await keys.press("Tab"); // photo
    await keys.press("Tab"); // send
    await keys.press("Enter");
    await neighbour.page.waitForURL(/\/observations\/\d+\?done=reported/);
    const keyboardObservation = new URL(neighbour.page.url()).pathname;
    await neighbour.page.getByText("odottaa tarkistusta", { exact: false }).first().waitFor();
    await expectAccessible(neighbour.page);

    // 3. The Kallio network approves the first and refuses the second with a reason.
    const network = await newPage(browser);
    watchOrigins(network.page, origins);
    await signIn(network.page, DEMO.network);
    await network.page.goto("/observations/manage?status=pending");
    await expectHeading(network.page, "Havaintojen käsittely");
    await expectAccessible(network.page);
    await network.page.getByRole("link", { name: MAP_TEXT }).waitFor();
    await network.page.getByRole("link", { name: KEYBOARD_TEXT }).click();
    await network.page.waitForURL(`**${keyboardObservation}`);
    await network.page.waitForLoadState("networkidle");
    await expectAccessible(network.page);
    await network.page.getByLabel("Hylkäämisen perustelu").fill(REASON);
    await network.page.getByRole("button", { name: "Hylkää" }).click();
    await network.page.getByText("Havainto on hylätty").waitFor();
    await network.page.goto(mapObservation);
    await network.page.waitForLoadState("networkidle");
    await expectAccessible(network.page);
    await network.page.getByRole("button", { name: "Hyväksy ja julkaise" }).click();
    await network.page.getByText("Havainto on hyväksytty ja julkaistu.").waitFor();

    // 4. The expert links it to a city measure with a public reply.
    const expert = await newPage(browser);
    watchOrigins(expert.page, origins);
    await signIn(expert.page, DEMO.expert);
    await expert.page.goto(mapObservation);
    await expert.page.waitForLoadState("networkidle");
    await expectAccessible(expert.page);
    await expert.page.getByLabel("Käsittelyn tila").selectOption("linked");
    const measure = expert.page.getByLabel("Kaupungin toimenpide");
    const firstMeasure = await measure.locator("option").nth(1).getAttribute("value");
    await measure.selectOption(firstMeasure!);
    await expert.page.getByLabel("Julkinen vastaus").fill(REPLY);
    await expert.page.getByRole("button", { name: "Tallenna käsittely" }).click();
    await expert.page.getByText("Käsittely on tallennettu").waitFor();
    await expectAccessible(expert.page);

    // 5. The residents read the reply and the reason.
    await resident.page.goto("/notifications");
    await resident.page.getByText("Karttahavaintosi on liitetty kaupungin toimenpiteeseen.").first().waitFor();
    await resident.page.goto(mapObservation);
    expect(await resident.page.getByTestId("public-reply").textContent()).toBe(REPLY);
    await resident.page.getByText("Liitetty toimenpiteeseen").first().waitFor();
    await expectAccessible(resident.page);
    await neighbour.page.goto(keyboardObservation);
    await neighbour.page.getByText(REASON).waitFor();
    await expectAccessible(neighbour.page);

    // 6. Anyone finds the approved one on the public map and list, coarsened; the refused one is not there.
    const visitor = await newPage(browser);
    watchOrigins(visitor.page, origins);
    await visitor.page.goto(`/observations?status=handled`);
    await expectHeading(visitor.page, "Turvallisuushavainnot kartalla");
    await visitor.page.locator(".leaflet-container .obs-marker").first().waitFor();
    await visitor.page.waitForLoadState("networkidle");
    await expectAccessible(visitor.page);
    await visitor.page.getByRole("link", { name: MAP_TEXT }).waitFor();
    expect(await visitor.page.getByRole("link", { name: KEYBOARD_TEXT }).count()).toBe(0);
    await visitor.page.getByRole("link", { name: MAP_TEXT }).click();
    await visitor.page.waitForURL(`**${mapObservation}`);
    await visitor.page.waitForLoadState("networkidle");
    await expectAccessible(visitor.page);
    const place = (await visitor.page.getByTestId("observation-place").textContent())!;
    expect(place).toContain("noin 50 metrin tarkkuudella");
    const coarse = pointIn(place);
    expect(coarse).not.toEqual(exact);
    expect(metres(exact, coarse)).toBeLessThan(40);
    expect(await visitor.page.getByText("Eveliina Mattila").count()).toBe(0);
    expect(await visitor.page.getByTestId("public-reply").textContent()).toBe(REPLY);
    const refused = await visitor.page.goto(keyboardObservation);
    expect(refused?.status()).toBe(404);

    expect([...origins]).toEqual([new URL(baseUrl()).origin]);
    for (const p of [resident, neighbour, network, expert, visitor]) expect(p.errors).toEqual([]);
    // Five people and a dozen pages each checked with axe: longer than one page's default.
  }, 240_000);
});
