// What the role pages show before the feature issues add their content: the groups of a kind
// with their members (and, for networks, the areas they cover).
import { and, eq, inArray } from "drizzle-orm";
import { areas, groupAreas, groups, type GroupKind } from "../../db/schema";
import { db } from "./db.server";
import { listGroupAreas, listGroupMembers } from "./directory.server";
import { isCoordinator, memberGroupIds, type Viewer } from "./viewer.server";

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
      .selectDistinct({ id: groups.id, nameFi: groups.nameFi, nameSv: groups.nameSv, nameEn: groups.nameEn })
      .from(groupAreas)
      .innerJoin(groups, eq(groups.id, groupAreas.groupId))
      .where(and(inArray(groupAreas.areaId, lineage), eq(groups.kind, "network")))
      .all();
    const parent = area.parentId ? d.select().from(areas).where(eq(areas.id, area.parentId)).get() ?? null : null;
    return { area, parent, networks };
  });
}
