import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  commentReports,
  groups,
  measures,
  neighbourhoodPlans,
  observations,
  organisations,
  planActions,
  planAuthors,
  planComments,
  planGoals,
  planObservations,
  planVersions,
  users,
  PLAN_ACTION_CARRIERS,
  PLAN_ACTION_STATUSES,
  type NeighbourhoodPlanStatus,
} from "../../../db/schema";
import { areaAncestors, getArea, networksCoveringArea } from "../city/areas.server";
import { audit } from "../platform/audit.server";
import { db, type Tx, type Reader } from "../platform/db.server";
import { cachedRead } from "../platform/read-cache.server";
import { readPartition } from "../platform/table-versions.server";
import { listMeasures, publicMeasureCondition } from "../city/measures.server";
import type { Viewer } from "../people/viewer.server";
import { clock } from "../platform/clock";
import { measureTitles, namesOf, columnsOf } from "../platform/select-names";
import { scheduleMailDelivery } from "../mail/notifications.server";
import { notifyPlanEvent } from "./plan-notifications.server";
import {
  basicsValues,
  editablePlan,
  ITEM_KINDS,
  itemValues,
  latestVersionRow,
  parseSnapshot,
  recordVersion,
  revOf,
  touch,
  type ItemKind,
  type ActionInput,
  type GoalInput,
  type ObservationInput,
  type PlanSnapshot,
} from "./plan-history.server";

export {
  EDITABLE_STATUSES,
  revOf,
  VERSION_THROTTLE_MS,
  type ActionInput,
  type GoalInput,
  type ItemKind,
  type ObservationInput,
  type PlanSnapshot,
} from "./plan-history.server";

// Access, lists, co-authors, comments and network notes live in their own files; this module stays
// the one import for plans.
export { addComment, getComment, hideComment, reportComment } from "./plan-comments.server";
export { addNetworkNote, getNetwork, listNetworkNotes } from "./network-notes.server";
export { loadPlanAccess, planAccessOf, PUBLIC_STATUSES } from "./plan-access.server";
export {
  actionsForMeasure,
  listMyPlans,
  listPlansInAreas,
  listPublishedPlans,
  networkPlans,
  PLAN_LIST_PAGE_SIZE,
  type PlanListRow,
  type PublishedPlanFilters,
} from "./plan-lists.server";
export {
  acceptCoauthorInvitation,
  addCoauthor,
  addOrInviteCoauthor,
  COAUTHOR_INVITATIONS_PER_DAY,
  invitationForPage,
  planOfInvitation,
  removeCoauthor,
  type CoauthorResult,
  type InviteResult,
} from "./plan-coauthors.server";
import { userName } from "../people/user-name";

export type PlanActionCarrier = (typeof PLAN_ACTION_CARRIERS)[number];
export type PlanActionStatus = (typeof PLAN_ACTION_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
// Creating and editing

export function createNeighbourhoodPlan(viewer: Viewer, areaId: number, title: string, now = clock.now()): number {
  return db().transaction((tx) => {
    const id = Number(
      tx.insert(neighbourhoodPlans).values({ areaId, title, createdById: viewer.id, updatedAt: now, createdAt: now }).run().lastInsertRowid,
    );
    tx.insert(planAuthors).values({ planId: id, userId: viewer.id, role: "owner", addedAt: now }).run();
    recordVersion(tx, id, 1, viewer.id, now, { note: "created", basicsAuthorId: viewer.id });
    audit({ actorId: viewer.id, action: "neighbourhoodPlan.created", targetType: "neighbourhoodPlan", targetId: id }, tx);
    return id;
  });
}

export type BasicsInput = { title: string; situation: string };

/** Which item a save is about and the revision the writer started from. */
export type ItemRef = { id?: number | null; baseRev?: string | null; recreate?: boolean };

export type Conflict = { current: Record<string, unknown> | null; by: string | null; rev: string | null; gone: boolean };
export type SaveResult =
  | { ok: true; id: number; rev: string; version: number; savedAt: number }
  | { ok: false; reason: "notFound" | "notEditable" | "invalidReference" }
  | ({ ok: false; reason: "conflict" } & Conflict);

/**
 * "same": nothing to write. "ok": write. "conflict": someone else saved the item after the
 * writer's revision. The writer's own earlier save (another tab, a reply lost on a bad
 * connection) is not a conflict.
 */
function compare(currentRev: string, newRev: string, baseRev: string | null | undefined, lastAuthorId: string | null, actorId: string) {
  if (currentRev === newRev) return "same" as const;
  if (baseRev === currentRev || lastAuthorId === actorId) return "ok" as const;
  return "conflict" as const;
}

const conflict = (r: Reader, current: Record<string, unknown> | null, authorId: string | null, rev: string | null): SaveResult => ({
  ok: false,
  reason: "conflict",
  current,
  by: userName(r, authorId),
  rev,
  gone: current === null,
});

export function saveBasics(
  viewer: Viewer,
  planId: number,
  baseRev: string | null | undefined,
  input: BasicsInput,
  now = clock.now(),
): SaveResult {
  return db().transaction((tx): SaveResult => {
    const found = editablePlan(tx, planId, viewer.id);
    if (found.error) return { ok: false, reason: found.error };
    const { plan } = found;
    const currentRev = revOf(basicsValues(plan));
    const newRev = revOf(basicsValues(input));
    const latest = latestVersionRow(tx, planId);
    const lastAuthor = latest ? parseSnapshot(latest.snapshot).basicsAuthorId : plan.createdById;
    const verdict = compare(currentRev, newRev, baseRev, lastAuthor, viewer.id);
    if (verdict === "same") return { ok: true, id: planId, rev: newRev, version: plan.version, savedAt: now.getTime() };
    if (verdict === "conflict") return conflict(tx, { title: plan.title, situation: plan.situation }, lastAuthor, currentRev);
    const version = touch(tx, planId, viewer.id, now, {
      basicsAuthorId: viewer.id,
      set: { title: input.title, situation: input.situation },
    });
    return { ok: true, id: planId, rev: newRev, version, savedAt: now.getTime() };
  });
}

const nextPosition = (tx: Tx, table: typeof planObservations | typeof planGoals | typeof planActions, planId: number) =>
  (tx
    .select({ n: sql<number>`coalesce(max(${table.position}), -1)` })
    .from(table)
    .where(eq(table.planId, planId))
    .get()?.n ?? -1) + 1;

type ItemInputs = { observation: ObservationInput; goal: GoalInput; action: ActionInput };

/**
 * One optimistic save of a plan item: load it, compare revisions, report a conflict (or that it
 * is gone), then update it or insert it at the end (a new item or a recreated one). `check` runs
 * after the plan is known to be editable and may refuse the save.
 */
function saveItem<K extends keyof ItemInputs>(
  kind: K,
  actorId: string,
  planId: number,
  ref: ItemRef,
  input: ItemInputs[K],
  now: Date,
  check?: (tx: Tx) => SaveResult | null,
): SaveResult {
  const { table, fields } = ITEM_KINDS[kind];
  // Every kind has a text; the other fields are the table's own columns.
  const edited = (source: Record<string, unknown>) =>
    Object.fromEntries(fields.map((f) => [f, source[f]])) as { text: string } & Record<string, unknown>;
  return db().transaction((tx): SaveResult => {
    const found = editablePlan(tx, planId, actorId);
    if (found.error) return { ok: false, reason: found.error };
    const refused = check?.(tx);
    if (refused) return refused;
    const values = edited(input);
    const newRev = revOf(Object.values(values));
    if (ref.id && !ref.recreate) {
      const row = tx
        .select()
        .from(table)
        .where(and(eq(table.id, ref.id), eq(table.planId, planId)))
        .get();
      if (!row) return conflict(tx, null, null, null);
      const current = edited(row);
      const currentRev = revOf(Object.values(current));
      const verdict = compare(currentRev, newRev, ref.baseRev, row.authorId, actorId);
      if (verdict === "same") return { ok: true, id: row.id, rev: newRev, version: found.plan.version, savedAt: now.getTime() };
      if (verdict === "conflict") return conflict(tx, current, row.authorId, currentRev);
      tx.update(table)
        .set({ ...values, authorId: actorId, updatedAt: now })
        .where(eq(table.id, row.id))
        .run();
      return { ok: true, id: row.id, rev: newRev, version: touch(tx, planId, actorId, now), savedAt: now.getTime() };
    }
    const id = Number(
      tx
        .insert(table)
        .values({ planId, ...values, authorId: actorId, position: nextPosition(tx, table, planId), updatedAt: now })
        .run().lastInsertRowid,
    );
    return { ok: true, id, rev: newRev, version: touch(tx, planId, actorId, now), savedAt: now.getTime() };
  });
}

export function saveObservation(viewer: Viewer, planId: number, ref: ItemRef, input: ObservationInput, now = clock.now()): SaveResult {
  return saveItem("observation", viewer.id, planId, ref, input, now);
}

export function savePlanGoal(viewer: Viewer, planId: number, ref: ItemRef, input: GoalInput, now = clock.now()): SaveResult {
  return saveItem("goal", viewer.id, planId, ref, input, now);
}

export function savePlanAction(viewer: Viewer, planId: number, ref: ItemRef, input: ActionInput, now = clock.now()): SaveResult {
  // References must point at real records; a goal must be this plan's own.
  return saveItem("action", viewer.id, planId, ref, input, now, (tx) => {
    const invalid: SaveResult = { ok: false, reason: "invalidReference" };
    if (
      input.goalId &&
      !tx
        .select({ id: planGoals.id })
        .from(planGoals)
        .where(and(eq(planGoals.id, input.goalId), eq(planGoals.planId, planId)))
        .get()
    )
      return invalid;
    if (input.measureId && !tx.select({ id: measures.id }).from(measures).where(eq(measures.id, input.measureId)).get()) return invalid;
    if (
      input.organisationId &&
      !tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId)).get()
    )
      return invalid;
    return null;
  });
}

export function removeItem(
  viewer: Viewer,
  planId: number,
  kind: ItemKind,
  itemId: number,
  now = clock.now(),
): { ok: true } | { ok: false; reason: "notFound" | "notEditable" } {
  return db().transaction((tx) => {
    const found = editablePlan(tx, planId, viewer.id);
    if (found.error) return { ok: false as const, reason: found.error };
    const { table } = ITEM_KINDS[kind];
    const res = tx
      .delete(table)
      .where(and(eq(table.id, itemId), eq(table.planId, planId)))
      .run();
    if (!res.changes) return { ok: false as const, reason: "notFound" as const };
    touch(tx, planId, viewer.id, now);
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Workflow

export type WorkflowResult = { ok: true } | { ok: false; reason: "notFound" | "transition" | "incomplete"; missing?: string[] };

/** What a plan needs before the network reads it. */
export function missingSections(planId: number, r: Reader = db()): string[] {
  const count = (table: typeof planObservations | typeof planGoals | typeof planActions) =>
    r.select({ n: sql<number>`count(*)` }).from(table).where(eq(table.planId, planId)).get()?.n ?? 0;
  const missing: string[] = [];
  if (!count(planObservations)) missing.push("observations");
  if (!count(planGoals)) missing.push("goals");
  if (!count(planActions)) missing.push("actions");
  return missing;
}

/** The authors send the plan to the network; the nearest covering network becomes its reviewer. */
export function submitPlan(viewer: Viewer, planId: number, now = clock.now()): WorkflowResult {
  const result = db().transaction((tx): WorkflowResult => {
    const found = editablePlan(tx, planId, viewer.id);
    if (found.error) return { ok: false, reason: found.error === "notFound" ? "notFound" : "transition" };
    const missing = missingSections(planId, tx);
    if (missing.length) return { ok: false, reason: "incomplete", missing };
    const reviewer = networksCoveringArea(found.plan.areaId, tx)[0]?.id ?? null;
    touch(tx, planId, viewer.id, now, { note: "submitted", set: { status: "submitted", submittedAt: now, reviewingGroupId: reviewer } });
    audit({ actorId: viewer.id, action: "neighbourhoodPlan.submitted", targetType: "neighbourhoodPlan", targetId: planId }, tx);
    notifyPlanEvent(tx, viewer.id, planId, "submitted", now);
    return { ok: true };
  });
  if (result.ok) scheduleMailDelivery();
  return result;
}

/**
 * The network's review of a submitted plan: ask for changes (feedback required) or accept.
 * Accepting publishes the plan at once: the network's acceptance is the publication decision, so
 * `acceptedAt` and `publishedAt` are the same moment (the `accepted` status is not used).
 */
export function reviewPlan(
  viewer: Viewer,
  planId: number,
  decision: "changes" | "accept",
  feedback: string,
  now = clock.now(),
): WorkflowResult {
  const result = db().transaction((tx): WorkflowResult => {
    const plan = tx.select().from(neighbourhoodPlans).where(eq(neighbourhoodPlans.id, planId)).get();
    if (!plan) return { ok: false, reason: "notFound" };
    if (plan.status !== "submitted") return { ok: false, reason: "transition" };
    if (feedback.trim())
      tx.insert(planComments).values({ planId, authorId: viewer.id, body: feedback.trim(), kind: "feedback", createdAt: now }).run();
    if (decision === "changes") {
      touch(tx, planId, viewer.id, now, { note: "changesRequested", set: { status: "changes_requested" } });
    } else {
      touch(tx, planId, viewer.id, now, { note: "published", set: { status: "published", acceptedAt: now, publishedAt: now } });
    }
    audit(
      {
        actorId: viewer.id,
        action: decision === "changes" ? "neighbourhoodPlan.changesRequested" : "neighbourhoodPlan.published",
        targetType: "neighbourhoodPlan",
        targetId: planId,
      },
      tx,
    );
    notifyPlanEvent(tx, viewer.id, planId, decision === "changes" ? "changesRequested" : "published", now);
    return { ok: true };
  });
  if (result.ok) scheduleMailDelivery();
  return result;
}

const WITHDRAWABLE: NeighbourhoodPlanStatus[] = ["draft", "submitted", "changes_requested", "accepted"];

export function withdrawPlan(viewer: Viewer, planId: number, now = clock.now()): WorkflowResult {
  return db().transaction((tx): WorkflowResult => {
    const plan = tx.select().from(neighbourhoodPlans).where(eq(neighbourhoodPlans.id, planId)).get();
    if (!plan) return { ok: false, reason: "notFound" };
    if (!WITHDRAWABLE.includes(plan.status)) return { ok: false, reason: "transition" };
    touch(tx, planId, viewer.id, now, { note: "withdrawn", set: { status: "withdrawn", withdrawnAt: now } });
    audit({ actorId: viewer.id, action: "neighbourhoodPlan.withdrawn", targetType: "neighbourhoodPlan", targetId: planId }, tx);
    return { ok: true };
  });
}

/** A published plan that has run its course is archived: still public, no longer followed up. */
export function archivePlan(viewer: Viewer, planId: number, now = clock.now()): WorkflowResult {
  return db().transaction((tx): WorkflowResult => {
    const plan = tx.select().from(neighbourhoodPlans).where(eq(neighbourhoodPlans.id, planId)).get();
    if (!plan) return { ok: false, reason: "notFound" };
    if (plan.status !== "published") return { ok: false, reason: "transition" };
    touch(tx, planId, viewer.id, now, { note: "archived", set: { status: "archived", archivedAt: now } });
    audit({ actorId: viewer.id, action: "neighbourhoodPlan.archived", targetType: "neighbourhoodPlan", targetId: planId }, tx);
    return { ok: true };
  });
}

/** Follow-up of a published plan: an action's status, by its authors or the network. */
export function setActionStatus(
  viewer: Viewer,
  planId: number,
  actionId: number,
  status: PlanActionStatus,
  now = clock.now(),
): WorkflowResult {
  return db().transaction((tx): WorkflowResult => {
    const plan = tx.select().from(neighbourhoodPlans).where(eq(neighbourhoodPlans.id, planId)).get();
    if (!plan) return { ok: false, reason: "notFound" };
    if (plan.status !== "published") return { ok: false, reason: "transition" };
    const res = tx
      .update(planActions)
      .set({ status, updatedAt: now })
      .where(and(eq(planActions.id, actionId), eq(planActions.planId, planId)))
      .run();
    if (!res.changes) return { ok: false, reason: "notFound" };
    touch(tx, planId, viewer.id, now);
    audit(
      { actorId: viewer.id, action: "neighbourhoodPlan.actionStatus", targetType: "planAction", targetId: actionId, detail: { status } },
      tx,
    );
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading one plan

/**
 * The plan as a page shows it. `publicMeasuresOnly` hides links to measures the viewer may not
 * see; `moderator` decides whether hidden comments come along at all (their text never goes to
 * anyone else).
 */
export function getPlanView(planId: number, opts: { publicMeasuresOnly: boolean; moderator: boolean }) {
  return cachedRead(`planView:${planId}:${opts.publicMeasuresOnly}:${opts.moderator}`, () => computePlanView(planId, opts));
}

function computePlanView(planId: number, opts: { publicMeasuresOnly: boolean; moderator: boolean }) {
  const d = db();
  const plan = d.select().from(neighbourhoodPlans).where(eq(neighbourhoodPlans.id, planId)).get();
  if (!plan) return null;
  const area = getArea(plan.areaId, d)!;
  const ancestors = areaAncestors(plan.areaId, d);
  const authors = d
    .select({ userId: planAuthors.userId, role: planAuthors.role, name: users.name })
    .from(planAuthors)
    .innerJoin(users, eq(users.id, planAuthors.userId))
    .where(eq(planAuthors.planId, planId))
    .orderBy(sql`${planAuthors.role} = 'coauthor'`, asc(planAuthors.addedAt))
    .all();
  const latest = latestVersionRow(d, planId);
  const basicsAuthorId = latest ? parseSnapshot(latest.snapshot).basicsAuthorId : plan.createdById;
  const author = alias(users, "author");
  const observations = d
    .select({ row: planObservations, authorName: author.name })
    .from(planObservations)
    .leftJoin(author, eq(author.id, planObservations.authorId))
    .where(eq(planObservations.planId, planId))
    .orderBy(asc(planObservations.position), asc(planObservations.id))
    .all()
    .map(({ row, authorName }) => ({
      id: row.id,
      text: row.text,
      placeName: row.placeName,
      lat: row.lat,
      lng: row.lng,
      authorName,
      rev: revOf(itemValues("observation", row)),
    }));
  const goals = d
    .select({ row: planGoals, authorName: author.name })
    .from(planGoals)
    .leftJoin(author, eq(author.id, planGoals.authorId))
    .where(eq(planGoals.planId, planId))
    .orderBy(asc(planGoals.position), asc(planGoals.id))
    .all()
    .map(({ row, authorName }) => ({ id: row.id, text: row.text, authorName, rev: revOf(itemValues("goal", row)) }));
  const measureJoin = opts.publicMeasuresOnly
    ? and(eq(measures.id, planActions.measureId), publicMeasureCondition())
    : eq(measures.id, planActions.measureId);
  const actions = d
    .select({
      row: planActions,
      authorName: author.name,
      organisation: { id: organisations.id, ...namesOf(organisations) },
      measure: { id: measures.id, ...measureTitles },
    })
    .from(planActions)
    .leftJoin(author, eq(author.id, planActions.authorId))
    .leftJoin(organisations, eq(organisations.id, planActions.organisationId))
    .leftJoin(measures, measureJoin)
    .where(eq(planActions.planId, planId))
    .orderBy(asc(planActions.position), asc(planActions.id))
    .all()
    .map(({ row, authorName, organisation, measure }) => ({
      id: row.id,
      text: row.text,
      carriedBy: row.carriedBy,
      organisationId: row.organisationId,
      organisation: organisation?.id ? organisation : null,
      timeline: row.timeline,
      dueDate: row.dueDate,
      measureId: row.measureId,
      measure: measure?.id ? measure : null,
      goalId: row.goalId,
      status: row.status,
      authorName,
      rev: revOf(itemValues("action", row)),
    }));
  const hider = alias(users, "hider");
  // This plan's comments only: a comment on another plan leaves this page cached (table-versions).
  const comments = readPartition("plan_comments", String(planId), () =>
    d
      .select({
        ...columnsOf(planComments, "id", "kind", "body", "createdAt"),
        authorName: author.name,
        ...columnsOf(planComments, "hiddenAt", "hiddenReason"),
        hiddenByName: hider.name,
        openReports: sql<number>`(select count(*) from ${commentReports} r where r.comment_id = ${planComments.id} and r.resolved_at is null)`,
      })
      .from(planComments)
      .leftJoin(author, eq(author.id, planComments.authorId))
      .leftJoin(hider, eq(hider.id, planComments.hiddenById))
      .where(eq(planComments.planId, planId))
      .orderBy(asc(planComments.createdAt), asc(planComments.id))
      .all(),
  )
    // Hidden comments exist only for moderators; nobody else gets even their text.
    .filter((c) => opts.moderator || !c.hiddenAt)
    .map((c) => ({ ...c, hidden: !!c.hiddenAt, openReports: opts.moderator ? c.openReports : 0 }));
  const reviewer = plan.reviewingGroupId
    ? (d
        .select({ id: groups.id, ...namesOf(groups) })
        .from(groups)
        .where(eq(groups.id, plan.reviewingGroupId))
        .get() ?? null)
    : null;
  // While changes are asked for, the network's latest feedback is what the authors must read first.
  const latestFeedback =
    plan.status === "changes_requested" ? comments.filter((c) => c.kind === "feedback" && !c.hidden).at(-1) : undefined;
  return {
    feedback: latestFeedback
      ? { body: latestFeedback.body, authorName: latestFeedback.authorName, createdAt: latestFeedback.createdAt }
      : null,
    plan: {
      id: plan.id,
      title: plan.title,
      situation: plan.situation,
      status: plan.status,
      version: plan.version,
      createdAt: plan.createdAt,
      updatedAt: plan.updatedAt,
      submittedAt: plan.submittedAt,
      publishedAt: plan.publishedAt,
      archivedAt: plan.archivedAt,
      withdrawnAt: plan.withdrawnAt,
      basicsRev: revOf(basicsValues(plan)),
      basicsAuthorName: userName(d, basicsAuthorId),
    },
    area,
    ancestors,
    networks: networksCoveringArea(plan.areaId, d),
    reviewer,
    authors,
    observations,
    goals,
    actions,
    comments,
    missing: missingSections(planId, d),
  };
}

export type PlanView = NonNullable<ReturnType<typeof getPlanView>>;

// ---------------------------------------------------------------------------------------------
// History

type Change = {
  section: "basics" | "observation" | "goal" | "action" | "authors" | "status" | "citation";
  kind: "added" | "changed" | "removed";
  text: string;
  by: string | null;
};

function diffSnapshots(before: PlanSnapshot | null, after: PlanSnapshot, names: Map<string, string>, cited: Map<number, string>): Change[] {
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const changes: Change[] = [];
  if (before && (before.title !== after.title || before.situation !== after.situation))
    changes.push({ section: "basics", kind: "changed", text: after.title, by: name(after.basicsAuthorId) });
  if (before && before.status !== after.status) changes.push({ section: "status", kind: "changed", text: after.status, by: null });
  const sections = [
    ["observation", before?.observations ?? [], after.observations],
    ["goal", before?.goals ?? [], after.goals],
    ["action", before?.actions ?? [], after.actions],
  ] as const;
  for (const [section, old, now] of sections) {
    const oldById = new Map<number, { text: string; authorId: string | null }>(old.map((i) => [i.id, i]));
    for (const item of now) {
      const prev = oldById.get(item.id);
      if (!prev) changes.push({ section, kind: "added", text: item.text, by: name(item.authorId) });
      else if (JSON.stringify(prev) !== JSON.stringify(item))
        changes.push({ section, kind: "changed", text: item.text, by: name(item.authorId) });
    }
    const nowIds = new Set(now.map((i) => i.id));
    for (const item of old) if (!nowIds.has(item.id)) changes.push({ section, kind: "removed", text: item.text, by: null });
  }
  const oldAuthors = new Set((before?.authors ?? []).map((a) => a.userId));
  for (const a of after.authors)
    if (before && !oldAuthors.has(a.userId)) changes.push({ section: "authors", kind: "added", text: name(a.userId) ?? "–", by: null });
  const newAuthors = new Set(after.authors.map((a) => a.userId));
  for (const a of before?.authors ?? [])
    if (!newAuthors.has(a.userId)) changes.push({ section: "authors", kind: "removed", text: name(a.userId) ?? "–", by: null });
  // Citations of map observations, by their text (an observation no longer published: its number).
  const citedText = (id: number) => cited.get(id) ?? `#${id}`;
  if (before) {
    const was = new Set(before.citedObservationIds ?? []);
    const is = new Set(after.citedObservationIds ?? []);
    for (const id of is) if (!was.has(id)) changes.push({ section: "citation", kind: "added", text: citedText(id), by: null });
    for (const id of was) if (!is.has(id)) changes.push({ section: "citation", kind: "removed", text: citedText(id), by: null });
  }
  return changes;
}

/** Every saved version, newest first, with what changed in it and whose words each item is. */
export function planHistory(planId: number, r: Reader = db()) {
  const saver = alias(users, "saver");
  const rows = r
    .select({
      ...columnsOf(planVersions, "id", "version", "snapshot", "savedAt", "note", "savedById"),
      savedByName: saver.name,
    })
    .from(planVersions)
    .leftJoin(saver, eq(saver.id, planVersions.savedById))
    .where(eq(planVersions.planId, planId))
    .orderBy(asc(planVersions.id))
    .all();
  const snapshots = rows.map((row) => parseSnapshot(row.snapshot));
  const ids = new Set<string>();
  for (const s of snapshots) {
    if (s.basicsAuthorId) ids.add(s.basicsAuthorId);
    for (const a of s.authors) ids.add(a.userId);
    for (const i of [...s.observations, ...s.goals, ...s.actions]) if (i.authorId) ids.add(i.authorId);
  }
  const names = new Map(
    ids.size
      ? r
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, [...ids]))
          .all()
          .map((u) => [u.id, u.name])
      : [],
  );
  // The texts of the cited observations that are still published (the public's text, not the reporter).
  const citedIds = [...new Set(snapshots.flatMap((s) => s.citedObservationIds ?? []))];
  const cited = new Map(
    citedIds.length
      ? r
          .select({ id: observations.id, description: observations.description })
          .from(observations)
          .where(and(inArray(observations.id, citedIds), eq(observations.review, "approved")))
          .all()
          .map((o) => [o.id, o.description.length > 90 ? `${o.description.slice(0, 87)}…` : o.description])
      : [],
  );
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const versions = rows.map((row, i) => {
    const s = snapshots[i]!;
    return {
      id: row.id,
      version: row.version,
      savedAt: row.savedAt,
      lastSavedAt: new Date(s.lastSavedAt),
      savedByName: row.savedByName,
      note: row.note,
      status: s.status,
      changes: diffSnapshots(i > 0 ? snapshots[i - 1]! : null, s, names, cited),
      content: {
        title: s.title,
        situation: s.situation,
        basicsBy: name(s.basicsAuthorId),
        observations: s.observations.map((o) => ({ id: o.id, text: o.text, placeName: o.placeName, by: name(o.authorId) })),
        goals: s.goals.map((g) => ({ id: g.id, text: g.text, by: name(g.authorId) })),
        actions: s.actions.map((a) => ({ id: a.id, text: a.text, by: name(a.authorId) })),
      },
    };
  });
  // Who wrote what in the plan as it stands now.
  const current = snapshots[snapshots.length - 1];
  const tally = new Map<string, { name: string; basics: boolean; observations: number; goals: number; actions: number }>();
  const entry = (id: string | null) => {
    const key = id ?? "";
    if (!tally.has(key)) tally.set(key, { name: name(id) ?? "–", basics: false, observations: 0, goals: 0, actions: 0 });
    return tally.get(key)!;
  };
  if (current) {
    entry(current.basicsAuthorId).basics = true;
    for (const o of current.observations) entry(o.authorId).observations++;
    for (const g of current.goals) entry(g.authorId).goals++;
    for (const a of current.actions) entry(a.authorId).actions++;
  }
  return { versions: versions.reverse(), contributions: [...tally.values()] };
}

/**
 * The plan editor's "linked city measure" choices: the measures aimed at the plan's area (at the
 * area itself, an area above it or one within it, as the measure list's area filter matches them)
 * first, then the rest of the plan in force; each in code order.
 */
export function linkableMeasures(cityPlanId: number, areaId: number, opts: { publicOnly: boolean }) {
  const pick = (m: { id: number; code: string; title: string }) => ({ id: m.id, code: m.code, title: m.title });
  const nearby = listMeasures({ planId: cityPlanId, areaId, pageSize: 500 }, opts).rows.map(pick);
  const near = new Set(nearby.map((m) => m.id));
  const others = listMeasures({ planId: cityPlanId, pageSize: 500 }, opts)
    .rows.filter((m) => !near.has(m.id))
    .map(pick);
  return { nearby, others };
}
