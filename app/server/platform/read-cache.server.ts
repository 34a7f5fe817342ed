// A small cache for expensive read models (the steering summary). Correct invalidation by
// construction: the key includes SQLite's own change counters, so ANY write through this process's
// connection (total_changes) or by another process (PRAGMA data_version) makes every entry stale.
// A follow-up posted now therefore shows on the very next request. Cached values are shared by
// every request: callers must treat them as read-only.
import type { Statement } from "better-sqlite3";
import { db } from "./db.server";

const MAX_ENTRIES = 200;
const entries = new Map<string, { version: string; value: unknown }>();

let versionStatements: { changes: Statement; external: Statement } | undefined;

/** Changes whenever the database has been written to, by this process or any other. */
export function databaseVersion(): string {
  // Asked on every page view: the two statements are prepared once.
  const client = db().$client;
  versionStatements ??= {
    changes: client.prepare("select total_changes()").pluck(),
    external: client.prepare("pragma data_version").pluck(),
  };
  return `${versionStatements.changes.get() as number}:${versionStatements.external.get() as number}`;
}

export function cachedRead<T>(key: string, compute: () => T, extraVersion = ""): T {
  // Inside a transaction a read may see writes that are later rolled back, and a rollback does not
  // turn total_changes() back: such a read must neither be cached nor served from the cache.
  if (db().$client.inTransaction) return compute();
  const version = databaseVersion() + "|" + extraVersion;
  const hit = entries.get(key);
  if (hit && hit.version === version) {
    // Refresh recency so the most used keys stay.
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  entries.set(key, { version, value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return value;
}
