// The signed-in person with their current memberships: the input of every permission check.
import { and, eq, sql } from "drizzle-orm";
import { groups, memberships, residencies, situations, users, type GroupKind, type Locale, type Position } from "../../../db/schema";
import { db } from "../platform/db.server";
import { cachedRead } from "../platform/read-cache.server";
import { clock } from "../platform/clock";
import { currentMembership } from "./memberships";
import { columnsOf } from "../platform/select-names";

export type ViewerMembership = {
  groupId: number;
  groupKind: GroupKind;
  organisationId: number | null;
  position: Position;
  /**
   * The group is a situation's cooperation group: membership for that situation only. It gives
   * access to the situation, never the staff rights of the standing groups (an outside security
   * company's guard is not city staff).
   */
  forSituation: boolean;
};

export type Viewer = {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  memberships: ViewerMembership[];
  residentAreaIds: number[];
};

/** Loads a viewer with only the memberships in force now (left members lose access at once). */
export function loadViewer(userId: string, now = clock.now()): Viewer | null {
  // Every signed-in request needs this; it changes only with a write (or a membership whose
  // end date passes, hence the minute in the key).
  return cachedRead(`viewer:${userId}`, () => computeViewer(userId, now), String(Math.floor(now.getTime() / 60_000)));
}

/**
 * The viewer of a known account, for the callers that start from an id rather than a request: the
 * demo seed, the benchmark's data set and tests. Throws when the account does not exist.
 */
export function viewerById(userId: string, now = clock.now()): Viewer {
  const viewer = loadViewer(userId, now);
  if (!viewer) throw new Error(`viewerById: no active account ${userId}`);
  return viewer;
}

/**
 * The three viewer queries, prepared once: after every write the viewer cache is stale, so a
 * stream of writes (follow-ups during a meeting) recomputes the viewer on each request.
 */
let statements: ReturnType<typeof prepareViewerQueries> | undefined;
function prepareViewerQueries() {
  const d = db();
  return {
    user: d
      .select()
      .from(users)
      .where(eq(users.id, sql.placeholder("userId")))
      .prepare(),
    memberships: d
      .select({
        groupId: memberships.groupId,
        groupKind: groups.kind,
        ...columnsOf(memberships, "organisationId", "position"),
        forSituation: sql<number>`${situations.id} is not null`,
      })
      .from(memberships)
      .innerJoin(groups, eq(groups.id, memberships.groupId))
      .leftJoin(situations, eq(situations.groupId, groups.id))
      .where(and(eq(memberships.userId, sql.placeholder("userId")), currentMembership(sql.placeholder("now"))))
      .prepare(),
    residencies: d
      .select({ areaId: residencies.areaId })
      .from(residencies)
      .where(eq(residencies.userId, sql.placeholder("userId")))
      .prepare(),
  };
}

function computeViewer(userId: string, now: Date): Viewer | null {
  statements ??= prepareViewerQueries();
  const user = statements.user.get({ userId });
  if (!user || user.disabledAt) return null;
  // Placeholders skip the column's mapping: leftAt is stored in epoch milliseconds.
  const active = statements.memberships.all({ userId, now: now.getTime() });
  const areaRows = statements.residencies.all({ userId });
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    locale: user.locale,
    memberships: active.map((m) => ({ ...m, forSituation: !!m.forSituation })),
    residentAreaIds: areaRows.map((r) => r.areaId),
  };
}

export const isCoordinator = (v: Viewer | null) => !!v?.memberships.some((m) => m.groupKind === "coordinators");
export const isSteeringMember = (v: Viewer | null) => !!v?.memberships.some((m) => m.groupKind === "steering");
export const isExpertMember = (v: Viewer | null) => !!v?.memberships.some((m) => m.groupKind === "expert");
export const isNetworkMember = (v: Viewer | null) => !!v?.memberships.some((m) => m.groupKind === "network");
export const isResident = (v: Viewer | null) => !!v && v.residentAreaIds.length > 0;
/** Staff: anyone working for the city's safety planning, as opposed to residents and the public. */
export const isStaff = (v: Viewer | null) => !!v && v.memberships.some((m) => !m.forSituation);
/** A member of some situation's cooperation group (and perhaps nothing else). */
export const isSituationMember = (v: Viewer | null) => !!v?.memberships.some((m) => m.forSituation);

/** Organisations the viewer represents in the expert group (they update these organisations' measures). */
export const expertOrganisationIds = (v: Viewer | null): number[] =>
  v ? [...new Set(v.memberships.filter((m) => m.groupKind === "expert" && m.organisationId).map((m) => m.organisationId!))] : [];

export const memberGroupIds = (v: Viewer | null): number[] => (v ? v.memberships.map((m) => m.groupId) : []);
