// Loads a measure for a route that changes it and checks the right, in one step.
import type { AppLoadContext } from "@remix-run/node";
import { forbidden, idParam, notFound, requireViewer } from "../people/guard.server";
import { getMeasureAccessInfo } from "./measures.server";
import { can } from "../people/permissions.server";

export async function requireMeasureRight(
  request: Request,
  context: AppLoadContext,
  measureIdParam: string | undefined,
  kind: "measure.edit" | "measure.followUp",
) {
  const viewer = await requireViewer(request, context);
  const id = idParam(measureIdParam);
  const info = getMeasureAccessInfo(id);
  // Staff learn that a measure exists only if they may see measures at all.
  if (!info || !can(viewer, { kind: "measure.viewAll" })) notFound();
  if (!can(viewer, { kind, measure: info })) forbidden();
  return { viewer, id, info };
}
