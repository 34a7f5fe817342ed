// In-app notifications and the e-mail that follows them. A notification is written in the same
// transaction as whatever caused it; the text is a translation key plus parameters, so each person
// reads it (and gets the mail) in their own language. A notification with a `key` is a reminder:
// the key goes into reminders_sent in the same transaction, so the same reminder can never be sent
// twice, whoever runs the job and however often.
import { and, count, desc, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import type { TFunction } from "i18next";
import { notifications, remindersSent, users, userSettings, type EmailMode } from "../../../db/schema";
import { isLanguage, type Language } from "../../i18n/config";
import { i18nFor } from "../../i18n/i18n.server";
import { config } from "../platform/config.server";
import { db, type Db, type Tx } from "../platform/db.server";
import { readPartition, writePartition } from "../platform/table-versions.server";
import { helsinkiHour } from "../platform/helsinki-time";
import { pageWindow } from "../platform/paging";
import { helsinkiDate } from "../city/measure-rules";
import { sendMail } from "./mail.server";
import { clock } from "../platform/clock";
import { columnsOf } from "../platform/select-names";

type Writer = Pick<Db, "insert" | "select">;

export type NotificationInput = {
  userId: string;
  kind: string;
  messageKey: string;
  params?: Record<string, string | number | null>;
  link?: string | null;
  /** A reminder's identity: given, the notification is created at most once ever. */
  key?: string;
};

/** Writes one notification (inside the caller's transaction). False when the reminder key was already used. */
export function notify(tx: Writer, input: NotificationInput, now: Date = clock.now()): boolean {
  if (input.key) {
    const claimed = tx.insert(remindersSent).values({ key: input.key, userId: input.userId, sentAt: now }).onConflictDoNothing().run();
    if (claimed.changes === 0) return false;
  }
  // This person's row: the pages of everyone else keep their cached unread count (table-versions).
  writePartition("notifications", input.userId, () =>
    tx
      .insert(notifications)
      .values({
        userId: input.userId,
        kind: input.kind,
        messageKey: input.messageKey,
        params: JSON.stringify(input.params ?? {}),
        link: input.link ?? null,
        createdAt: now,
      })
      .run(),
  );
  return true;
}

/** Several people, the same news; disabled accounts and the actor themselves are skipped. */
export function notifyMany(
  tx: Tx,
  userIds: string[],
  input: Omit<NotificationInput, "userId" | "key"> & { key?: (userId: string) => string },
  opts: { except?: string | null; now?: Date } = {},
): number {
  const ids = [...new Set(userIds)].filter((id) => id !== opts.except);
  if (!ids.length) return 0;
  const active = new Set(
    tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, ids), isNull(users.disabledAt)))
      .all()
      .map((u) => u.id),
  );
  let created = 0;
  for (const userId of ids) {
    if (!active.has(userId)) continue;
    if (notify(tx, { ...input, userId, key: input.key?.(userId) }, opts.now)) created++;
  }
  return created;
}

// ---------------------------------------------------------------------------------------------
// Reading

export const NOTIFICATION_PAGE_SIZE = 30;

export function listNotifications(userId: string, page = 1) {
  const d = db();
  const total = d.select({ n: count() }).from(notifications).where(eq(notifications.userId, userId)).get()?.n ?? 0;
  const { page: current, pageCount, offset } = pageWindow(total, page, NOTIFICATION_PAGE_SIZE);
  const rows = d
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATION_PAGE_SIZE)
    .offset(offset)
    .all()
    .map((n) => ({ ...n, params: parseParams(n.params) }));
  return { rows, total, page: current, pageCount };
}

export function unreadCount(userId: string): number {
  // Shown on every signed-in page: it depends on this person's notifications only, so a comment
  // that notifies someone else leaves this person's cached pages as they are.
  return readPartition(
    "notifications",
    userId,
    () =>
      db()
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
        .get()?.n ?? 0,
  );
}

export function markRead(userId: string, ids: number[] | "all", now = clock.now()) {
  const where = ids === "all" ? undefined : inArray(notifications.id, ids.length ? ids : [-1]);
  return db()
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), where))
    .run().changes;
}

/** Opening something marks the notifications about it as read (e.g. a document's new version). */
export function markReadAbout(userId: string, kinds: string[], param: string, value: number, now = clock.now()) {
  db()
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        inArray(notifications.kind, kinds),
        sql`json_extract(${notifications.params}, ${`$.${param}`}) = ${value}`,
      ),
    )
    .run();
}

function parseParams(raw: string): Record<string, string | number | null> {
  try {
    const value = JSON.parse(raw) as unknown;
    return value && typeof value === "object" ? (value as Record<string, string | number | null>) : {};
  } catch {
    return {};
  }
}

// ---------------------------------------------------------------------------------------------
// Settings

export function emailModeOf(userId: string): EmailMode {
  return db().select({ mode: userSettings.emailMode }).from(userSettings).where(eq(userSettings.userId, userId)).get()?.mode ?? "immediate";
}

export function setEmailMode(userId: string, mode: EmailMode) {
  db()
    .insert(userSettings)
    .values({ userId, emailMode: mode })
    .onConflictDoUpdate({ target: userSettings.userId, set: { emailMode: mode } })
    .run();
}

// ---------------------------------------------------------------------------------------------
// E-mail

/** A `t` for a language outside any request (mail is written by the job, not by a page). */
export function translatorForLanguage(lng: string): TFunction {
  const language: Language = isLanguage(lng) ? lng : "fi";
  return i18nFor(language).getFixedT(language);
}

/** Mail older than this is not sent any more (e.g. after someone turns e-mail back on). */
const MAIL_MAX_AGE_MS = 2 * 86400000;

type Pending = {
  id: number;
  messageKey: string;
  params: string;
  link: string | null;
  email: string;
  name: string;
  locale: string;
  userId: string;
};

function pendingFor(tx: Writer, modes: EmailMode[], now: Date, userId?: string): Pending[] {
  return tx
    .select({
      ...columnsOf(notifications, "id", "messageKey", "params", "link"),
      ...columnsOf(users, "email", "name", "locale"),
      userId: users.id,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(userSettings, eq(userSettings.userId, notifications.userId))
    .where(
      and(
        isNull(notifications.emailedAt),
        isNull(notifications.readAt),
        isNull(users.disabledAt),
        gt(notifications.createdAt, new Date(now.getTime() - MAIL_MAX_AGE_MS)),
        inArray(sql`coalesce(${userSettings.emailMode}, 'immediate')`, modes),
        userId ? eq(notifications.userId, userId) : undefined,
      ),
    )
    .orderBy(notifications.createdAt, notifications.id)
    .all();
}

/**
 * Claims notifications for mailing by stamping emailedAt first (one synchronous transaction, so a
 * second runner never picks the same rows); a failed send gives them back for the next run.
 */
function claim(rows: Pending[], now: Date) {
  if (rows.length)
    db()
      .update(notifications)
      .set({ emailedAt: now })
      .where(
        inArray(
          notifications.id,
          rows.map((r) => r.id),
        ),
      )
      .run();
}
function release(ids: number[]) {
  if (ids.length) db().update(notifications).set({ emailedAt: null }).where(inArray(notifications.id, ids)).run();
}

const absolute = (link: string | null) => (link ? `${config().publicUrl}${link}` : `${config().publicUrl}/notifications`);

export function renderNotification(t: TFunction, n: { messageKey: string; params: string | Record<string, unknown> }): string {
  const params = typeof n.params === "string" ? parseParams(n.params) : n.params;
  return String(t(n.messageKey, params));
}

function mailBody(t: TFunction, name: string, lines: string[]): string {
  return [
    t("workspaces.mail.greeting", { name }),
    "",
    ...lines,
    "",
    "--",
    t("workspaces.mail.footer", { url: `${config().publicUrl}/account#notification-settings` }),
  ].join("\n");
}

/** Sends every unsent notification of people who want mail at once. Returns how many mails left. */
export async function deliverImmediateMail(now = clock.now()): Promise<number> {
  const rows = db().transaction((tx) => {
    const pending = pendingFor(tx, ["immediate"], now);
    claim(pending, now);
    return pending;
  });
  let sent = 0;
  for (const n of rows) {
    const t = translatorForLanguage(n.locale);
    const message = renderNotification(t, n);
    const result = await sendMail({
      to: n.email,
      // The service's name is not translated; the message is, in the recipient's language.
      subject: `Lähiturva: ${message.length > 120 ? `${message.slice(0, 117)}…` : message}`,
      text: mailBody(t, n.name, [message, absolute(n.link)]),
    });
    if (result.ok) sent++;
    else release([n.id]);
  }
  return sent;
}

/**
 * The daily digest for people who chose it: one mail with everything unsent, at most once a day
 * (a reminders_sent key per person and Helsinki date), and only from 07:00 Helsinki time on.
 */
export async function sendDailyDigests(now = clock.now()): Promise<number> {
  if (helsinkiHour(now) < DIGEST_HOUR) return 0;
  const day = helsinkiDate(now);
  const batches = db().transaction((tx) => {
    const pending = pendingFor(tx, ["daily"], now);
    const byUser = new Map<string, Pending[]>();
    for (const p of pending) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p]);
    const out: Pending[][] = [];
    for (const [userId, rows] of byUser) {
      const claimed = tx
        .insert(remindersSent)
        .values({ key: `digest:${day}:u:${userId}`, userId, sentAt: now })
        .onConflictDoNothing()
        .run();
      if (claimed.changes === 0) continue;
      claim(rows, now);
      out.push(rows);
    }
    return out;
  });
  let sent = 0;
  for (const rows of batches) {
    const first = rows[0]!;
    const t = translatorForLanguage(first.locale);
    const lines = rows.flatMap((n) => [`• ${renderNotification(t, n)}`, `  ${absolute(n.link)}`]);
    const result = await sendMail({
      to: first.email,
      subject: t("workspaces.mail.digestSubject", { count: rows.length }),
      text: mailBody(t, first.name, lines),
    });
    if (result.ok) sent++;
    else {
      release(rows.map((r) => r.id));
      db()
        .delete(remindersSent)
        .where(eq(remindersSent.key, `digest:${day}:u:${first.userId}`))
        .run();
    }
  }
  return sent;
}

export const DIGEST_HOUR = 7;

let deliveryQueued = false;
/** After a page action that notified someone: send the immediate mail without making the page wait. */
/**
 * A write whose notifications send mail: the transaction, then the delivery scheduled once it has
 * committed (a refused or failed write sends nothing).
 */
export function writeWithMail<T>(work: (tx: Tx) => T): T {
  const result = db().transaction(work);
  scheduleMailDelivery();
  return result;
}

export function scheduleMailDelivery() {
  // Tests deliver explicitly, so that what they count is what they caused.
  if (deliveryQueued || config().env === "test") return;
  deliveryQueued = true;
  setTimeout(() => {
    deliveryQueued = false;
    deliverImmediateMail().catch((error: unknown) => console.error("Mail delivery failed:", error));
  }, 50);
}

/** Old reminder keys are kept: they are what makes reminders unique. Read notifications age out. */
export function pruneNotifications(now = clock.now(), keepDays = 365) {
  db()
    .delete(notifications)
    .where(lt(notifications.createdAt, new Date(now.getTime() - keepDays * 86400000)))
    .run();
}
