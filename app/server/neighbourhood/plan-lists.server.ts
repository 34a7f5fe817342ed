// Lists of residents' plans: of some areas (public ones and the reader's own), the public list with
// its search, a person's own plans, a network's plans waiting for feedback, and the plan actions
// that support a city measure. Paged where a large city has thousands.
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { areas, neighbourhoodPlans, planActions, planAuthors, type NeighbourhoodPlanStatus } from "../../../db/schema";
import { areaDescendantIds, areaRefColumns, networkAreaIds } from "../city/areas.server";
import { can, type NeighbourhoodPlanAccess } from "../people/permissions.server";
import type { Viewer } from "../people/viewer.server";
import { db, type Reader } from "../platform/db.server";
import { pageWindow } from "../platform/paging";
import { cachedRead } from "../platform/read-cache.server";
import { columnsOf } from "../platform/select-names";
import { planAccessOf, PUBLIC_STATUSES } from "./plan-access.server";

const planListColumns = {
  ...columnsOf(neighbourhoodPlans, "id", "title", "status", "updatedAt", "submittedAt", "publishedAt"),
  area: areaRefColumns,
};

export type PlanListRow = {
  id: number;
  title: string;
  status: NeighbourhoodPlanStatus;
  updatedAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
  area: { id: number; level: string; code: string; nameFi: string; nameSv: string | null };
};

export const PLAN_LIST_PAGE_SIZE = 20;
type PlanPage = { rows: PlanListRow[]; total: number; page: number; pageCount: number };

/**
 * Plans of some areas (and the areas below them) a person may see in a list: the public ones,
 * and their own whatever the status. Paged: a district of a large city has thousands.
 */
export function listPlansInAreas(
  areaIds: number[],
  viewerId: string | null,
  opts: { page?: number; pageSize?: number } = {},
  r: Reader = db(),
): PlanPage {
  if (r === db())
    return cachedRead(`plansInAreas:${areaIds.join(",")}:${viewerId}:${opts.page ?? 1}:${opts.pageSize ?? ""}`, () =>
      computePlansInAreas(areaIds, viewerId, opts, r),
    );
  return computePlansInAreas(areaIds, viewerId, opts, r);
}

function computePlansInAreas(areaIds: number[], viewerId: string | null, opts: { page?: number; pageSize?: number }, r: Reader) {
  const all = areaDescendantIds(areaIds, r);
  if (!all.length) return { rows: [], total: 0, page: 1, pageCount: 1 };
  const own = viewerId
    ? sql`exists (select 1 from ${planAuthors} pa where pa.plan_id = ${neighbourhoodPlans.id} and pa.user_id = ${viewerId})`
    : sql`0`;
  const where = and(inArray(neighbourhoodPlans.areaId, all), sql`(${inArray(neighbourhoodPlans.status, PUBLIC_STATUSES)} or ${own})`)!;
  return planPage(
    r,
    where,
    [sql`${neighbourhoodPlans.status} = 'archived'`, desc(neighbourhoodPlans.updatedAt), desc(neighbourhoodPlans.id)],
    opts,
  );
}

/** One page of the plans matching `where`, in `order`, with the total: every paged plan list. */
function planPage(r: Reader, where: SQL, order: SQL[], opts: { page?: number; pageSize?: number }): PlanPage {
  const pageSize = opts.pageSize ?? PLAN_LIST_PAGE_SIZE;
  const total = r.select({ n: sql<number>`count(*)` }).from(neighbourhoodPlans).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageWindow(total, opts.page, pageSize);
  const rows = r
    .select(planListColumns)
    .from(neighbourhoodPlans)
    .innerJoin(areas, eq(areas.id, neighbourhoodPlans.areaId))
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset(offset)
    .all();
  return { rows, total, page, pageCount };
}

export type PublishedPlanFilters = { q?: string; areaId?: number; page?: number; pageSize?: number; includeArchived?: boolean };

/**
 * The public list of residents' safety plans: published ones (newest first), then archived ones,
 * found by words in the title or the situation and by area (the area and the areas within it).
 * The same for every reader, signed in or not: only public plans, so it can be shown to anyone.
 */
export function listPublishedPlans(f: PublishedPlanFilters, r: Reader = db()): PlanPage {
  const conditions: SQL[] = [inArray(neighbourhoodPlans.status, f.includeArchived === false ? ["published"] : PUBLIC_STATUSES)];
  const q = f.q?.trim();
  if (q) {
    const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(${neighbourhoodPlans.title} like ${like} escape '\\' or ${neighbourhoodPlans.situation} like ${like} escape '\\')`,
    );
  }
  if (f.areaId) {
    const within = areaDescendantIds([f.areaId], r);
    if (!within.length) return { rows: [], total: 0, page: 1, pageCount: 1 };
    conditions.push(inArray(neighbourhoodPlans.areaId, within));
  }
  return planPage(
    r,
    and(...conditions)!,
    [sql`${neighbourhoodPlans.status} = 'archived'`, desc(neighbourhoodPlans.publishedAt), desc(neighbourhoodPlans.id)],
    f,
  );
}

/** The plans a person writes or has written, newest first. */
export function listMyPlans(userId: string, r: Reader = db()): PlanListRow[] {
  return r
    .select(planListColumns)
    .from(neighbourhoodPlans)
    .innerJoin(areas, eq(areas.id, neighbourhoodPlans.areaId))
    .innerJoin(planAuthors, and(eq(planAuthors.planId, neighbourhoodPlans.id), eq(planAuthors.userId, userId)))
    .orderBy(desc(neighbourhoodPlans.updatedAt))
    .all();
}

/**
 * A network's plans: all those waiting for its feedback, and a page of the rest it has seen in its
 * areas (newest first; a network of a large city has thousands).
 */
export function networkPlans(groupId: number, opts: { page?: number; pageSize?: number } = {}, r: Reader = db()) {
  const { all } = networkAreaIds(groupId, r);
  if (!all.length) return { waiting: [] as PlanListRow[], others: { rows: [] as PlanListRow[], total: 0, page: 1, pageCount: 1 } };
  const inAreas = inArray(neighbourhoodPlans.areaId, all);
  const waiting = r
    .select(planListColumns)
    .from(neighbourhoodPlans)
    .innerJoin(areas, eq(areas.id, neighbourhoodPlans.areaId))
    .where(and(inAreas, eq(neighbourhoodPlans.status, "submitted")))
    .orderBy(asc(neighbourhoodPlans.submittedAt), desc(neighbourhoodPlans.updatedAt))
    .all();
  const seen = and(inAreas, inArray(neighbourhoodPlans.status, ["changes_requested", "accepted", "published"]))!;
  return { waiting, others: planPage(r, seen, [desc(neighbourhoodPlans.updatedAt), desc(neighbourhoodPlans.id)], opts) };
}

/**
 * The measure page's side of the two-way link: plan actions that support the measure, from the
 * plans the viewer may see.
 */
export function actionsForMeasure(measureId: number, viewer: Viewer | null) {
  // The linked actions and, for plans that are not public, who may see them, are the same for
  // every viewer: cached on the database version. Only the visibility check is per viewer.
  const rows = cachedRead(`measureActions:${measureId}`, () => linkedActionRows(measureId));
  return rows
    .filter((row) => !row.access || can(viewer, { kind: "neighbourhoodPlan.view", plan: row.access }))
    .map(({ access: _access, ...row }) => row);
}

function linkedActionRows(measureId: number, r: Reader = db()) {
  const rows = r
    .select({
      ...columnsOf(planActions, "id", "text", "carriedBy", "status", "timeline"),
      plan: {
        ...columnsOf(neighbourhoodPlans, "id", "title", "status", "areaId"),
      },
      area: areaRefColumns,
    })
    .from(planActions)
    .innerJoin(neighbourhoodPlans, eq(neighbourhoodPlans.id, planActions.planId))
    .innerJoin(areas, eq(areas.id, neighbourhoodPlans.areaId))
    .where(eq(planActions.measureId, measureId))
    .orderBy(asc(areas.code), asc(neighbourhoodPlans.id), asc(planActions.position))
    .all();
  // Public plans need no access lookup; the others cost a query each, once per plan.
  const access = new Map<number, NeighbourhoodPlanAccess | null>();
  return rows.map((row) => {
    if (!access.has(row.plan.id)) access.set(row.plan.id, PUBLIC_STATUSES.includes(row.plan.status) ? null : planAccessOf(row.plan, r));
    return { ...row, access: access.get(row.plan.id)! };
  });
}
