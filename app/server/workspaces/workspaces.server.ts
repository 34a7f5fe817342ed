// What the role pages show before the feature issues add their content: the groups of a kind
// with their members (and, for networks, the areas they cover).
import { and, eq, inArray } from "drizzle-orm";
import { areas, groupAreas, groups, type GroupKind } from "../../../db/schema";
import { db } from "../platform/db.server";
import { listGroupAreas, listGroupMembers } from "../people/directory.server";
import { isCoordinator, memberGroupIds, type Viewer } from "../people/viewer.server";
import { countReadableDocuments, documentsLinkedTo, documentsToRead } from "./documents.server";
import { listMyMeasures } from "../city/measures.server";
import { decisionsLinkedTo, listDecisions, listMeetings, nextMeetings } from "./meetings.server";
import { networkPlans } from "../neighbourhood/neighbourhood.server";
import { can } from "../people/permissions.server";
import { latestReview } from "../steering/reviews.server";
import { listThreads } from "./threads.server";
import { expertOrganisationIds } from "../people/viewer.server";
import { clock } from "../platform/clock";
import { namesOf } from "../platform/select-names";
import { namesFrom } from "../../i18n/names";

/** Groups of a kind the viewer belongs to; coordinators see them all. */
export function groupsForViewer(viewer: Viewer, kind: GroupKind) {
  const all = db().select().from(groups).where(eq(groups.kind, kind)).all();
  const mine = isCoordinator(viewer) ? all : all.filter((g) => memberGroupIds(viewer).includes(g.id));
  return mine.map((g) => ({ ...g, members: listGroupMembers(g.id), areas: kind === "network" ? listGroupAreas(g.id) : [] }));
}

/** A resident's home areas with the networks that cover them (or their parent district). */
export function homeAreasOf(viewer: Viewer) {
  if (!viewer.residentAreaIds.length) return [];
  const d = db();
  const home = d.select().from(areas).where(inArray(areas.id, viewer.residentAreaIds)).all();
  return home.map((area) => {
    const lineage = [area.id, area.parentId].filter((x): x is number => x != null);
    const networks = d
      .selectDistinct({ id: groups.id, ...namesOf(groups) })
      .from(groupAreas)
      .innerJoin(groups, eq(groups.id, groupAreas.groupId))
      .where(and(inArray(groupAreas.areaId, lineage), eq(groups.kind, "network")))
      .all();
    const parent = area.parentId ? (d.select().from(areas).where(eq(areas.id, area.parentId)).get() ?? null) : null;
    return { area, parent, networks };
  });
}

// ---------------------------------------------------------------------------------------------
// Group workspaces (issue 6): "my workspaces" and a workspace's front page.

/** Every group the viewer is a current member of; coordinators see every group. */
export function listWorkspaces(viewer: Viewer, now = clock.now()) {
  const all = db().select().from(groups).orderBy(groups.kind, groups.nameFi).all();
  const mine = isCoordinator(viewer) ? all : all.filter((g) => memberGroupIds(viewer).includes(g.id));
  const next = nextMeetings(
    mine.map((g) => g.id),
    now,
  );
  return mine.map((g) => ({
    id: g.id,
    kind: g.kind,
    ...namesFrom(g),
    member: memberGroupIds(viewer).includes(g.id),
    memberCount: listGroupMembers(g.id, { now }).length,
    nextMeeting: next.get(g.id) ?? null,
    toRead: documentsToRead(viewer, g.id).length,
  }));
}

export function getGroup(groupId: number) {
  return db().select().from(groups).where(eq(groups.id, groupId)).get() ?? null;
}

/** What needs the member's attention in one workspace, and who its members are. */
export function workspaceOverview(viewer: Viewer, groupId: number, now = clock.now()) {
  const group = getGroup(groupId);
  if (!group) return null;
  const members = listGroupMembers(groupId, { includeFormer: true, now });
  const isCurrent = (m: { leftAt: Date | null }) => !m.leftAt || m.leftAt.getTime() > now.getTime();
  return {
    group,
    members: members.filter(isCurrent),
    formerMembers: members.filter((m) => !isCurrent(m)),
    upcomingMeetings: listMeetings(viewer, groupId, { when: "upcoming", now, limit: 5 }),
    toRead: documentsToRead(viewer, groupId),
    documentCount: countReadableDocuments(viewer, groupId),
    threads: listThreads(groupId, 5),
    decisions: listDecisions(viewer, groupId).slice(0, 5),
    // The expert group follows up its own measures: the late and stale ones come first.
    myMeasures:
      group.kind === "expert" ? listMyMeasures(viewer.id, expertOrganisationIds(viewer), now).filter((m) => m.late || m.stale) : [],
    latestReview: group.kind === "steering" && can(viewer, { kind: "review.view" }) ? latestReview({ sentOnly: true }) : null,
    plansWaiting: group.kind === "network" ? networkPlans(groupId).waiting : [],
  };
}

/**
 * Decisions and documents that concern a measure (or a review or plan), for that record's page:
 * decisions for staff, documents only when the reader may read them (filtered in SQL).
 */
export function linkedRecords(viewer: Viewer | null, linkType: "measure" | "review" | "plan", linkId: number) {
  const decisions = decisionsLinkedTo(viewer, linkType, linkId).map((d) => ({
    ...d,
    canOpen: can(viewer, { kind: "workspace.view", groupId: d.groupId }),
  }));
  return { decisions, documents: documentsLinkedTo(viewer, linkType, linkId) };
}
