// Issue 14, finding 7: the database files are the server user's only, and the sessions table
// holds a hash of each session id, never the cookie's value.
import { statSync } from "node:fs";
import { dirname } from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sessions } from "../../db/schema";
import { hashSessionId, readSession, startSession } from "~/server/people/auth.server";
import { config } from "~/server/platform/config.server";
import { db } from "~/server/platform/db.server";
import { DEMO, seedOnce, userIdOf } from "./fixtures";

beforeAll(seedOnce);

const mode = (path: string) => statSync(path).mode & 0o777;

describe("database files (finding 7)", () => {
  it("the database, its -wal and -shm are 600 and the data directory 700", () => {
    const path = config().databasePath;
    db().run("select 1");
    expect(mode(path).toString(8)).toBe("600");
    expect(mode(`${path}-wal`).toString(8)).toBe("600");
    expect(mode(`${path}-shm`).toString(8)).toBe("600");
    expect(mode(dirname(path)).toString(8)).toBe("700");
  });
});

describe("sessions are stored hashed (finding 7)", () => {
  it("the table holds the SHA-256 of the cookie's id, and the cookie still signs in", async () => {
    const userId = userIdOf(DEMO.mayor);
    const setCookie = await startSession(userId, "test");
    const id = /lahiturva_session=([^;]+)/.exec(setCookie)![1];
    const rows = db()
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .all()
      .map((r) => r.id);
    expect(rows).not.toContain(id);
    expect(rows).toContain(hashSessionId(id));
    const check = await readSession(new Request("http://localhost/", { headers: { Cookie: `lahiturva_session=${id}` } }));
    expect(check.userId).toBe(userId);
    // The stored value itself, used as a cookie, is nobody's session.
    const stolen = await readSession(new Request("http://localhost/", { headers: { Cookie: `lahiturva_session=${hashSessionId(id)}` } }));
    expect(stolen.userId).toBeNull();
  });
});
