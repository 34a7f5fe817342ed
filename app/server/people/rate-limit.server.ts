// Sign-in throttling, counted in the database (table login_attempts) so a restart does not reset
// it. An attempt is counted BEFORE its password is checked, in one IMMEDIATE transaction that
// reads and increments both counters: attempts sent all at once are counted one after another,
// and whatever comes after the limit is refused without a password check. A success takes its
// own attempt back from the address and clears the account's counter, so only failures add up.
import { eq, inArray, sql } from "drizzle-orm";
import { loginAttempts } from "../../../db/schema";
import { clock } from "../platform/clock";
import { db } from "../platform/db.server";

export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 30 } as const;

const accountKey = (email: string) => `account:${email}`;
const addressKey = (ip: string) => `address:${ip}`;

export type AttemptCheck = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one sign-in attempt for the account and the address, unless either is already at its
 * limit: then nothing is counted and the answer says how long to wait.
 */
export function countLoginAttempt(email: string, ip: string): AttemptCheck {
  const now = clock.ms();
  const windowMs = LOGIN_WINDOW_SECONDS * 1000;
  const keys = [
    { key: accountKey(email), limit: LOGIN_LIMITS.perAccount },
    { key: addressKey(ip), limit: LOGIN_LIMITS.perAddress },
  ];
  return db().transaction((tx) => {
    const rows = new Map(
      tx
        .select()
        .from(loginAttempts)
        .where(
          inArray(
            loginAttempts.key,
            keys.map((k) => k.key),
          ),
        )
        .all()
        .map((r) => [r.key, r]),
    );
    let waitMs = 0;
    for (const { key, limit } of keys) {
      const row = rows.get(key);
      if (row && row.windowStart + windowMs > now && row.count >= limit) waitMs = Math.max(waitMs, row.windowStart + windowMs - now);
    }
    if (waitMs > 0) return { ok: false as const, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    for (const { key } of keys) {
      const row = rows.get(key);
      const fresh = !row || row.windowStart + windowMs <= now;
      tx.insert(loginAttempts)
        .values({ key, count: 1, windowStart: now })
        .onConflictDoUpdate({
          target: loginAttempts.key,
          set: fresh ? { count: 1, windowStart: now } : { count: sql`${loginAttempts.count} + 1` },
        })
        .run();
    }
    return { ok: true as const };
  });
}

/** A successful sign-in: the account starts again from zero and the address gets its attempt back. */
export function clearLoginFailures(email: string, ip: string): void {
  db().transaction((tx) => {
    tx.delete(loginAttempts)
      .where(eq(loginAttempts.key, accountKey(email)))
      .run();
    tx.update(loginAttempts)
      .set({ count: sql`max(${loginAttempts.count} - 1, 0)` })
      .where(eq(loginAttempts.key, addressKey(ip)))
      .run();
  });
}
