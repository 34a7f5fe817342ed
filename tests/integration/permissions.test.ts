// The permission module against real memberships from the demo city.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { groups, memberships } from "../../db/schema";
import { db } from "~/server/platform/db.server";
import { clock } from "~/server/platform/clock";
import { addMembership, endMembership, getUserDetail } from "~/server/people/directory.server";
import { can, homePathFor, navigationFor, type Permission } from "~/server/people/permissions.server";
import { loadViewer, viewerById } from "~/server/people/viewer.server";
import { DEMO, seedOnce, userIdOf, viewerOf } from "./fixtures";

beforeAll(seedOnce);

const ROLE_ACTIONS: Permission["kind"][] = [
  "steering.view",
  "expert.view",
  "areas.view",
  "myArea.view",
  "admin.view",
  "admin.manageUsers",
  "admin.invite",
  "rightsRequest.send",
  "rightsRequest.handle",
];

describe("who may do what", () => {
  const expectations: Record<keyof typeof DEMO, Permission["kind"][]> = {
    coordinator: [
      "steering.view",
      "expert.view",
      "areas.view",
      "admin.view",
      "admin.manageUsers",
      "admin.invite",
      "rightsRequest.send",
      "rightsRequest.handle",
    ],
    mayor: ["steering.view", "areas.view", "rightsRequest.send"],
    expert: ["expert.view", "areas.view", "rightsRequest.send"],
    network: ["areas.view", "rightsRequest.send"],
    resident: ["myArea.view", "rightsRequest.send"],
  };
  for (const [role, allowed] of Object.entries(expectations) as [keyof typeof DEMO, Permission["kind"][]][]) {
    it(`${role} may do exactly ${allowed.join(", ")}`, () => {
      const viewer = viewerOf(DEMO[role]);
      const granted = ROLE_ACTIONS.filter((kind) => can(viewer, { kind } as Permission));
      expect(granted).toEqual(allowed);
    });
  }

  it("anonymous visitors may do none of it", () => {
    expect(ROLE_ACTIONS.filter((kind) => can(null, { kind } as Permission))).toEqual([]);
  });

  it("sends each role to its own landing page and shows it the matching navigation", () => {
    expect(homePathFor(viewerOf(DEMO.coordinator))).toBe("/admin");
    expect(homePathFor(viewerOf(DEMO.mayor))).toBe("/steering");
    expect(homePathFor(viewerOf(DEMO.expert))).toBe("/expert");
    expect(homePathFor(viewerOf(DEMO.network))).toBe("/areas");
    expect(homePathFor(viewerOf(DEMO.resident))).toBe("/my-area");
    expect(navigationFor(viewerOf(DEMO.resident)).map((n) => n.to)).toEqual([
      "/",
      "/plan",
      "/measures",
      "/neighbourhood-plans",
      "/consultations",
      "/observations",
      "/my-area",
    ]);
    // Published residents' safety plans are found from the menu without signing in.
    expect(navigationFor(null).map((n) => n.to)).toEqual([
      "/",
      "/plan",
      "/measures",
      "/neighbourhood-plans",
      "/consultations",
      "/observations",
    ]);
  });

  it("a person can hold several roles at once", () => {
    const coordinatorId = userIdOf(DEMO.coordinator);
    const expertGroup = db().select().from(groups).where(eq(groups.kind, "expert")).get()!;
    const steering = db().select().from(groups).where(eq(groups.kind, "steering")).get()!;
    const network = db().select().from(groups).where(eq(groups.kind, "network")).get()!;
    const residentId = userIdOf(DEMO.resident);
    expect(
      addMembership(viewerById(coordinatorId), { userId: residentId, groupId: network.id, organisationId: null, position: "member" }),
    ).toEqual({
      ok: true,
    });
    const both = loadViewer(residentId)!;
    expect(can(both, { kind: "areas.view" })).toBe(true);
    expect(can(both, { kind: "myArea.view" })).toBe(true);
    expect(can(both, { kind: "group.view", groupId: network.id })).toBe(true);
    expect(can(both, { kind: "group.view", groupId: steering.id })).toBe(false);
    // Expert-group members always represent an organisation.
    expect(
      addMembership(viewerById(coordinatorId), { userId: residentId, groupId: expertGroup.id, organisationId: null, position: "member" }),
    ).toEqual({ ok: false, reason: "organisationRequired" });
  });

  it("ending a membership ends the access at once, and keeps the record", () => {
    const expertId = userIdOf(DEMO.expert);
    const coordinatorId = userIdOf(DEMO.coordinator);
    const membership = getUserDetail(expertId)!.memberships.find((m) => m.groupKind === "expert")!;
    expect(can(loadViewer(expertId), { kind: "expert.view" })).toBe(true);
    expect(endMembership(viewerById(coordinatorId), membership.id)).toBe(true);
    expect(can(loadViewer(expertId), { kind: "expert.view" })).toBe(false);
    expect(getUserDetail(expertId)!.memberships.find((m) => m.id === membership.id)?.leftAt).not.toBeNull();
    expect(endMembership(viewerById(coordinatorId), membership.id)).toBe(false);
  });

  it("a membership with an end date still ahead gives access until that moment", () => {
    const mayorId = userIdOf(DEMO.mayor);
    const steeringMembership = getUserDetail(mayorId)!.memberships.find((m) => m.groupKind === "steering")!;
    const endsAt = new Date(clock.ms() + 2 * 60 * 60 * 1000);
    db().update(memberships).set({ leftAt: endsAt }).where(eq(memberships.id, steeringMembership.id)).run();
    expect(can(loadViewer(mayorId), { kind: "steering.view" })).toBe(true);
    expect(can(loadViewer(mayorId, new Date(endsAt.getTime() - 1000)), { kind: "steering.view" })).toBe(true);
    expect(can(loadViewer(mayorId, new Date(endsAt.getTime() + 60_000)), { kind: "steering.view" })).toBe(false);
    db().update(memberships).set({ leftAt: null }).where(eq(memberships.id, steeringMembership.id)).run();
  });
});
