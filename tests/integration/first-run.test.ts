// An empty city (npm run setup -- --empty): no demo data, and the first coordinator is created
// once, only while the database has no users; two at once make one.
import { describe, expect, it } from "vitest";
import { areas, groups, users } from "../../db/schema";
import { createFirstCoordinator, hasUsers } from "~/server/people/first-run.server";
import { db } from "~/server/platform/db.server";
import { can } from "~/server/people/permissions.server";
import { loadViewer } from "~/server/people/viewer.server";
import { verifyPassword } from "~/server/people/passwords.server";

describe("the first run of an empty city", () => {
  it("creates the first coordinator with the coordinators' group, then never again", async () => {
    expect(db().select().from(areas).all()).toEqual([]);
    expect(hasUsers()).toBe(false);
    const input = { name: "Kaisa Koordinaattori", email: " Kaisa@Kaupunki.fi ", password: "pitkä salasana 123", locale: "fi" as const };
    const [first, second] = await Promise.all([
      createFirstCoordinator(input),
      createFirstCoordinator({ ...input, email: "toinen@kaupunki.fi" }),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const created = first.ok ? first : second;
    if (!created.ok) throw new Error("no coordinator");
    expect(hasUsers()).toBe(true);
    const all = db().select().from(users).all();
    expect(all.map((u) => u.email)).toHaveLength(1);
    expect(await verifyPassword(all[0]!.passwordHash!, input.password)).toBe(true);
    expect(db().select({ kind: groups.kind, nameFi: groups.nameFi }).from(groups).all()).toEqual([
      { kind: "coordinators", nameFi: "Koordinaattorit" },
    ]);
    const viewer = loadViewer(created.userId)!;
    expect(can(viewer, { kind: "admin.view" })).toBe(true);
    expect(can(viewer, { kind: "areas.import" })).toBe(true);
    expect(await createFirstCoordinator({ ...input, email: "kolmas@kaupunki.fi" })).toEqual({ ok: false, reason: "taken" });
  });
});
