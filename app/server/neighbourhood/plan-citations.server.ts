// A residents' plan cites published map observations of its area: the residents' own evidence
// ("see the reports of poor lighting on the path") next to what they write. Only a published
// observation inside the plan's area (or an area below it) may be cited, and a citation is a change
// to the plan like any other: only its authors make it while they write, and it enters the
// plan's version history.
import { and, eq } from "drizzle-orm";
import { observations, planObservationCitations } from "../../../db/schema";
import { areaDescendantIds } from "../city/areas.server";
import { observationsCitedByPlan, observationsForArea, type PublicObservation } from "../observations/observations.server";
import type { Viewer } from "../people/viewer.server";
import { audit } from "../platform/audit.server";
import { clock } from "../platform/clock";
import { db, type Db } from "../platform/db.server";
import { editablePlan, touch } from "./plan-history.server";

export type CitationResult = { ok: true } | { ok: false; reason: "notFound" | "notEditable" | "notCitable" };

/** How many of the area's published observations the editor offers to cite (newest first). */
export const CITABLE_LIMIT = 100;

export function citeObservation(viewer: Viewer, planId: number, observationId: number, now = clock.now()): CitationResult {
  return db().transaction((tx): CitationResult => {
    const found = editablePlan(tx, planId, viewer.id);
    if (found.error) return { ok: false, reason: found.error };
    const observation = tx
      .select({ areaId: observations.areaId, review: observations.review })
      .from(observations)
      .where(eq(observations.id, observationId))
      .get();
    // Unpublished or elsewhere is the same answer: a pending report's existence is not the author's to learn.
    if (
      !observation ||
      observation.review !== "approved" ||
      !areaDescendantIds([found.plan.areaId], tx as unknown as Db).includes(observation.areaId)
    )
      return { ok: false, reason: "notCitable" };
    const added = tx.insert(planObservationCitations).values({ planId, observationId }).onConflictDoNothing().run();
    if (added.changes) {
      touch(tx, planId, viewer.id, now);
      audit({ actorId: viewer.id, action: "neighbourhoodPlan.observationCited", targetType: "neighbourhoodPlan", targetId: planId }, tx);
    }
    return { ok: true };
  });
}

export function unciteObservation(viewer: Viewer, planId: number, observationId: number, now = clock.now()): CitationResult {
  return db().transaction((tx): CitationResult => {
    const found = editablePlan(tx, planId, viewer.id);
    if (found.error) return { ok: false, reason: found.error };
    const removed = tx
      .delete(planObservationCitations)
      .where(and(eq(planObservationCitations.planId, planId), eq(planObservationCitations.observationId, observationId)))
      .run();
    if (removed.changes) touch(tx, planId, viewer.id, now);
    return { ok: true };
  });
}

/** What the plan cites, as the public sees it. */
export function planCitations(planId: number): PublicObservation[] {
  return observationsCitedByPlan(planId);
}

/** The editor's choice: the area's published observations, the cited ones first marked as such. */
export function citationChoices(planId: number, areaId: number) {
  const cited = observationsCitedByPlan(planId);
  const citedIds = new Set(cited.map((o) => o.id));
  const others = observationsForArea(areaId, db(), CITABLE_LIMIT).filter((o) => !citedIds.has(o.id));
  return { cited, others };
}
