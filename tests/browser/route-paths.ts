// Every route of the built app as a concrete URL, its parameters filled with real ids of the
// seeded demo city (the first of each kind that anyone may see), for tests that walk every page.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { inject } from "vitest";

type BuildRoute = { id: string; path?: string; parentId?: string };

export async function routeIds(): Promise<string[]> {
  const build = await import(pathToFileURL(join(process.cwd(), "build/index.js")).href);
  return Object.keys(build.routes);
}

/** One URL per route of the build (the route id and the path with real ids). */
export async function routePaths(): Promise<{ routeId: string; path: string }[]> {
  const build = await import(pathToFileURL(join(process.cwd(), "build/index.js")).href);
  const routes = build.routes as Record<string, BuildRoute>;
  const sqlite = new Database(join(inject("dataDir"), "lahiturva.sqlite"), { readonly: true });
  const one = (query: string) => String((sqlite.prepare(query).get() as { id: number | string } | undefined)?.id ?? 1);
  const expertGroup = one("select id from groups where kind = 'expert'");
  const params: Record<string, string> = {
    groupId: expertGroup,
    meetingId: one(`select id from meetings where group_id = ${expertGroup} limit 1`),
    documentId: one(`select id from documents where group_id = ${expertGroup} limit 1`),
    threadId: one(`select id from threads where group_id = ${expertGroup} limit 1`),
    measureId: one(
      "select id from measures where published = 1 and status <> 'proposed' and responsible_user_id is not null and exists (select 1 from follow_ups f where f.measure_id = measures.id) limit 1",
    ),
    entryId: "0",
    planId: one("select id from neighbourhood_plans where status = 'published' limit 1"),
    reviewId: one("select id from status_reviews limit 1"),
    indicatorId: one("select id from indicators limit 1"),
    strategyId: one("select id from strategies limit 1"),
    userId: one("select id from users where email = 'asukas@demo.lahiturva.fi'"),
    areaId: one("select id from areas where level = 'sub_area' limit 1"),
    token: "not-a-real-token",
    requestId: one("select id from rights_requests order by id limit 1"),
    // The closed demo situation: its event stream ends at once (an open one's runs until the reader leaves).
    situationId: one("select id from situations where status = 'closed' order by id limit 1"),
    briefingId: one("select id from situation_briefings order by id limit 1"),
    observationId: one("select id from observations where review = 'approved' order by id limit 1"),
  };
  const safetyPlanId = one("select id from safety_plans where status = 'in_force' and published = 1 limit 1");
  params.entryId = one(`select id from follow_ups where measure_id = ${params.measureId} limit 1`);
  sqlite.close();
  const full = (id: string): string => {
    const route = routes[id];
    const own = route.path ?? "";
    if (!route.parentId) return own;
    const parent = full(route.parentId);
    return [parent, own].filter(Boolean).join("/");
  };
  return Object.keys(routes)
    .filter((id) => id !== "root")
    .map((routeId) => {
      const pattern = "/" + full(routeId);
      const own =
        routeId.startsWith("routes/plans.") || routeId.startsWith("routes/admin.plans.") ? { ...params, planId: safetyPlanId } : params;
      const path = pattern.replace(/:(\w+)/g, (_, name: string) => own[name] ?? "1").replace(/\*$/, "no-such-page");
      return { routeId, path };
    });
}

/** The test server's resident memory (bytes), from /proc. */
export function serverRss(): number {
  const status = readFileSync(`/proc/${inject("serverPid")}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}
