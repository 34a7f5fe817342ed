// Issue 13's rule, checked on every run: a route defines no zod schema and calls no cache.
// Schemas (forms and URL parameters alike) live in app/forms/<area>.ts, shared shapes of URL
// parameters in app/forms/params.ts; cached reads live in the domain module the data comes from
// (app/server/<domain>/…), so a route only calls the domain function.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES = "app/routes";

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? routeFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Building a schema with zod (z.object, z.coerce, z.discriminatedUnion …); the types z.infer, z.input and z.output are fine. */
const SCHEMA = /\bz\.(?!infer\b|input\b|output\b)[A-Za-z]+/;
/** Importing z itself as a value (from zod or ~/forms/z): a route has nothing to build with it. */
const Z_IMPORT = /^\s*import\s+(?!type\b)(?:\{[^}]*\bz\b[^}]*\}|\*\s+as\s+z)\s+from\s+["'](?:zod|~\/forms\/z|[./]+forms\/z)["']/m;
/** The caches: the read cache, the page cache and the render cache (any import path). */
const CACHE_IMPORT = /from\s+["'][^"']*\/(?:read-cache|page-cache|render-cache)(?:\.server)?["']/;
const CACHE_CALL = /\b(?:cachedRead|cachedPage|cachedAnswer|rememberPage|rememberAnswer|lookUpPage)\s*\(/;

/** Every line of `text` that matches `pattern`, as "file:line: text". */
function offending(file: string, text: string, patterns: RegExp[]): string[] {
  return text.split("\n").flatMap((line, i) => (patterns.some((p) => p.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

const files = routeFiles(ROUTES).map((file) => ({ file, text: readFileSync(file, "utf8") }));

describe("routes contract (issue 13)", () => {
  it("finds the routes", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it("no route defines a zod schema: schemas live in app/forms/<area>.ts", () => {
    const found = files.flatMap(({ file, text }) => [
      ...offending(file, text, [SCHEMA]),
      ...(Z_IMPORT.test(text) ? [`${file}: imports z`] : []),
    ]);
    expect(found).toEqual([]);
  });

  it("no route calls a cache: the domain module returns the cached value", () => {
    const found = files.flatMap(({ file, text }) => offending(file, text, [CACHE_IMPORT, CACHE_CALL]));
    expect(found).toEqual([]);
  });

  it("the patterns catch what they are meant to (so the checks above are not empty by accident)", () => {
    for (const line of [
      "const Query = z.object({ page: z.coerce.number() });",
      "const removed = z.string().trim().safeParse(value);",
      'const Action = z.discriminatedUnion("intent", []);',
      'const Format = z.enum(["csv", "xlsx"]);',
    ])
      expect(SCHEMA.test(line), line).toBe(true);
    expect(SCHEMA.test("type Form = z.infer<typeof MeasureFormSchema>;")).toBe(false);
    expect(SCHEMA.test("const parsed = MeasureFormSchema.safeParse(Object.fromEntries(form));")).toBe(false);
    expect(Z_IMPORT.test('import { z } from "zod";')).toBe(true);
    expect(Z_IMPORT.test('import { errorKey, z } from "~/forms/z";')).toBe(true);
    expect(Z_IMPORT.test('import { errorKey } from "~/forms/z";')).toBe(false);
    expect(Z_IMPORT.test('import type { z } from "zod";')).toBe(false);
    expect(CACHE_IMPORT.test('import { cachedRead } from "~/server/platform/read-cache.server";')).toBe(true);
    expect(CACHE_IMPORT.test('import { lookUpPage } from "../server/platform/page-cache.server";')).toBe(true);
    expect(CACHE_IMPORT.test('import { renderKey } from "~/server/platform/render-cache.server";')).toBe(true);
    expect(CACHE_CALL.test("const summary = cachedRead(`summary:${id}`, () => compute());")).toBe(true);
    expect(CACHE_CALL.test("const summary = cachedSteeringSummary(plan.id, filters);")).toBe(false);
  });
});
