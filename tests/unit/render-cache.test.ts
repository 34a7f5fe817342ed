import { beforeEach, describe, expect, it } from "vitest";
import { cachedPage, clearRenderCache, NONCE_PLACEHOLDER, rememberPage, renderCacheStats, renderKey } from "~/server/render-cache.server";

const inputs = { url: "/steering", language: "fi", buildVersion: "b1", minute: 1, loaderData: { root: { viewer: { id: "u1" } }, "routes/steering": { late: 3 } } };

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

  it("puts the response's own nonce in place of the placeholder", () => {
    rememberPage("k", `<script nonce="${NONCE_PLACEHOLDER}"></script><style nonce="${NONCE_PLACEHOLDER}"></style>`);
    expect(cachedPage("k", "abc")).toBe(`<script nonce="abc"></script><style nonce="abc"></style>`);
    expect(cachedPage("k", "xyz")).toBe(`<script nonce="xyz"></script><style nonce="xyz"></style>`);
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
    expect(stats.chars).toBeLessThanOrEqual(24 * 1024 * 1024);
    expect(cachedPage("p0", "n")).toBeDefined();
    expect(cachedPage("p1", "n")).toBeUndefined();
    expect(cachedPage("p29", "n")).toBeDefined();
  });
});
