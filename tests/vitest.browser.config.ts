import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

// Browser tests: one production server (built app, seeded demo city) for the whole run,
// driven by Debian's Chromium through playwright-core. Files run one after another (2 cores).
export default defineConfig({
  root,
  resolve: { alias: { "~": `${root}app` } },
  test: {
    include: ["tests/browser/**/*.test.ts"],
    globalSetup: ["tests/setup/server.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
