// Retention that runs: part of the reminders job (runScheduledJobs). Removes or anonymises what is
// past the periods of db/schema/register.ts, and logs each run in retention_runs with its counts.
// The access log is pruned only through its documented path (access_log_pruning, drizzle/0008).
import { existsSync, readdirSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { and, desc, eq, isNotNull, lt, or, sql } from "drizzle-orm";
import {
  accessLogPruning,
  situationAccessLog,
  auditLog,
  authChallenges,
  documentAccessLog,
  invitations,
  loginAttempts,
  mailLog,
  memberships,
  notifications,
  remindersSent,
  residencies,
  retentionRuns,
  rightsRequests,
  sessions,
  users,
} from "../../../db/schema";
import { RETENTION } from "../../../db/schema/register";
import { mayDeleteOwnAccount, removeResidentAccount } from "../people/accounts.server";
import { clock } from "../platform/clock";
import { config } from "../platform/config.server";
import { db } from "../platform/db.server";
import { notify } from "../mail/notifications.server";

const DAY = 86_400_000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

export type RetentionCounts = {
  sessions: number;
  invitations: number;
  challenges: number;
  mailLog: number;
  notifications: number;
  auditLog: number;
  accessLog: number;
  rightsRequests: number;
  inactiveNoticed: number;
  inactiveRemoved: number;
  uploads: number;
};

/** The moment a resident was last active: their latest sign-in, or when the account was made. */
function inactiveResidents(now: Date) {
  const cutoff = daysBefore(now, RETENTION.inactiveResidentDays).getTime();
  return db()
    .select({
      id: users.id,
      lastActive: sql<number>`coalesce((select max(a.created_at) from ${auditLog} a where a.actor_id = ${users.id} and a.action in ('auth.signIn', 'auth.secondFactor')), ${users.createdAt})`,
    })
    .from(users)
    .where(
      and(
        sql`exists (select 1 from ${residencies} r where r.user_id = ${users.id})`,
        sql`not exists (select 1 from ${memberships} m where m.user_id = ${users.id})`,
      ),
    )
    .all()
    .filter((u) => u.lastActive < cutoff);
}

/** One run. `now` is a parameter so tests can move the clock. */
export function runRetention(now = clock.now()): RetentionCounts {
  const counts: RetentionCounts = {
    sessions: 0,
    invitations: 0,
    challenges: 0,
    mailLog: 0,
    notifications: 0,
    auditLog: 0,
    accessLog: 0,
    rightsRequests: 0,
    inactiveNoticed: 0,
    inactiveRemoved: 0,
    uploads: 0,
  };
  const d = db();
  d.transaction((tx) => {
    const sessionCutoffSeconds = Math.floor(daysBefore(now, RETENTION.expiredSessionDays).getTime() / 1000);
    const absoluteSeconds = config().sessionAbsoluteHours * 3600;
    counts.sessions = tx
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, sessionCutoffSeconds), sql`${sessions.createdAt} + ${absoluteSeconds} < ${sessionCutoffSeconds}`))
      .run().changes;
    const invitationCutoff = daysBefore(now, RETENTION.invitationDays);
    counts.invitations = tx
      .delete(invitations)
      .where(or(lt(invitations.expiresAt, invitationCutoff), and(isNotNull(invitations.usedAt), lt(invitations.usedAt, invitationCutoff))))
      .run().changes;
    const challengeCutoff = daysBefore(now, RETENTION.challengeDays);
    counts.challenges = tx.delete(authChallenges).where(lt(authChallenges.expiresAt, challengeCutoff)).run().changes;
    // Sign-in throttle counters (an e-mail or an address as the key): kept as long as pending sign-ins.
    counts.challenges += tx.delete(loginAttempts).where(lt(loginAttempts.windowStart, challengeCutoff.getTime())).run().changes;
    counts.mailLog = tx
      .delete(mailLog)
      .where(lt(mailLog.createdAt, daysBefore(now, RETENTION.mailLogDays)))
      .run().changes;
    const notificationCutoff = daysBefore(now, RETENTION.notificationDays);
    counts.notifications = tx
      .delete(notifications)
      .where(and(isNotNull(notifications.readAt), lt(notifications.readAt, notificationCutoff)))
      .run().changes;
    tx.delete(remindersSent).where(lt(remindersSent.sentAt, notificationCutoff)).run();
    counts.auditLog = tx
      .delete(auditLog)
      .where(lt(auditLog.at, daysBefore(now, RETENTION.auditLogDays)))
      .run().changes;
    // The access log's one documented way out: a cutoff row, the delete, the cutoff removed.
    const accessCutoff = daysBefore(now, RETENTION.accessLogDays);
    tx.insert(accessLogPruning).values({ id: 1, cutoff: accessCutoff.getTime() }).run();
    counts.accessLog = tx.delete(documentAccessLog).where(lt(documentAccessLog.at, accessCutoff)).run().changes;
    counts.accessLog += tx.delete(situationAccessLog).where(lt(situationAccessLog.at, accessCutoff)).run().changes;
    tx.delete(accessLogPruning).run();
    counts.rightsRequests = tx
      .delete(rightsRequests)
      .where(and(eq(rightsRequests.status, "answered"), lt(rightsRequests.answeredAt, daysBefore(now, RETENTION.rightsRequestDays))))
      .run().changes;
  });

  // Inactive residents: a notice first (once per period of inactivity), removal after the notice period.
  for (const resident of inactiveResidents(now)) {
    if (!mayDeleteOwnAccount(resident.id)) continue;
    const key = `inactive:${resident.id}:${resident.lastActive}:u:${resident.id}`;
    d.transaction((tx) => {
      const sent = tx.select({ sentAt: remindersSent.sentAt }).from(remindersSent).where(eq(remindersSent.key, key)).get();
      if (!sent) {
        const created = notify(
          tx,
          {
            userId: resident.id,
            kind: "account.inactive",
            messageKey: "processingRegister.inactiveNotice",
            params: { days: RETENTION.inactiveNoticeDays },
            link: "/account",
            key,
          },
          now,
        );
        if (created) counts.inactiveNoticed++;
      } else if (sent.sentAt.getTime() < daysBefore(now, RETENTION.inactiveNoticeDays).getTime()) {
        removeResidentAccount(tx, resident.id, "retention.accountRemoved");
        counts.inactiveRemoved++;
      }
    });
  }

  // Uploaded import files never confirmed (the preview keeps them until the import is confirmed).
  const folder = join(config().dataDir, "imports");
  if (existsSync(folder)) {
    const cutoff = now.getTime() - RETENTION.unconfirmedUploadHours * 3600_000;
    for (const name of readdirSync(folder)) {
      const file = join(folder, name);
      const stat = statSync(file);
      if (stat.isFile() && stat.mtimeMs < cutoff) {
        unlinkSync(file);
        counts.uploads++;
      }
    }
  }

  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  d.insert(retentionRuns)
    .values({ ranAt: now, counts: JSON.stringify(counts), total })
    .run();
  return counts;
}

export function latestRetentionRuns(limit = 10) {
  return db()
    .select()
    .from(retentionRuns)
    .orderBy(desc(retentionRuns.id))
    .limit(limit)
    .all()
    .map((r) => ({ id: r.id, ranAt: r.ranAt, total: r.total, counts: JSON.parse(r.counts) as Record<string, number> }));
}
