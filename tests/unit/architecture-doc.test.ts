// docs/architecture.md is the map of the code "file for file": every source file under app/ and db/
// has its row, and every row names a file that exists. A new module without its line in the map, or
// a map left behind by a move, fails here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = process.cwd();
const SOURCE = /\.(ts|tsx|css)$/;
const SKIP = new Set(["db/data", "node_modules"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.has(path)) return [];
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

/** The files the map lists: a "#### `dir/`" heading, then table rows whose first cell is `file`. */
function mappedFiles(markdown: string): string[] {
  const found: string[] = [];
  let dir: string | null = null;
  for (const line of markdown.split("\n")) {
    const heading = /^#### `([^`]+)\/`/.exec(line);
    if (heading) dir = heading[1];
    const row = /^\| `([^`]+)` \|/.exec(line);
    if (row && dir) found.push(`${dir}/${row[1]}`);
  }
  return found;
}

describe("docs/architecture.md", () => {
  const map = mappedFiles(readFileSync(join(root, "docs", "architecture.md"), "utf8"));
  const files = [...sourceFiles("app"), ...sourceFiles("db")].map((f) => relative(root, join(root, f)));

  it("lists every source file under app/ and db/", () => {
    expect(files.filter((f) => !map.includes(f))).toEqual([]);
  });

  it("lists no file that does not exist, and none twice", () => {
    expect(map.filter((f) => !files.includes(f))).toEqual([]);
    expect(map.filter((f, i) => map.indexOf(f) !== i)).toEqual([]);
  });
});
