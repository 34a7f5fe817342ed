// Who may see and do what with a residents' plan rests on three facts: its status, its authors and
// the networks covering its area (people/permissions.server decides from them). This module reads
// those facts; the statuses anyone may read are here too.
import { eq } from "drizzle-orm";
import { neighbourhoodPlans, planAuthors, type NeighbourhoodPlanStatus } from "../../../db/schema";
import { networksCoveringArea } from "../city/areas.server";
import type { NeighbourhoodPlanAccess } from "../people/permissions.server";
import { db, type Db, type Reader } from "../platform/db.server";

/** The plan's authors (the owner and the co-authors). */
export function authorIdsOf(r: Pick<Db, "select">, planId: number): string[] {
  return r
    .select({ userId: planAuthors.userId })
    .from(planAuthors)
    .where(eq(planAuthors.planId, planId))
    .all()
    .map((a) => a.userId);
}

/** Statuses anyone may read. */
export const PUBLIC_STATUSES: NeighbourhoodPlanStatus[] = ["published", "archived"];

/** What the permission rules need: status, authors, and the networks covering the area or above. */
export function planAccessOf(
  plan: { id: number; areaId: number; status: NeighbourhoodPlanStatus },
  r: Reader = db(),
): NeighbourhoodPlanAccess {
  return {
    status: plan.status,
    authorIds: authorIdsOf(r, plan.id),
    networkGroupIds: networksCoveringArea(plan.areaId, r).map((g) => g.id),
  };
}

export function loadPlanAccess(planId: number, r: Reader = db()) {
  const plan = r.select().from(neighbourhoodPlans).where(eq(neighbourhoodPlans.id, planId)).get();
  if (!plan) return null;
  return { plan, access: planAccessOf(plan, r) };
}
