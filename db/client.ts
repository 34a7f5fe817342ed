// Opening the SQLite database: one connection per process, WAL, foreign keys, busy timeout,
// and the drizzle-kit migrations in drizzle/ applied before anything else touches it.
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { clock } from "../app/server/platform/clock";
import { trackTables } from "../app/server/platform/table-versions.server";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle inside db().transaction(): what a write helper takes to join its caller's transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const here = dirname(fileURLToPath(import.meta.url));
/** Found relative to this file so tests, scripts and the server agree wherever they run from. */
export const MIGRATIONS_FOLDER = resolve(here, "../drizzle");

/** The database and its -wal and -shm files: readable by the server's user only. */
export function restrictDatabaseFiles(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}

export function openDatabase(path: string): Db {
  if (path !== ":memory:") {
    // Files made from here on (the database, its WAL, uploads, backups) are private to this user;
    process.umask(0o077);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    restrictDatabaseFiles(path);
  }
  const sqlite = new Database(path, { timeout: 5000 });
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  useAppClock(sqlite);
  // Per-table change counters and the tables each request reads: what the caches key on.
  trackTables(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  reusePreparedStatements(db, sqlite);
  // Every transaction takes the write lock when it begins (BEGIN IMMEDIATE), unless it says
  // otherwise. A deferred transaction that reads and then writes cannot wait for the lock: when
  // another process (the reminders job, a second server) wrote in between, SQLite refuses the
  // upgrade at once with "database is locked", whatever the busy timeout.
  const deferredByDefault = db.transaction.bind(db);
  db.transaction = ((run, config) => deferredByDefault(run, { behavior: "immediate", ...config })) as Db["transaction"];
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  // SQLite gives -wal and -shm the database file's mode; made before, they are set here.
  if (path !== ":memory:") restrictDatabaseFiles(path);
  return db;
}

/** How many compiled statements drizzle's queries keep (texts differ by the number of ids in a list). */
const MAX_STATEMENTS = 1000;

/**
 * drizzle asks better-sqlite3 to compile every query afresh, each time it runs (tens of compiles
 * per page view or follow-up). Here the same SQL text reuses its compiled statement. drizzle sets
 * raw mode before each use of a query with fields; the rest expect objects, so raw mode is turned
 * off when a statement is handed out again. A statement still being iterated is never shared.
 */
function reusePreparedStatements(db: Db, sqlite: Database.Database): void {
  const session = (db as unknown as { session: { client: Database.Database } }).session;
  const statements = new Map<string, Database.Statement>();
  const client = Object.create(sqlite) as Database.Database;
  client.prepare = ((source: string) => {
    const known = statements.get(source);
    if (known && !known.busy) {
      // Most recently used last, so the least used are dropped first.
      statements.delete(source);
      statements.set(source, known);
      if (known.reader) known.raw(false);
      return known;
    }
    const statement = sqlite.prepare(source);
    if (!known) {
      statements.set(source, statement);
      if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
    }
    return statement;
  }) as Database.Database["prepare"];
  session.client = client;
}

/**
 * One clock (app/server/platform/clock.ts) for SQLite too: the columns stamped on insert default to
 * `unixepoch('subsec') * 1000` (db/schema/columns.ts), and on this connection `unixepoch()` and
 * `unixepoch('now' | 'subsec')` read the app's clock instead of the machine's (SQLite lets an
 * application function replace a built-in one of the same name and arity). Other forms of
 * unixepoch are not used by the app and are refused rather than answered differently.
 */
function useAppClock(sqlite: Database.Database): void {
  sqlite.function("unixepoch", () => clock.seconds());
  sqlite.function("unixepoch", (modifier: unknown) => {
    if (modifier === "subsec" || modifier === "subsecond") return clock.ms() / 1000;
    if (modifier === "now") return clock.seconds();
    throw new Error(`unixepoch(${String(modifier)}): only 'now' and 'subsec' are supported on the app's clock`);
  });
}
