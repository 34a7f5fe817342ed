// The core every change to a residents' plan goes through: the item revisions that detect a
// co-author's conflicting save, the plan's version counter and its history of snapshots, and the
// rule of who may write a plan now. The plan module (neighbourhood.server.ts) and the plan's
// citations (plan-citations.server.ts) both write through here, so a plan has one history.
import { createHash } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import {
  neighbourhoodPlans,
  planActions,
  planAuthors,
  planGoals,
  planObservationCitations,
  planObservations,
  planVersions,
  type NeighbourhoodPlanStatus,
  PLAN_ACTION_CARRIERS,
  PLAN_ACTION_STATUSES,
} from "../../../db/schema";
import type { Tx, Reader } from "../platform/db.server";
import { columnsOf } from "../platform/select-names";

type PlanActionCarrier = (typeof PLAN_ACTION_CARRIERS)[number];
type PlanActionStatus = (typeof PLAN_ACTION_STATUSES)[number];
type PlanRow = typeof neighbourhoodPlans.$inferSelect;

/** Statuses in which the authors write; everything else is read-only text. */
export const EDITABLE_STATUSES: NeighbourhoodPlanStatus[] = ["draft", "changes_requested"];
/** Saves by the same author within this time share one history row; a milestone always opens a new one. */
export const VERSION_THROTTLE_MS = 5 * 60 * 1000;

export type ItemKind = keyof typeof ITEM_KINDS;

/** What an author writes in each item kind (the fields of ITEM_KINDS). */
export type ObservationInput = { text: string; placeName: string | null; lat: number | null; lng: number | null };
export type GoalInput = { text: string };
export type ActionInput = {
  text: string;
  carriedBy: PlanActionCarrier;
  organisationId: number | null;
  timeline: string;
  dueDate: string | null;
  measureId: number | null;
  goalId: number | null;
};

export const revOf = (values: unknown[]) => createHash("sha1").update(JSON.stringify(values)).digest("base64url").slice(0, 12);

export const basicsValues = (p: { title: string; situation: string }) => [p.title, p.situation];

/** The item tables, each with the fields a writer edits, in the order their revision hashes them. */
export const ITEM_KINDS = {
  observation: { table: planObservations, fields: ["text", "placeName", "lat", "lng"] },
  goal: { table: planGoals, fields: ["text"] },
  action: {
    table: planActions,
    fields: ["text", "carriedBy", "organisationId", "timeline", "dueDate", "measureId", "goalId"],
  },
} as const;

/** The edited fields of an item, in revision order. */
export const itemValues = (kind: ItemKind, item: Record<string, unknown>) => ITEM_KINDS[kind].fields.map((f) => item[f]);

export type PlanSnapshot = {
  title: string;
  situation: string;
  /** Who last wrote the title or the situation text. */
  basicsAuthorId: string | null;
  status: NeighbourhoodPlanStatus;
  lastSavedAt: number;
  authors: { userId: string; role: "owner" | "coauthor" }[];
  observations: (ObservationInput & { id: number; authorId: string | null })[];
  goals: (GoalInput & { id: number; authorId: string | null })[];
  actions: (ActionInput & { id: number; status: PlanActionStatus; authorId: string | null })[];
  /** The published map observations the plan cites (absent in versions saved before citations existed). */
  citedObservationIds?: number[];
};

export function buildSnapshot(r: Reader, planId: number, basicsAuthorId: string | null, now: Date): PlanSnapshot {
  const plan = r.select().from(neighbourhoodPlans).where(eq(neighbourhoodPlans.id, planId)).get()!;
  return {
    title: plan.title,
    situation: plan.situation,
    basicsAuthorId,
    status: plan.status,
    lastSavedAt: now.getTime(),
    authors: r
      .select({ userId: planAuthors.userId, role: planAuthors.role })
      .from(planAuthors)
      .where(eq(planAuthors.planId, planId))
      .orderBy(asc(planAuthors.addedAt))
      .all(),
    observations: r
      .select({
        ...columnsOf(planObservations, "id", "text", "placeName", "lat", "lng", "authorId"),
      })
      .from(planObservations)
      .where(eq(planObservations.planId, planId))
      .orderBy(asc(planObservations.position), asc(planObservations.id))
      .all(),
    goals: r
      .select({ id: planGoals.id, text: planGoals.text, authorId: planGoals.authorId })
      .from(planGoals)
      .where(eq(planGoals.planId, planId))
      .orderBy(asc(planGoals.position), asc(planGoals.id))
      .all(),
    actions: r
      .select({
        ...columnsOf(planActions, "id", "text", "carriedBy", "organisationId", "timeline", "dueDate", "measureId", "goalId", "status"),
        ...columnsOf(planActions, "authorId"),
      })
      .from(planActions)
      .where(eq(planActions.planId, planId))
      .orderBy(asc(planActions.position), asc(planActions.id))
      .all(),
    citedObservationIds: r
      .select({ id: planObservationCitations.observationId })
      .from(planObservationCitations)
      .where(eq(planObservationCitations.planId, planId))
      .orderBy(asc(planObservationCitations.observationId))
      .all()
      .map((c) => c.id),
  };
}

export function latestVersionRow(r: Reader, planId: number) {
  return r.select().from(planVersions).where(eq(planVersions.planId, planId)).orderBy(desc(planVersions.id)).get() ?? null;
}

export const parseSnapshot = (json: string) => JSON.parse(json) as PlanSnapshot;

/**
 * Keeps the history: a new row when another person saves, after the throttle time, or at a
 * milestone (`note`); otherwise the author's latest row is brought up to date. The latest row is
 * therefore always the plan as it stands now.
 */
export function recordVersion(
  tx: Tx,
  planId: number,
  version: number,
  actorId: string | null,
  now: Date,
  opts: { note?: string; basicsAuthorId?: string } = {},
) {
  const latest = latestVersionRow(tx, planId);
  const previous = latest ? parseSnapshot(latest.snapshot) : null;
  const createdBy =
    tx.select({ id: neighbourhoodPlans.createdById }).from(neighbourhoodPlans).where(eq(neighbourhoodPlans.id, planId)).get()?.id ?? null;
  const basicsAuthorId = opts.basicsAuthorId ?? previous?.basicsAuthorId ?? createdBy;
  const snapshot = JSON.stringify(buildSnapshot(tx, planId, basicsAuthorId, now));
  const merge =
    latest && !opts.note && !latest.note && latest.savedById === actorId && now.getTime() - latest.savedAt.getTime() < VERSION_THROTTLE_MS;
  if (merge) tx.update(planVersions).set({ version, snapshot }).where(eq(planVersions.id, latest.id)).run();
  else
    tx.insert(planVersions)
      .values({ planId, version, snapshot, savedById: actorId, savedAt: now, note: opts.note ?? null })
      .run();
}

/** Bumps the version, stamps the time and writes the history; every change goes through here. */
export function touch(
  tx: Tx,
  planId: number,
  actorId: string | null,
  now: Date,
  opts: { note?: string; basicsAuthorId?: string; set?: Partial<typeof neighbourhoodPlans.$inferInsert> } = {},
): number {
  const current = tx
    .select({ version: neighbourhoodPlans.version })
    .from(neighbourhoodPlans)
    .where(eq(neighbourhoodPlans.id, planId))
    .get()!;
  const version = current.version + 1;
  tx.update(neighbourhoodPlans)
    .set({ ...opts.set, version, updatedAt: now })
    .where(eq(neighbourhoodPlans.id, planId))
    .run();
  recordVersion(tx, planId, version, actorId, now, opts);
  return version;
}

export function editablePlan(
  tx: Tx,
  planId: number,
  actorId: string,
): { error: "notFound" | "notEditable" } | { plan: PlanRow; error?: undefined } {
  const plan = tx.select().from(neighbourhoodPlans).where(eq(neighbourhoodPlans.id, planId)).get();
  if (!plan) return { error: "notFound" };
  const author = tx
    .select({ userId: planAuthors.userId })
    .from(planAuthors)
    .where(and(eq(planAuthors.planId, planId), eq(planAuthors.userId, actorId)))
    .get();
  if (!author || !EDITABLE_STATUSES.includes(plan.status)) return { error: "notEditable" };
  return { plan };
}
