// A small cache for expensive read models (the steering summary, the measure list). An entry is
// kept with the change counters of the tables its computation read (table-versions.server.ts) and
// is used only while none of them has moved and no other process has written: a follow-up posted
// now shows on the very next request, while a plan comment leaves the summary where it was.
// When an entry is used, what it read counts as read by the request around it, so the page cache
// keys that page on those tables too. Cached values are shared by every request: callers must
// treat them as read-only. The rule: docs/decisions/0014-what-a-cached-answer-may-depend-on.md.
import { isDeepStrictEqual } from "node:util";
import { cacheMode, cacheVerificationFailed } from "./cache-mode.server";
import { db } from "./db.server";
import { inScope, newScope, noteDeps, snapshot, stillFresh, type TableDeps } from "./table-versions.server";

const MAX_ENTRIES = 200;
const entries = new Map<string, { extra: string; deps: TableDeps; value: unknown }>();

export function cachedRead<T>(key: string, compute: () => T, extraVersion = ""): T {
  // Inside a transaction a read may see writes that are later rolled back: such a read must
  // neither be cached nor served from the cache.
  if (cacheMode.off || db().$client.inTransaction) return compute();
  const hit = entries.get(key);
  if (hit && hit.extra === extraVersion && stillFresh(hit.deps)) {
    // Refresh recency so the most used keys stay.
    entries.delete(key);
    entries.set(key, hit);
    noteDeps(hit.deps);
    if (cacheMode.verify && !isDeepStrictEqual(compute(), hit.value))
      throw cacheVerificationFailed(`read cache entry ${key} differs from a fresh read`);
    return hit.value as T;
  }
  const scope = newScope();
  const value = inScope(scope, compute);
  // What the computation read, as the counters stood when it read it; a write meanwhile (by this
  // very computation) leaves the entry stale at once, which is right.
  if (!scope.wrote) {
    entries.set(key, { extra: extraVersion, deps: snapshot(scope), value });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  }
  return value;
}
