// The one place that answers "may this person do X (on this record)". Every loader and action
// calls `can` or `authorize`; routes never inspect memberships themselves.
import type { Viewer } from "./viewer.server";
import {
  isCoordinator,
  isExpertMember,
  isNetworkMember,
  isResident,
  isStaff,
  isSteeringMember,
  memberGroupIds,
} from "./viewer.server";

/** Every permission the application knows. A new feature adds its actions here. */
export type Action =
  | { kind: "account.view" }
  | { kind: "steering.view" }
  | { kind: "expert.view" }
  | { kind: "areas.view" }
  | { kind: "myArea.view" }
  | { kind: "admin.view" }
  | { kind: "admin.manageUsers" }
  | { kind: "admin.manageOrganisations" }
  | { kind: "admin.manageGroups" }
  | { kind: "admin.invite" }
  | { kind: "group.view"; groupId: number };

type Rule<A extends Action> = (viewer: Viewer, action: A) => boolean;
type Rules = { [K in Action["kind"]]: Rule<Extract<Action, { kind: K }>> };

const RULES: Rules = {
  "account.view": () => true,
  "steering.view": (v) => isSteeringMember(v) || isCoordinator(v),
  "expert.view": (v) => isExpertMember(v) || isCoordinator(v),
  "areas.view": (v) => isStaff(v),
  "myArea.view": (v) => isResident(v),
  "admin.view": (v) => isCoordinator(v),
  "admin.manageUsers": (v) => isCoordinator(v),
  "admin.manageOrganisations": (v) => isCoordinator(v),
  "admin.manageGroups": (v) => isCoordinator(v),
  "admin.invite": (v) => isCoordinator(v),
  "group.view": (v, a) => isCoordinator(v) || memberGroupIds(v).includes(a.groupId),
};

/** Anonymous visitors may do none of the actions above; public pages need no check. */
export function can(viewer: Viewer | null, action: Action): boolean {
  if (!viewer) return false;
  const rule = RULES[action.kind] as Rule<Action>;
  return rule(viewer, action);
}

/** Where a person lands after signing in: the first workspace their roles open. */
export function homePathFor(viewer: Viewer): string {
  if (isCoordinator(viewer)) return "/admin";
  if (isSteeringMember(viewer)) return "/steering";
  if (isExpertMember(viewer)) return "/expert";
  if (isNetworkMember(viewer)) return "/areas";
  if (isResident(viewer)) return "/my-area";
  return "/account";
}

/** Navigation entries a person sees; the shell renders exactly these. */
export function navigationFor(viewer: Viewer | null) {
  const items: { to: string; labelKey: string }[] = [{ to: "/", labelKey: "nav.home" }];
  if (can(viewer, { kind: "steering.view" })) items.push({ to: "/steering", labelKey: "nav.steering" });
  if (can(viewer, { kind: "expert.view" })) items.push({ to: "/expert", labelKey: "nav.expert" });
  if (can(viewer, { kind: "areas.view" })) items.push({ to: "/areas", labelKey: "nav.areas" });
  if (can(viewer, { kind: "myArea.view" })) items.push({ to: "/my-area", labelKey: "nav.myArea" });
  if (can(viewer, { kind: "admin.view" })) items.push({ to: "/admin", labelKey: "nav.admin" });
  return items;
}
