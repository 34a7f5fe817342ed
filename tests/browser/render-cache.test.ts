// The rendered-page memo and the page cache (app/server/platform/render-cache.server.ts, page-cache.server.ts)
// against the real production server: a reused page must still carry this response's own CSP
// nonce, new data must show at once, and a remembered answer never outlives the session it was for.
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { baseUrl, DEMO } from "./helpers";
import { get, signInOverHttp, type Session } from "./http-client";

const openDatabase = () => new Database(join(inject("dataDir"), "lahiturva.sqlite"), { readonly: true });

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

  it("answers a repeated view gzipped for clients that accept it, and plain for those that do not", async () => {
    const view = (encoding: string) =>
      fetch(`${baseUrl()}/steering`, { headers: { Cookie: coordinator.cookie, "Accept-Encoding": encoding } });
    const plain = await view("identity");
    const plainHtml = await plain.text();
    expect(plain.headers.get("content-encoding")).toBeNull();
    for (let i = 0; i < 2; i++) {
      const zipped = await view("gzip");
      expect(zipped.status).toBe(200);
      expect(zipped.headers.get("content-encoding")).toBe("gzip");
      expect(zipped.headers.get("vary")).toMatch(/Accept-Encoding/i);
      // fetch has unzipped it: the same page as the plain answer apart from the nonce.
      const html = await zipped.text();
      expect(html.split(cspNonce(zipped)).join("NONCE")).toBe(plainHtml.split(cspNonce(plain)).join("NONCE"));
    }
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
      body: new URLSearchParams({
        version: version!,
        status: "in_progress",
        progress: "55",
        done: marker,
        next: "",
        obstacles: "",
        publicText: "",
      }),
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

  it("never answers from memory for a session that has ended", async () => {
    const mayor = await signInOverHttp(DEMO.mayor);
    for (let i = 0; i < 2; i++) expect((await get("/steering", mayor)).status).toBe(200);
    const out = await fetch(`${baseUrl()}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: mayor.cookie, Origin: baseUrl() },
    });
    expect(out.status).toBe(302);
    const after = await get("/steering", mayor);
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/login/);
  });

  it("answers in the language the request asks for, on the same URL", async () => {
    const finnish = await (await get("/", coordinator)).text();
    const swedish = await (
      await get("/", {
        cookie: `${coordinator.cookie.replace(/lng=[^;]*;?\s*/, "")}; lng=${encodeURIComponent(Buffer.from('"sv"').toString("base64"))}`,
      })
    ).text();
    expect(/<html[^>]*lang="fi"/.test(finnish)).toBe(true);
    expect(/<html[^>]*lang="sv"/.test(swedish)).toBe(true);
  });

  it("runs a loader that writes every time: each view of a document is in the access log", async () => {
    const sqlite = openDatabase();
    // Views of public documents are not logged: take a confidential one and a member who may read it.
    const doc = sqlite
      .prepare(
        `select d.id, d.group_id as groupId, u.email from documents d
         join memberships m on m.group_id = d.group_id join users u on u.id = m.user_id
         where d.publicity <> 'public' and m.left_at is null and u.disabled_at is null limit 1`,
      )
      .get() as { id: number; groupId: number; email: string };
    const member = await signInOverHttp(doc.email);
    const views = () =>
      (
        sqlite.prepare("select count(*) as n from document_access_log where document_id = ? and action = 'view'").get(doc.id) as {
          n: number;
        }
      ).n;
    const before = views();
    for (let i = 0; i < 3; i++) expect((await get(`/workspaces/${doc.groupId}/documents/${doc.id}`, member)).status).toBe(200);
    expect(views()).toBe(before + 3);
    sqlite.close();
  });
});
