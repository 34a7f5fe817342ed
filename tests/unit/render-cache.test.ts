import { beforeEach, describe, expect, it } from "vitest";
import {
  cachedAnswer,
  cachedPage,
  clearRenderCache,
  NONCE_PLACEHOLDER,
  rememberAnswer,
  rememberPage,
  renderCacheStats,
  renderKey,
  requestKey,
} from "~/server/platform/render-cache.server";

const inputs = {
  url: "/steering",
  language: "fi",
  buildVersion: "b1",
  minute: 1,
  loaderData: { root: { viewer: { id: "u1" } }, "routes/steering": { late: 3 } },
};
const request = {
  url: "/steering",
  host: "localhost",
  cookie: "lahiturva_session=abc",
  acceptLanguage: "fi",
  userId: "u1",
  buildVersion: "b1",
  databaseVersion: "10:2",
  minute: 1,
};
const text = (chunks: Buffer[] | undefined) => (chunks === undefined ? undefined : Buffer.concat(chunks).toString("utf8"));

describe("render cache", () => {
  beforeEach(() => clearRenderCache());

  it("keys on every input: URL, language, build, minute and each loader's data", () => {
    const base = renderKey(inputs);
    expect(renderKey({ ...inputs })).toBe(base);
    expect(renderKey({ ...inputs, url: "/steering?owner=2" })).not.toBe(base);
    expect(renderKey({ ...inputs, language: "sv" })).not.toBe(base);
    expect(renderKey({ ...inputs, buildVersion: "b2" })).not.toBe(base);
    expect(renderKey({ ...inputs, minute: 2 })).not.toBe(base);
    expect(renderKey({ ...inputs, loaderData: { ...inputs.loaderData, "routes/steering": { late: 4 } } })).not.toBe(base);
    expect(renderKey({ ...inputs, loaderData: { ...inputs.loaderData, root: { viewer: { id: "u2" } } } })).not.toBe(base);
  });

  it("puts the response's own nonce in place of the placeholder, keeping non-ASCII text intact", () => {
    rememberPage(
      "k",
      `<script nonce="${NONCE_PLACEHOLDER}"></script><p>Länsi-Helsinki – Östersundom</p><style nonce="${NONCE_PLACEHOLDER}"></style>`,
    );
    expect(text(cachedPage("k", "abc"))).toBe(
      `<script nonce="abc"></script><p>Länsi-Helsinki – Östersundom</p><style nonce="abc"></style>`,
    );
    expect(text(cachedPage("k", "xyz"))).toBe(
      `<script nonce="xyz"></script><p>Länsi-Helsinki – Östersundom</p><style nonce="xyz"></style>`,
    );
    expect(cachedPage("missing", "abc")).toBeUndefined();
    expect(renderCacheStats()).toMatchObject({ entries: 1, hits: 2, misses: 1 });
  });

  it("drops the least recently used pages when it is full", () => {
    const page = "x".repeat(1024 * 1024);
    for (let i = 0; i < 30; i++) {
      rememberPage(`p${i}`, page);
      if (i >= 1) cachedPage("p0", "n"); // p0 stays in use
    }
    const stats = renderCacheStats();
    expect(stats.bytes).toBeLessThanOrEqual(24 * 1024 * 1024);
    expect(cachedPage("p0", "n")).toBeDefined();
    expect(cachedPage("p1", "n")).toBeUndefined();
    expect(cachedPage("p29", "n")).toBeDefined();
  });
});

describe("answers to identical requests", () => {
  beforeEach(() => clearRenderCache());

  it("keys on everything a loader can read: URL, host, cookies, language header, person, build, database state, minute", () => {
    const base = requestKey(request);
    expect(requestKey({ ...request })).toBe(base);
    for (const changed of [
      { url: "/steering?area=2" },
      { host: "example.org" },
      { cookie: "lahiturva_session=abc; lng=sv" },
      { acceptLanguage: "sv" },
      { userId: "u2" },
      { userId: null },
      { buildVersion: "b2" },
      { databaseVersion: "11:2" },
      { databaseVersion: "10:3" },
      { minute: 2 },
    ]) {
      expect(requestKey({ ...request, ...changed }), JSON.stringify(changed)).not.toBe(base);
    }
  });

  it("answers a remembered request with the page it got, with this response's nonce", () => {
    rememberPage("page", `<script nonce="${NONCE_PLACEHOLDER}"></script>`);
    const key = requestKey(request);
    expect(cachedAnswer(key, "n1")).toBeUndefined();
    rememberAnswer(key, "page");
    expect(text(cachedAnswer(key, "n2"))).toBe(`<script nonce="n2"></script>`);
    expect(cachedAnswer(requestKey({ ...request, databaseVersion: "11:2" }), "n3")).toBeUndefined();
    expect(renderCacheStats()).toMatchObject({ answers: 1, answerHits: 1 });
  });

  it("gives the same answer gzipped, with this response's nonce, when asked", async () => {
    const { gunzipSync } = await import("node:zlib");
    rememberPage("page", `<p>Östersundom</p><script nonce="${NONCE_PLACEHOLDER}"></script>${"<p>rivi</p>".repeat(500)}`);
    const key = requestKey(request);
    rememberAnswer(key, "page");
    const zipped = cachedAnswer(key, "gz1", "gzip")!;
    expect(gunzipSync(Buffer.concat(zipped)).toString("utf8")).toBe(
      `<p>Östersundom</p><script nonce="gz1"></script>${"<p>rivi</p>".repeat(500)}`,
    );
    expect(Buffer.concat(zipped).length).toBeLessThan(500);
    expect(gunzipSync(Buffer.concat(cachedAnswer(key, "gz2", "gzip")!)).toString("utf8")).toContain(`nonce="gz2"`);
  });

  it("does not remember an answer whose page was not kept, and misses once the page is dropped", () => {
    const key = requestKey(request);
    rememberAnswer(key, "never-stored");
    expect(renderCacheStats().answers).toBe(0);
    const big = "y".repeat(1024 * 1024);
    rememberPage("first", big);
    rememberAnswer(key, "first");
    for (let i = 0; i < 30; i++) rememberPage(`other${i}`, big);
    expect(cachedAnswer(key, "n")).toBeUndefined();
  });
});
