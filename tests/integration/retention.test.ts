// Retention on the clock: the job removes what is past the register's periods, prunes the access
// log only through its documented path, tells an inactive resident before removing the account,
// and logs each run.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  documentAccessLog,
  documents,
  loginAttempts,
  mailLog,
  notifications,
  retentionRuns,
  sessions,
  users,
} from "../../db/schema";
import { RETENTION } from "../../db/schema/register";
import { registerResident } from "~/server/people/accounts.server";
import { clock } from "~/server/platform/clock";
import { db } from "~/server/platform/db.server";
import { runRetention } from "~/server/jobs/retention.server";
import { audit } from "~/server/platform/audit.server";
import { startSession } from "~/server/people/auth.server";
import { DEMO, seedOnce, userIdOf } from "./fixtures";

beforeAll(seedOnce);
const DAY = 86_400_000;

describe("the retention job", () => {
  it("keeps the access log append-only outside the job's path", () => {
    const row = db().select().from(documentAccessLog).get();
    if (row) expect(() => db().delete(documentAccessLog).where(eq(documentAccessLog.id, row.id)).run()).toThrow(/append-only/);
  });

  it("removes old sessions, mail log rows, audit and access log rows past their periods, and logs the run", async () => {
    const now = clock.now();
    await startSession(userIdOf(DEMO.mayor), "test");
    audit({ actorId: userIdOf(DEMO.mayor), action: "test.event", at: now });
    db().insert(mailLog).values({ to: "x@example.fi", subject: "s", transport: "outbox", createdAt: now }).run();
    const doc = db().select({ id: documents.id }).from(documents).get()!;
    db()
      .insert(documentAccessLog)
      .values({ documentId: doc.id, userId: userIdOf(DEMO.coordinator), action: "view", at: now, ip: "10.0.0.1" })
      .run();
    const before = { sessions: db().select().from(sessions).all().length, access: db().select().from(documentAccessLog).all().length };

    // Nothing is due today.
    const today = runRetention(now);
    expect(today.mailLog).toBe(0);
    expect(today.accessLog).toBe(0);
    expect(db().select().from(documentAccessLog).all().length).toBe(before.access);

    // A year on: sessions and mail log gone, the logs kept.
    const yearOn = runRetention(new Date(now.getTime() + 365 * DAY));
    expect(yearOn.sessions).toBeGreaterThanOrEqual(before.sessions);
    expect(yearOn.mailLog).toBeGreaterThanOrEqual(1);
    expect(yearOn.accessLog).toBe(0);
    expect(db().select().from(documentAccessLog).all().length).toBe(before.access);

    // Past the access log's period: pruned through the documented path, the pruning row gone again.
    const later = new Date(now.getTime() + (RETENTION.accessLogDays + 60) * DAY);
    const after = runRetention(later);
    expect(after.accessLog).toBe(before.access);
    expect(after.auditLog).toBeGreaterThan(0);
    expect(db().select().from(documentAccessLog).all()).toEqual([]);
    const runs = db().select().from(retentionRuns).all();
    expect(runs).toHaveLength(3);
    expect(JSON.parse(runs[2].counts)).toMatchObject({ accessLog: before.access });
  });

  it("tells an inactive resident first, and removes the account after the notice period", async () => {
    const created = await registerResident({
      name: "Unohtunut Asukas",
      email: "unohtunut@example.fi",
      password: "pitkä salasana 123",
      areaId: db().select().from(users).get() ? 1 : 1,
      locale: "fi",
    });
    if (!created.ok) throw new Error("registration failed");
    // Every row is stamped by the app's clock (db/schema/columns.ts), so the test's clock is enough.
    const start = new Date(clock.ms() + 60 * DAY);
    const noticeAt = new Date(start.getTime() + (RETENTION.inactiveResidentDays + 1) * DAY);
    expect(runRetention(noticeAt).inactiveNoticed).toBeGreaterThanOrEqual(1);
    const notice = db().select().from(notifications).where(eq(notifications.userId, created.userId)).all();
    expect(notice.map((n) => n.messageKey)).toContain("processingRegister.inactiveNotice");
    // Within the notice period the account stays; once it has passed, it goes.
    expect(runRetention(new Date(noticeAt.getTime() + 10 * DAY)).inactiveRemoved).toBe(0);
    expect(db().select().from(users).where(eq(users.id, created.userId)).get()).toBeTruthy();
    runRetention(new Date(noticeAt.getTime() + (RETENTION.inactiveNoticeDays + 1) * DAY));
    expect(db().select().from(users).where(eq(users.id, created.userId)).get()).toBeUndefined();
    expect(db().select().from(auditLog).where(eq(auditLog.action, "retention.accountRemoved")).all()).toHaveLength(1);
    // Staff are never removed this way.
    expect(
      db()
        .select()
        .from(users)
        .where(eq(users.id, userIdOf(DEMO.network)))
        .get(),
    ).toBeTruthy();
  });

  it("forgets sign-in throttle counters once they are past the pending sign-in period", () => {
    const now = clock.now();
    db()
      .insert(loginAttempts)
      .values([
        { key: "account:vanha@example.fi", count: 3, windowStart: now.getTime() - (RETENTION.challengeDays + 1) * DAY },
        { key: "account:tuore@example.fi", count: 2, windowStart: now.getTime() },
      ])
      .run();
    runRetention(now);
    expect(
      db()
        .select({ key: loginAttempts.key })
        .from(loginAttempts)
        .all()
        .map((r) => r.key),
    ).toEqual(["account:tuore@example.fi"]);
  });
});
