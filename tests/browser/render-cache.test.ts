// The rendered-page memo (app/server/render-cache.server.ts) against the real production server:
// a reused render must still carry this response's own CSP nonce, and new data must show at once.
import { beforeAll, describe, expect, it } from "vitest";
import { baseUrl, DEMO } from "./helpers";
import { get, signInOverHttp, type Session } from "./http-client";

function cspNonce(res: Response): string {
  const csp = res.headers.get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  if (!nonce) throw new Error("no nonce in the CSP header");
  return nonce;
}

function nonceAttributes(html: string): string[] {
  return [...html.matchAll(/nonce="([^"]*)"/g)].map((m) => m[1]);
}

describe("rendered-page memo", () => {
  let coordinator: Session;
  beforeAll(async () => {
    coordinator = await signInOverHttp(DEMO.coordinator);
  });

  it("gives every response its own nonce, in the header and in every script of the page", async () => {
    const pages: { nonce: string; html: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await get("/steering", coordinator);
      expect(res.status).toBe(200);
      pages.push({ nonce: cspNonce(res), html: await res.text() });
    }
    expect(new Set(pages.map((p) => p.nonce)).size).toBe(3);
    for (const page of pages) {
      const attributes = nonceAttributes(page.html);
      expect(attributes.length).toBeGreaterThan(2);
      expect(new Set(attributes)).toEqual(new Set([page.nonce]));
    }
    // Apart from the nonce, the three answers are the same page.
    const [first, ...rest] = pages.map((p) => p.html.split(p.nonce).join("NONCE"));
    for (const other of rest) expect(other).toBe(first);
  });

  it("shows a follow-up saved between two views of the same page", async () => {
    const list = await (await get("/measures?status=in_progress", coordinator)).text();
    const measureId = /href="\/measures\/(\d+)"/.exec(list)?.[1];
    expect(measureId).toBeTruthy();
    const before = await (await get(`/measures/${measureId}`, coordinator)).text();
    const form = await (await get(`/measures/${measureId}/follow-up`, coordinator)).text();
    const version = /name="version" value="(\d+)"/.exec(form)?.[1];
    expect(version).toBeTruthy();
    const marker = `Välimuistitesti ${Date.now()}`;
    expect(before).not.toContain(marker);

    const post = await fetch(`${baseUrl()}/measures/${measureId}/follow-up`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: coordinator.cookie, Origin: baseUrl(), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ version: version!, status: "in_progress", progress: "55", done: marker, next: "", obstacles: "", publicText: "" }),
    });
    expect(post.status).toBe(302);

    const after = await (await get(`/measures/${measureId}`, coordinator)).text();
    expect(after).toContain(marker);
  });

  it("does not serve one person's page to another", async () => {
    const mayor = await signInOverHttp(DEMO.mayor);
    const asMayor = await (await get("/steering", mayor)).text();
    const asCoordinator = await (await get("/steering", coordinator)).text();
    expect(asMayor).toContain(DEMO.mayor);
    expect(asMayor).not.toContain(DEMO.coordinator);
    expect(asCoordinator).toContain(DEMO.coordinator);
  });
});
