// The guard every workspace route starts with: a signed-in person, an existing group (404), and
// the right to enter its workspace (403) — current members and coordinators only.
import type { AppLoadContext } from "@remix-run/node";
import { forbidden, idParam, notFound, requireViewer } from "../people/guard.server";
import { can } from "../people/permissions.server";
import { getGroup } from "./workspaces.server";

export async function requireWorkspace(
  request: Request,
  context: AppLoadContext,
  groupIdParam: string | undefined,
  need: "view" | "manage" = "view",
) {
  const viewer = await requireViewer(request, context);
  const groupId = idParam(groupIdParam);
  const group = getGroup(groupId);
  if (!group) notFound();
  if (!can(viewer, { kind: "workspace.view", groupId })) forbidden();
  const canManage = can(viewer, { kind: "workspace.manage", groupId });
  if (need === "manage" && !canManage) forbidden();
  return { viewer, group, groupId, canManage };
}

/** The client's address for the access log (the HTTP server puts it on the context). */
export function clientIp(context: AppLoadContext): string | null {
  return typeof context.clientIp === "string" ? context.clientIp : null;
}
