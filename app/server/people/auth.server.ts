// Sessions (lucia v3 on the drizzle adapter) and passwords (argon2id).
// lucia reads and writes the cookie; creating and checking a session is done here on the app clock
// (app/server/platform/clock.ts): a sliding idle limit as lucia has it, and an absolute limit from `createdAt`.
import { createHash } from "node:crypto";
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { generateIdFromEntropySize, Lucia, TimeSpan, type DatabaseSession, type DatabaseUser, type Session } from "lucia";
import { eq, sql } from "drizzle-orm";
import { sessions, users } from "../../../db/schema";
import { config } from "../platform/config.server";
import { db } from "../platform/db.server";
import { hashPassword } from "./passwords.server";
import { clock } from "../platform/clock";
import { readCookie } from "../platform/cookies";
import { columnsOf } from "../platform/select-names";

/** A hash of a random password, verified against when the account is unknown so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-" + Math.random());
  return dummyHash;
}

/**
 * lucia's drizzle adapter builds and prepares two queries for every session check, and every
 * request checks its session: this one reads session and person in one statement prepared once,
 * and only the columns lucia is given (never the password hash).
 */
class SessionAdapter extends DrizzleSQLiteAdapter {
  private readonly sessionAndUser = db()
    .select({
      ...columnsOf(sessions, "id", "userId", "expiresAt", "createdAt", "userAgent"),
      ...columnsOf(users, "email", "name", "locale", "disabledAt"),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare();

  override async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = this.sessionAndUser.get({ id: hashSessionId(sessionId) });
    if (!row) return [null, null];
    return [
      // lucia goes on with the id it was given (the cookie's), which the methods below hash again.
      {
        id: sessionId,
        userId: row.userId,
        expiresAt: new Date(row.expiresAt * 1000),
        attributes: { createdAt: row.createdAt, userAgent: row.userAgent },
      },
      { id: row.userId, attributes: { email: row.email, name: row.name, locale: row.locale, disabledAt: row.disabledAt } },
    ];
  }

  override setSession(session: DatabaseSession): Promise<void> {
    return super.setSession({ ...session, id: hashSessionId(session.id) });
  }

  override updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    return super.updateSessionExpiration(hashSessionId(sessionId), expiresAt);
  }

  override deleteSession(sessionId: string): Promise<void> {
    return super.deleteSession(hashSessionId(sessionId));
  }
}

/**
 * The `sessions` table keeps only a SHA-256 of each session id, never the cookie value: a copy of
 * the database (a backup, a leaked file) signs nobody in. The id carries 200 random bits (lucia
 * v3), so an unsalted hash is enough.
 */
export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

let adapterInstance: SessionAdapter | undefined;
function sessionAdapter(): SessionAdapter {
  adapterInstance ??= new SessionAdapter(db(), sessions, users);
  return adapterInstance;
}

function createLucia() {
  const cfg = config();
  return new Lucia(sessionAdapter(), {
    sessionExpiresIn: new TimeSpan(cfg.sessionIdleMinutes, "m"),
    sessionCookie: {
      name: "lahiturva_session",
      expires: false,
      attributes: { secure: cfg.cookieSecure, sameSite: "lax", path: "/" },
    },
    getSessionAttributes: (attributes) => ({ createdAt: attributes.createdAt }),
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      name: attributes.name,
      locale: attributes.locale,
      disabledAt: attributes.disabledAt,
    }),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseSessionAttributes: { createdAt: number; userAgent?: string | null };
    DatabaseUserAttributes: { email: string; name: string; locale: "fi" | "sv" | "en"; disabledAt: Date | null };
  }
}

let instance: ReturnType<typeof createLucia> | undefined;
export function lucia() {
  instance ??= createLucia();
  return instance;
}

export type SessionCheck = { userId: string; session: Session; setCookie: string | null } | { userId: null; setCookie: string | null };

/** Reads the session cookie, enforces idle, absolute and disabled-account limits. */
export function readSession(request: Request): Promise<SessionCheck> {
  return checkSessionCookie(request.headers.get("Cookie") ?? "");
}

/** The same check from a raw Cookie header (the HTTP server checks before Remix runs). */
export async function checkSessionCookie(cookieHeader: string): Promise<SessionCheck> {
  const l = lucia();
  const sessionId = readCookie(cookieHeader, l.sessionCookieName);
  if (!sessionId) return { userId: null, setCookie: null };
  const blank = () => ({ userId: null, setCookie: l.createBlankSessionCookie().serialize() }) as const;
  const [stored, user] = await sessionAdapter().getSessionAndUser(sessionId);
  if (!stored || !user) return blank();
  // Idle and absolute limits on the app's clock (lucia's own validateSession reads the wall clock).
  const now = clock.ms();
  const absoluteLimit = (stored.attributes.createdAt + config().sessionAbsoluteHours * 3600) * 1000;
  if (now >= stored.expiresAt.getTime() || now > absoluteLimit || user.attributes.disabledAt) {
    await sessionAdapter().deleteSession(sessionId);
    return blank();
  }
  // Sliding expiry as lucia does it: extended once half of the idle window has passed.
  const idleMs = config().sessionIdleMinutes * 60_000;
  const fresh = now >= stored.expiresAt.getTime() - idleMs / 2;
  const expiresAt = fresh ? new Date(now + idleMs) : stored.expiresAt;
  if (fresh) await sessionAdapter().updateSessionExpiration(sessionId, expiresAt);
  const session: Session = { id: sessionId, userId: user.id, expiresAt, fresh, createdAt: stored.attributes.createdAt };
  return {
    userId: user.id,
    session,
    setCookie: fresh ? withAbsoluteLifetime(l.createSessionCookie(sessionId).serialize(), (absoluteLimit - now) / 1000) : null,
  };
}

/** Always a new session id on sign-in (no fixation). Returns the Set-Cookie header value. */
export async function startSession(userId: string, userAgent: string | null): Promise<string> {
  const id = generateIdFromEntropySize(25);
  const expiresAt = new Date(clock.ms() + config().sessionIdleMinutes * 60_000);
  await sessionAdapter().setSession({
    id,
    userId,
    expiresAt,
    attributes: { createdAt: clock.seconds(), userAgent: userAgent?.slice(0, 300) ?? null },
  });
  return withAbsoluteLifetime(lucia().createSessionCookie(id).serialize(), config().sessionAbsoluteHours * 3600);
}

/**
 * lucia gives a non-expiring session cookie a Max-Age of 400 days; the browser keeps ours only as
 * long as the session can live at most (the absolute limit, counted from sign-in).
 */
export function withAbsoluteLifetime(serialized: string, seconds: number): string {
  const maxAge = Math.max(0, Math.floor(seconds));
  const parts = serialized
    .split(";")
    .map((p) => p.trim())
    .filter((p) => !/^(max-age|expires)=/i.test(p));
  return [...parts, `Max-Age=${maxAge}`].join("; ");
}

export async function endSession(request: Request): Promise<string> {
  const l = lucia();
  const sessionId = readCookie(request.headers.get("Cookie"), l.sessionCookieName);
  if (sessionId) await l.invalidateSession(sessionId);
  return l.createBlankSessionCookie().serialize();
}

/** "Sign out everywhere": every session of the user ends, including this one. */
export async function endAllSessions(userId: string): Promise<string> {
  await lucia().invalidateUserSessions(userId);
  return lucia().createBlankSessionCookie().serialize();
}

export function countSessions(userId: string): number {
  const now = clock.seconds();
  return db()
    .select({ id: sessions.id, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .all()
    .filter((s) => s.expiresAt > now).length;
}
