// Loads a neighbourhood plan for a route and decides whether the viewer may know it exists: a
// plan the viewer may not read (a draft, for anyone but its authors) is a 404, never a 403.
import type { AppLoadContext } from "@remix-run/node";
import { getViewer, idParam, notFound } from "../people/guard.server";
import { loadPlanAccess, PUBLIC_STATUSES } from "./plan-access.server";
import { can } from "../people/permissions.server";

export async function loadVisiblePlan(request: Request, context: AppLoadContext, planIdParam: string | undefined) {
  const viewer = await getViewer(request, context);
  const id = idParam(planIdParam);
  const found = loadPlanAccess(id);
  if (!found) notFound();
  // Anonymous visitors can do nothing in the permission module, but they read public plans.
  const visible = PUBLIC_STATUSES.includes(found.plan.status) || can(viewer, { kind: "neighbourhoodPlan.view", plan: found.access });
  if (!visible) notFound();
  return { viewer, id, plan: found.plan, access: found.access };
}
