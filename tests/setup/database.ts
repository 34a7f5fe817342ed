// Runs before every unit/integration test file: a temp data directory and database of its own,
// migrated by the real migrations when the app first opens it, and the clock set to TEST_NOW.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installGlobals } from "@remix-run/node";
import { clock } from "../../app/server/platform/clock";
import { TEST_NOW } from "./test-now";

installGlobals();
// One "now" for the seed, the domain and the tests (see test-now.ts).
clock.set(TEST_NOW);
const dir = mkdtempSync(join(tmpdir(), "lahiturva-test-"));
process.env.NODE_ENV = "test";
process.env.DATA_DIR = dir;
process.env.DATABASE_PATH = join(dir, "test.sqlite");
process.env.APP_SECRET = "test-secret-that-is-long-enough-for-hmac-0123456789";
