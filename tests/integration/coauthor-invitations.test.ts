// Inviting a neighbour to write a plan by e-mail, on a real database: a registered resident is
// added at once; anyone else gets a single-use, expiring link by mail (audited), and registering
// through it makes them a co-author of that plan with the plan's area as home area. A used or
// expired link is told apart from an unknown one.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { areas, auditLog, invitations, notifications, planAuthors, residencies, users } from "../../db/schema";
import {
  acceptCoauthorInvitation,
  addOrInviteCoauthor,
  COAUTHOR_INVITATIONS_PER_DAY,
  createNeighbourhoodPlan,
  invitationForPage,
  planHistory,
} from "~/server/neighbourhood/neighbourhood.server";
import { config } from "~/server/platform/config.server";
import { db } from "~/server/platform/db.server";
import { clock } from "~/server/platform/clock";
import { DEMO, seedOnce, userIdOf } from "./fixtures";
import { viewerById } from "~/server/people/viewer.server";

const SOFIA = "sofia.koivisto@demo.lahiturva.fi"; // a registered resident
const T0 = clock.now();
const days = (n: number) => new Date(T0.getTime() + n * 86400_000);

let linjat: number;
let resident: string;

/** The plain text of the newest outbox mail to an address (quoted-printable or base64 decoded). */
function mailTo(address: string): string {
  const outbox = join(config().dataDir, "outbox");
  const eml = (existsSync(outbox) ? readdirSync(outbox).sort() : [])
    .map((f) => readFileSync(join(outbox, f), "utf8"))
    .filter((m) => m.includes(`To: ${address}`))
    .at(-1);
  if (!eml) return "";
  const split = eml.indexOf("\r\n\r\n");
  const head = eml.slice(0, split);
  const body = eml.slice(split + 4);
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head))
    return Buffer.from(
      body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      "latin1",
    ).toString("utf8");
  return body;
}
const tokenIn = (text: string) => /\/invite\/([\w-]+)/.exec(text)?.[1] ?? "";

beforeAll(async () => {
  await seedOnce();
  linjat = db()
    .select({ id: areas.id })
    .from(areas)
    .where(and(eq(areas.level, "sub_area"), eq(areas.code, "30102")))
    .get()!.id;
  resident = userIdOf(DEMO.resident);
});

describe("inviting a co-author by e-mail", () => {
  it("adds a registered resident at once, without an invitation", async () => {
    const id = createNeighbourhoodPlan(viewerById(resident), linjat, "Heti mukaan", T0);
    expect(await addOrInviteCoauthor(viewerById(resident), id, SOFIA, "fi", T0)).toEqual({ ok: true, name: "Sofia Koivisto" });
    expect(db().select().from(invitations).where(eq(invitations.email, SOFIA)).all()).toEqual([]);
  });

  it("mails anyone else a single-use link that makes them a co-author with the plan's area as home area", async () => {
    const id = createNeighbourhoodPlan(viewerById(resident), linjat, "Naapurin kanssa", T0);
    const address = "naapuri.uusi@example.fi";
    expect(await addOrInviteCoauthor(viewerById(resident), id, "Naapuri.Uusi@example.fi", "fi", T0)).toEqual({
      ok: true,
      invited: address,
      mailed: true,
    });
    const audited = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "neighbourhoodPlan.coauthorInvited"), eq(auditLog.targetId, String(id))))
      .all();
    expect(audited).toHaveLength(1);
    expect(audited[0]!.actorId).toBe(resident);

    const text = mailTo(address);
    expect(text).toContain("”Naapurin kanssa”");
    const token = tokenIn(text);
    expect(token.length).toBeGreaterThan(20);
    expect(invitationForPage(token)).toMatchObject({ state: "open", email: address, plan: { id, title: "Naapurin kanssa" } });

    const accepted = await acceptCoauthorInvitation(token, "naapurin oma salasana", "sv", "Nelli Naapuri", days(1));
    expect(accepted).toMatchObject({ planId: id });
    const user = db().select().from(users).where(eq(users.email, address)).get()!;
    expect(user).toMatchObject({ name: "Nelli Naapuri", locale: "sv" });
    expect(db().select().from(planAuthors).where(eq(planAuthors.planId, id)).all()).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: user.id, role: "coauthor" })]),
    );
    expect(db().select({ areaId: residencies.areaId }).from(residencies).where(eq(residencies.userId, user.id)).all()).toEqual([
      { areaId: linjat },
    ]);
    // The history shows the new author, and the one who invited them hears that they arrived.
    expect(planHistory(id).versions[0]!.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ section: "authors", kind: "added", text: "Nelli Naapuri" })]),
    );
    expect(
      db()
        .select({ userId: notifications.userId })
        .from(notifications)
        .where(eq(notifications.kind, "neighbourhoodPlan.coauthorJoined"))
        .all()
        .map((n) => n.userId),
    ).toEqual([resident]);

    // Single use: the link now says it was used, and accepting again does nothing.
    expect(invitationForPage(token)).toEqual({ state: "used" });
    expect(await acceptCoauthorInvitation(token, "toinen salasana tässä", "fi", "Joku Muu", days(1))).toBeNull();
    expect(invitationForPage("made-up-token")).toBeNull();
  });

  it("an expired link says so and no longer makes anyone a co-author", async () => {
    const id = createNeighbourhoodPlan(viewerById(resident), linjat, "Vanheneva kutsu", T0);
    const address = "myohassa@example.fi";
    await addOrInviteCoauthor(viewerById(resident), id, address, "fi", T0);
    const token = tokenIn(mailTo(address));
    const late = days(config().invitationDays + 1);
    expect(invitationForPage(token)).toMatchObject({ state: "open" });
    expect(invitationForPage(token, late)).toEqual({ state: "expired" });
    expect(await acceptCoauthorInvitation(token, "myöhässä oleva salasana", "fi", "Matti Myöhässä", late)).toBeNull();
    expect(db().select().from(users).where(eq(users.email, address)).get()).toBeUndefined();
    expect(db().select().from(planAuthors).where(eq(planAuthors.planId, id)).all()).toHaveLength(1);
  });

  it("an account without a home area (staff) gets the plan's area; only authors of an editable plan invite", async () => {
    const id = createNeighbourhoodPlan(viewerById(resident), linjat, "Henkilöstö mukaan", T0);
    expect(await addOrInviteCoauthor(viewerById(userIdOf(SOFIA)), id, "joku@example.fi", "fi", T0)).toEqual({
      ok: false,
      reason: "notEditable",
    });
    const result = await addOrInviteCoauthor(viewerById(resident), id, DEMO.expert, "fi", T0);
    expect(result).toMatchObject({ ok: true, invited: DEMO.expert });
    const expert = userIdOf(DEMO.expert);
    expect(db().select().from(residencies).where(eq(residencies.userId, expert)).all()).toEqual([]);
    const accepted = await acceptCoauthorInvitation(tokenIn(mailTo(DEMO.expert)), "ei käytetä tässä", "fi", "", T0);
    expect(accepted).toMatchObject({ userId: expert, planId: id });
    expect(db().select({ areaId: residencies.areaId }).from(residencies).where(eq(residencies.userId, expert)).all()).toEqual([
      { areaId: linjat },
    ]);
  });

  it("limits how many invitations one person sends in a day, and counts again the next day", async () => {
    const sofia = viewerById(userIdOf(SOFIA));
    const id = createNeighbourhoodPlan(sofia, linjat, "Koko rapun kutsu", T0);
    for (let i = 0; i < COAUTHOR_INVITATIONS_PER_DAY; i++)
      expect(await addOrInviteCoauthor(sofia, id, `rappu${i}@example.fi`, "fi", T0)).toMatchObject({ ok: true, mailed: true });
    expect(await addOrInviteCoauthor(sofia, id, "yksi.liikaa@example.fi", "fi", T0)).toEqual({ ok: false, reason: "tooManyInvitations" });
    expect(db().select().from(invitations).where(eq(invitations.email, "yksi.liikaa@example.fi")).all()).toEqual([]);
    // Adding a registered resident is not an invitation and is not limited.
    expect(await addOrInviteCoauthor(sofia, id, DEMO.resident, "fi", T0)).toMatchObject({ ok: true });
    expect(await addOrInviteCoauthor(sofia, id, "yksi.liikaa@example.fi", "fi", days(1))).toMatchObject({ ok: true, mailed: true });
  });
});
