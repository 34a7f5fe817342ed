// `npm start`, the browser tests' server and the benchmark's server are one process: the same
// Node flags and the same allocator setting (tests/setup/server-process.ts says why each is there).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVER_ARGS, SERVER_ENV } from "../setup/server-process";

describe("the server process", () => {
  it("is started by npm start exactly as the tests and the benchmark start it", () => {
    const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts.start!;
    const words = start.split(/\s+/);
    const node = words.indexOf("node");
    expect(node).toBeGreaterThan(0);
    expect(words.slice(node + 1)).toEqual(SERVER_ARGS);
    const env = Object.fromEntries(words.slice(0, node).map((w) => w.split("=") as [string, string]));
    expect(env).toEqual({ NODE_ENV: "production", ...SERVER_ENV });
  });

  it("is the one the README's systemd unit runs", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain(`ExecStart=/usr/bin/node ${SERVER_ARGS.join(" ")}`);
    for (const [name, value] of Object.entries(SERVER_ENV))
      expect(readme).toMatch(new RegExp(`^Environment=.*\\b${name}=${value}\\b`, "m"));
  });
});
