// The one place that answers "may this person do X (on this record)". Every loader and action
// calls `can` or `authorize`; routes never inspect memberships themselves.
import type { Viewer } from "./viewer.server";
import {
  expertOrganisationIds,
  isCoordinator,
  isExpertMember,
  isNetworkMember,
  isResident,
  isSituationMember,
  isStaff,
  isSteeringMember,
  memberGroupIds,
} from "./viewer.server";

/** Every permission the application knows. A new feature adds its permissions here. */
export type Permission =
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
  | { kind: "group.view"; groupId: number }
  // City level (strategy, plan, measures). `measure` carries what ownership checks need.
  | { kind: "measure.viewAll" }
  | { kind: "measure.propose" }
  | { kind: "measure.decide" }
  | { kind: "measure.edit"; measure: MeasureOwnership }
  | { kind: "measure.followUp"; measure: MeasureOwnership }
  | { kind: "measure.viewHistory" }
  | { kind: "measure.import" }
  | { kind: "plan.manage" }
  // Steering: indicators and status reviews.
  | { kind: "indicator.view" }
  | { kind: "indicator.manage" }
  | { kind: "indicator.define" }
  | { kind: "review.view" }
  | { kind: "review.create" }
  | { kind: "review.assess" }
  | { kind: "review.send" }
  | { kind: "review.record" }
  // Neighbourhood level. `plan` carries what the rules need, computed by the domain module.
  | { kind: "neighbourhoodPlan.create"; areaId: number }
  | { kind: "neighbourhoodPlan.view"; plan: NeighbourhoodPlanAccess }
  | { kind: "neighbourhoodPlan.edit"; plan: NeighbourhoodPlanAccess }
  | { kind: "neighbourhoodPlan.withdraw"; plan: NeighbourhoodPlanAccess }
  | { kind: "neighbourhoodPlan.review"; plan: NeighbourhoodPlanAccess }
  | { kind: "neighbourhoodPlan.followUp"; plan: NeighbourhoodPlanAccess }
  | { kind: "neighbourhoodPlan.viewHistory"; plan: NeighbourhoodPlanAccess }
  | { kind: "comment.create"; plan: NeighbourhoodPlanAccess }
  | { kind: "comment.report" }
  | { kind: "comment.hide"; plan: NeighbourhoodPlanAccess }
  | { kind: "network.view"; groupId: number }
  | { kind: "network.note"; groupId: number }
  | { kind: "areas.import" }
  | { kind: "areas.manage" }
  // Group workspaces.
  | { kind: "workspace.view"; groupId: number }
  | { kind: "workspace.manage"; groupId: number }
  | { kind: "document.read"; doc: DocumentAccess }
  | { kind: "document.update"; doc: DocumentAccess }
  | { kind: "document.create"; groupId: number | null }
  | { kind: "document.manageGrants"; doc: DocumentAccess }
  | { kind: "accessLog.view" }
  // The situation room (rapid response): staff see the situations they may read (decided per row in
  // SQL by situations.server); only the secretariat convenes one.
  | { kind: "situation.list" }
  | { kind: "situation.convene" }
  // The register's own books: second-factor settings, the processing register.
  | { kind: "admin.security" }
  // The data subject's requests (rectification, objection): anyone signed in sends their own, the
  // coordinators (the controller's contact point) read them with the requester's identity and answer.
  | { kind: "rightsRequest.send" }
  | { kind: "rightsRequest.handle" }
  // Residents' e-consultations (issue 16): the secretariat runs them, residents answer, the
  // steering group follows the results live, and the covering network helps moderate free text.
  | { kind: "consultation.manage" }
  | { kind: "consultation.answer" }
  | { kind: "consultation.liveResults" }
  | { kind: "consultation.moderate"; networkGroupIds: number[] }
  | { kind: "consultation.moderateAny" }
  // Map observations: anyone signed in reports; the covering network or a coordinator approves;
  // the expert group, the covering network and coordinators handle; coordinators keep the categories.
  | { kind: "observation.report" }
  | { kind: "observation.staffView" }
  | { kind: "observation.moderate"; observation: ObservationAccess }
  | { kind: "observation.handle"; observation: ObservationAccess }
  | { kind: "observation.categories" };

/** What the observation rules need: the networks covering its area (or an area above it). */
export type ObservationAccess = { networkGroupIds: number[] };

/** What the neighbourhood-plan rules need to know about a plan. */
export type NeighbourhoodPlanAccess = {
  status: "draft" | "submitted" | "changes_requested" | "accepted" | "published" | "archived" | "withdrawn";
  authorIds: string[];
  /** Networks covering the plan's area (or an area above it). */
  networkGroupIds: number[];
};

/** What the document rules need: its class, its workspace, and the grant the viewer holds on it. */
export type DocumentAccess = {
  publicity: "public" | "partly_confidential" | "confidential";
  groupId: number | null;
  grant: "none" | "read" | "update";
};

const isAuthor = (v: Viewer, p: NeighbourhoodPlanAccess) => p.authorIds.includes(v.id);
const inCoveringNetwork = (v: Viewer, p: NeighbourhoodPlanAccess) => memberGroupIds(v).some((id) => p.networkGroupIds.includes(id));
const isPublicPlan = (p: NeighbourhoodPlanAccess) => p.status === "published" || p.status === "archived";
const isGroupMember = (v: Viewer, groupId: number | null) => groupId != null && memberGroupIds(v).includes(groupId);
const managesGroup = (v: Viewer, groupId: number) =>
  v.memberships.some((m) => m.groupId === groupId && (m.position === "chair" || m.position === "vice_chair" || m.position === "secretary"));

/** Who owns a measure: its organisation and its named responsible person. */
export type MeasureOwnership = { ownerOrganisationId: number; responsibleUserId: string | null };

/** The organisation's expert-group members and the responsible person keep a measure up to date. */
const ownsMeasure = (v: Viewer, m: MeasureOwnership) =>
  m.responsibleUserId === v.id || expertOrganisationIds(v).includes(m.ownerOrganisationId);

type Rule<A extends Permission> = (viewer: Viewer, permission: A) => boolean;
type Rules = { [K in Permission["kind"]]: Rule<Extract<Permission, { kind: K }>> };

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
  // Staff see every measure, proposals and internal follow-up included; others see published ones.
  "measure.viewAll": (v) => isStaff(v),
  "measure.propose": (v) => isExpertMember(v) || isCoordinator(v),
  "measure.decide": (v) => isCoordinator(v) || isSteeringMember(v),
  "measure.edit": (v, a) => isCoordinator(v) || ownsMeasure(v, a.measure),
  "measure.followUp": (v, a) => isCoordinator(v) || ownsMeasure(v, a.measure),
  "measure.viewHistory": (v) => isStaff(v),
  "measure.import": (v) => isCoordinator(v),
  "plan.manage": (v) => isCoordinator(v),
  "indicator.view": (v) => isStaff(v),
  "indicator.manage": (v) => isCoordinator(v) || isExpertMember(v),
  // What is measured, and which way is good, is the secretariat's to set up (values are the experts').
  "indicator.define": (v) => isCoordinator(v),
  // The expert group prepares reviews, the steering group reads and decides, the secretariat runs it.
  "review.view": (v) => isCoordinator(v) || isSteeringMember(v) || isExpertMember(v),
  "review.create": (v) => isCoordinator(v),
  "review.assess": (v) => isCoordinator(v) || isExpertMember(v),
  "review.send": (v) => isCoordinator(v),
  "review.record": (v) => isCoordinator(v) || isSteeringMember(v),
  // Residents write plans for their own area; the area's network reviews; published plans are public.
  "neighbourhoodPlan.create": (v, a) => v.residentAreaIds.includes(a.areaId),
  "neighbourhoodPlan.view": (v, a) =>
    isPublicPlan(a.plan) ||
    isAuthor(v, a.plan) ||
    isCoordinator(v) ||
    (a.plan.status !== "draft" && a.plan.status !== "withdrawn" && inCoveringNetwork(v, a.plan)),
  "neighbourhoodPlan.edit": (v, a) => isAuthor(v, a.plan) && (a.plan.status === "draft" || a.plan.status === "changes_requested"),
  "neighbourhoodPlan.withdraw": (v, a) =>
    isAuthor(v, a.plan) && ["draft", "submitted", "changes_requested", "accepted"].includes(a.plan.status),
  "neighbourhoodPlan.review": (v, a) => a.plan.status === "submitted" && (inCoveringNetwork(v, a.plan) || isCoordinator(v)),
  "neighbourhoodPlan.followUp": (v, a) =>
    a.plan.status === "published" && (isAuthor(v, a.plan) || inCoveringNetwork(v, a.plan) || isCoordinator(v)),
  // The drafting history (earlier wordings, who saved when) stays with the people who worked on the plan.
  "neighbourhoodPlan.viewHistory": (v, a) =>
    isAuthor(v, a.plan) || isCoordinator(v) || (a.plan.status !== "draft" && a.plan.status !== "withdrawn" && inCoveringNetwork(v, a.plan)),
  "comment.create": (v, a) =>
    ["submitted", "changes_requested", "accepted", "published"].includes(a.plan.status) &&
    (a.plan.status === "published" || isAuthor(v, a.plan) || inCoveringNetwork(v, a.plan) || isCoordinator(v)),
  "comment.report": () => true,
  "comment.hide": (v, a) => inCoveringNetwork(v, a.plan) || isCoordinator(v),
  "network.view": (v, a) => isCoordinator(v) || isGroupMember(v, a.groupId),
  "network.note": (v, a) => isCoordinator(v) || isGroupMember(v, a.groupId),
  "areas.import": (v) => isCoordinator(v),
  // Retiring, merging and removing areas is the secretariat's, like the import.
  "areas.manage": (v) => isCoordinator(v),
  // Workspaces are for their current members (and the secretariat).
  "workspace.view": (v, a) => isCoordinator(v) || isGroupMember(v, a.groupId),
  "workspace.manage": (v, a) => isCoordinator(v) || managesGroup(v, a.groupId),
  // A public document is read by its workspace; a non-public one only with a grant (coordinators
  // keep the register and may read it, and every such opening is logged).
  "document.read": (v, a) =>
    isCoordinator(v) ||
    a.doc.grant !== "none" ||
    (a.doc.publicity === "public" && (a.doc.groupId == null ? isStaff(v) : isGroupMember(v, a.doc.groupId))),
  "document.update": (v, a) =>
    a.doc.grant === "update" ||
    (a.doc.publicity === "public" && (isCoordinator(v) || (a.doc.groupId != null && managesGroup(v, a.doc.groupId)))),
  "document.create": (v, a) => isCoordinator(v) || (a.groupId != null && isGroupMember(v, a.groupId)),
  // Who may read or update a document: its updaters decide, and the secretariat keeps the register.
  "document.manageGrants": (v, a) => isCoordinator(v) || RULES["document.update"](v, { kind: "document.update", doc: a.doc }),
  "accessLog.view": (v) => isCoordinator(v),
  // Staff, and the outside members of a situation's group (who see only the situations they are in).
  "situation.list": (v) => isStaff(v) || isSituationMember(v),
  "situation.convene": (v) => isCoordinator(v),
  "admin.security": (v) => isCoordinator(v),
  "rightsRequest.send": () => true,
  "rightsRequest.handle": (v) => isCoordinator(v),
  "consultation.manage": (v) => isCoordinator(v),
  "consultation.answer": (v) => isResident(v),
  "consultation.liveResults": (v) => isCoordinator(v) || isSteeringMember(v),
  // A free-text answer: the coordinators, or the network covering the answerer's home area.
  "consultation.moderate": (v, a) => isCoordinator(v) || memberGroupIds(v).some((id) => a.networkGroupIds.includes(id)),
  // Opening the moderation page at all: the coordinators and the district networks.
  "consultation.moderateAny": (v) => isCoordinator(v) || isNetworkMember(v),
  "observation.report": () => true,
  "observation.staffView": (v) => isCoordinator(v) || isExpertMember(v) || isNetworkMember(v),
  "observation.moderate": (v, a) => isCoordinator(v) || memberGroupIds(v).some((id) => a.observation.networkGroupIds.includes(id)),
  "observation.handle": (v, a) =>
    isCoordinator(v) || isExpertMember(v) || memberGroupIds(v).some((id) => a.observation.networkGroupIds.includes(id)),
  "observation.categories": (v) => isCoordinator(v),
};

/** Anonymous visitors hold none of the permissions above; public pages need no check. */
export function can(viewer: Viewer | null, permission: Permission): boolean {
  if (!viewer) return false;
  const rule = RULES[permission.kind] as Rule<Permission>;
  return rule(viewer, permission);
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
  items.push({ to: "/plan", labelKey: "nav.plan" });
  items.push({ to: "/measures", labelKey: "nav.measures" });
  // Published residents' safety plans are public: everyone finds them from the menu.
  items.push({ to: "/neighbourhood-plans", labelKey: "nav.neighbourhoodPlans" });
  // Residents' consultations are open to everyone to read (answering needs a resident account).
  items.push({ to: "/consultations", labelKey: "nav.consultations" });
  // The map of residents' safety observations is public; reporting needs an account.
  items.push({ to: "/observations", labelKey: "observations.nav" });
  if (can(viewer, { kind: "indicator.view" })) items.push({ to: "/indicators", labelKey: "nav.indicators" });
  if (can(viewer, { kind: "steering.view" })) items.push({ to: "/steering", labelKey: "nav.steering" });
  if (can(viewer, { kind: "review.view" })) items.push({ to: "/reviews", labelKey: "nav.reviews" });
  if (can(viewer, { kind: "expert.view" })) items.push({ to: "/expert", labelKey: "nav.expert" });
  if (can(viewer, { kind: "areas.view" })) items.push({ to: "/areas", labelKey: "nav.areas" });
  if (isStaff(viewer)) items.push({ to: "/workspaces", labelKey: "nav.workspaces" });
  if (can(viewer, { kind: "situation.list" })) items.push({ to: "/situations", labelKey: "nav.situations" });
  if (can(viewer, { kind: "myArea.view" })) items.push({ to: "/my-area", labelKey: "nav.myArea" });
  if (can(viewer, { kind: "admin.view" })) items.push({ to: "/admin", labelKey: "nav.admin" });
  return items;
}
