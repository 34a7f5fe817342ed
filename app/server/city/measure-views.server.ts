// Shared loader pieces for measure routes: which plan is meant, and what the form offers.
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { areas, groups, memberships, organisations, users } from "../../../db/schema";
import { db } from "../platform/db.server";
import { pageWindow } from "../platform/paging";
import { listGoals, listPriorityAreas } from "./plans.server";
import type { Viewer } from "../people/viewer.server";
import { can } from "../people/permissions.server";
import { getPlan, currentPlan } from "./plans.server";
import { clock } from "../platform/clock";
import { currentMembership } from "../people/memberships";
import { areaColumns, currentAreaCondition } from "./areas.server";
import { namesOf } from "../platform/select-names";
import { namesFrom } from "../../i18n/names";

/** The plan a request is about: `?plan=` if the viewer may see it, else the current one. */
export function resolvePlan(planId: number | undefined, viewer: Viewer | null) {
  const publicOnly = !can(viewer, { kind: "measure.viewAll" });
  const plan = planId ? getPlan(planId, { publicOnly }) : currentPlan({ publicOnly });
  return { plan, publicOnly };
}

/**
 * Everything the measure form offers to choose from. Former areas are not offered as targets,
 * except those in `keepAreaIds` (the targets a measure already has, so editing keeps them).
 */
export function measureFormOptions(plan: { id: number; strategyId: number | null }, now = clock.now(), keepAreaIds: number[] = []) {
  const d = db();
  const staff = d
    .selectDistinct({ id: users.id, name: users.name, organisationId: memberships.organisationId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(groups, eq(groups.id, memberships.groupId))
    .where(and(inArray(groups.kind, ["expert", "coordinators", "network"]), currentMembership(now), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
    .all();
  const people = [...new Map(staff.map((s) => [s.id, { id: s.id, name: s.name }])).values()];
  return {
    priorityAreas: listPriorityAreas(plan.id).map((p) => ({
      id: p.id,
      code: p.code,
      ...namesFrom(p),
    })),
    organisations: d
      .select({ id: organisations.id, ...namesOf(organisations) })
      .from(organisations)
      .orderBy(asc(organisations.nameFi))
      .all(),
    people,
    areas: d
      .select(areaColumns)
      .from(areas)
      .where(
        and(
          inArray(areas.level, ["major_district", "district", "sub_area"]),
          keepAreaIds.length ? or(currentAreaCondition(), inArray(areas.id, keepAreaIds)) : currentAreaCondition(),
        ),
      )
      .orderBy(asc(areas.code))
      .all(),
    goals: listGoals(plan.strategyId).map((g) => ({ id: g.id, code: g.code, ...namesFrom(g) })),
  };
}

export type MeasureFormOptions = ReturnType<typeof measureFormOptions>;

/** Follow-up entries shown on a measure page at a time: a measure reported on monthly for years has dozens. */
export const HISTORY_PAGE_SIZE = 10;

/** One page of a measure's follow-up history (newest first), with the earlier wordings of those entries. */
export function historyPage<E extends { id: number }, R extends { followUpId: number }>(
  entries: E[],
  revisions: R[],
  requestedPage: number,
) {
  const total = entries.length;
  const { page, pageCount, offset } = pageWindow(total, requestedPage, HISTORY_PAGE_SIZE);
  const shown = entries.slice(offset, offset + HISTORY_PAGE_SIZE);
  const shownIds = new Set(shown.map((e) => e.id));
  return { entries: shown, revisions: revisions.filter((r) => shownIds.has(r.followUpId)), page, pageCount, total };
}
