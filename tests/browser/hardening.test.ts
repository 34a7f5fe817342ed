// Issue 14, "Found by the test": what an anonymous client must not be able to do to the server.
// Plain HTTP against the built server (no browser): oversized and endless bodies, concurrent
// sign-ins, malformed cookies and input. The server must answer each with a 4xx and stay up.
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { LOGIN_LIMITS } from "~/server/people/rate-limit.server";
import { FORM_BODY_LIMIT } from "~/server/platform/request-limits";
import { baseUrl, DEMO, DEMO_PASSWORD } from "./helpers";
import { signInOverHttp } from "./http-client";
import { routePaths, serverRss } from "./route-paths";

/** Declares `declared` bytes, then sends 1 MB chunks until the server answers (or hangs up). */
function postHuge(
  path: string,
  declared: number | "chunked",
  contentType = "application/x-www-form-urlencoded",
): Promise<{ status: number; sent: number }> {
  const url = new URL(path, baseUrl());
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "Content-Type": contentType, Origin: baseUrl(), "Sec-Fetch-Site": "same-origin" };
    if (declared !== "chunked") headers["Content-Length"] = String(declared);
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers });
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(1024 * 1024, "a");
    req.on("response", (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
    });
    // The server answers and hangs up while the body is still coming: the write may fail (EPIPE)
    // just before the answer is read. Give the answer a moment before calling it an error.
    req.on("error", (error) => setTimeout(() => (answered ? undefined : reject(error)), 500));
    const pump = () => {
      while (!answered && (declared === "chunked" ? sent < 64 * 1024 * 1024 : sent < declared)) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

async function alive() {
  const res = await fetch(baseUrl() + "/");
  expect(res.status).toBe(200);
}

describe("request bodies are bounded before they are read (finding 1)", () => {
  it("a 60 MB form post to /login is a 413 page, and the server stays up", async () => {
    const before = serverRss();
    const answer = await postHuge("/login", 60 * 1024 * 1024);
    expect(answer.status).toBe(413);
    // Answered long before the body could have been taken in.
    expect(answer.sent).toBeLessThan(60 * 1024 * 1024);
    await alive();
    expect(serverRss() - before).toBeLessThan(40 * 1024 * 1024);
  });

  it("two 30 MB posts in a row, and a multipart one to a page that takes no files: 413 each", async () => {
    expect((await postHuge("/login", 30 * 1024 * 1024)).status).toBe(413);
    expect((await postHuge("/login", 30 * 1024 * 1024)).status).toBe(413);
    expect((await postHuge("/register", 30 * 1024 * 1024, "multipart/form-data; boundary=x")).status).toBe(413);
    await alive();
  });

  it("a client still sending when refused reads its 413, not a reset: twenty in a row", async () => {
    // The server half-closes and drops what still arrives instead of resetting (lingering close).
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await postHuge("/login", 8 * 1024 * 1024)).status);
    expect(statuses).toEqual(Array(20).fill(413));
    await alive();
  });

  it("a body without a declared length is refused (411), not read to its end", async () => {
    expect((await postHuge("/login", "chunked")).status).toBe(411);
    await alive();
  });

  it("the refusal is the localised error page", async () => {
    const res = await fetch(baseUrl() + "/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl(), "Accept-Language": "en" },
      body: "a=" + "b".repeat(FORM_BODY_LIMIT),
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("The request is too large");
  });
});

/** A resident registered over HTTP, so a locked account disturbs no other test. */
async function registerOverHttp(email: string, password: string): Promise<void> {
  const sqlite = new Database(join(inject("dataDir"), "lahiturva.sqlite"), { readonly: true });
  const areaId = (sqlite.prepare("select id from areas where level = 'sub_area' limit 1").get() as { id: number }).id;
  sqlite.close();
  const res = await fetch(baseUrl() + "/register", {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl() },
    body: new URLSearchParams({
      name: "Rinnakkainen Testaaja",
      email,
      areaId: String(areaId),
      password,
      passwordConfirm: password,
      privacyAccepted: "on",
    }),
  });
  expect(res.status).toBe(302);
}

describe("the sign-in throttle under concurrency (finding 2)", () => {
  it("50 attempts at once from one address: 429s within the limit, and the right password among them does not sign in", async () => {
    const email = "rinnakkain@example.fi";
    const password = "oikea ja pitkä salasana";
    await registerOverHttp(email, password);
    const attempt = (pw: string) =>
      fetch(baseUrl() + "/login", {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl() },
        body: new URLSearchParams({ email, password: pw }),
      }).then((r) => r.status);
    const statuses = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(i === 49 ? password : `väärä-${i}`)));
    expect(statuses.filter((s) => s === 400)).toHaveLength(LOGIN_LIMITS.perAccount);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50 - LOGIN_LIMITS.perAccount);
    expect(statuses).not.toContain(302);
    // And afterwards, too: the account waits out its window.
    expect(await attempt(password)).toBe(429);
  });
});

describe("after sign-in only same-origin paths are followed (finding 3)", () => {
  for (const redirectTo of ["/\t/evil.example/phish", "/\n/evil", "/\\evil", "//evil", "/%2F%2Fevil/x"]) {
    it(`redirectTo=${JSON.stringify(redirectTo)} lands on this site, never a 500`, async () => {
      const res = await fetch(baseUrl() + "/login", {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl() },
        body: new URLSearchParams({ email: DEMO.mayor, password: DEMO_PASSWORD, redirectTo }),
      });
      expect(res.status).toBe(302);
      const location = res.headers.get("location")!;
      expect(new URL(location, baseUrl()).origin).toBe(baseUrl());
      expect(location).not.toMatch(/evil\.example|^\/\/|\\/);
    });
  }
});

describe("a malformed cookie breaks no page (finding 5)", () => {
  it("every page, anonymous and signed in, with foo=%FF, lng=%FF or a malformed session cookie: no 5xx", async () => {
    const paths = await routePaths();
    const staff = await signInOverHttp(DEMO.coordinator);
    const jars = ["foo=%FF; lng=%E0%A4%A", "lahiturva_session=%FF", `foo=%FF; ${staff.cookie}; lng=%C0`];
    const failures: string[] = [];
    for (const { path } of paths) {
      for (const cookie of jars) {
        const res = await fetch(baseUrl() + path, { redirect: "manual", headers: { Cookie: cookie } });
        await res.arrayBuffer();
        if (res.status >= 500) failures.push(`${res.status} ${path} [${cookie.replace(staff.cookie, "<session>")}]`);
      }
    }
    expect(failures).toEqual([]);
    // The session still counts beside the broken cookie.
    expect((await fetch(baseUrl() + "/admin", { redirect: "manual", headers: { Cookie: `foo=%FF; ${staff.cookie}` } })).status).toBe(200);
  });
});

describe("smaller findings (finding 9)", () => {
  const post = (headers: Record<string, string>) =>
    fetch(baseUrl() + "/login", {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ email: DEMO.mayor, password: DEMO_PASSWORD }),
    });

  it("a POST with neither Origin nor Sec-Fetch-Site, or with Sec-Fetch-Site: none, is refused (403)", async () => {
    expect((await post({})).status).toBe(403);
    expect((await post({ "Sec-Fetch-Site": "none" })).status).toBe(403);
    expect((await post({ "Sec-Fetch-Site": "cross-site", Origin: baseUrl() })).status).toBe(403);
    // What browsers send from our own pages still works.
    expect((await post({ "Sec-Fetch-Site": "same-origin", Origin: baseUrl() })).status).toBe(302);
    expect((await post({ Origin: baseUrl() })).status).toBe(302);
  });

  it("the session cookie lives as long as the absolute session limit (168 h), not 400 days", async () => {
    const res = await post({ Origin: baseUrl() });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("lahiturva_session="))!;
    expect(cookie).toMatch(/Max-Age=604800(;|$)/);
    expect(cookie).not.toMatch(/Expires=/i);
  });
});
