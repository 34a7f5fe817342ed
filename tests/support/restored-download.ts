// Run in a child process on a restored data directory (DATA_DIR): boots the app modules on that
// database, signs the coordinator in and downloads document `argv[2]` through the route's loader.
// Prints { status, sha256, expected, secret } as JSON.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { installGlobals } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { documentVersions, users } from "../../db/schema";
import { loader } from "../../app/routes/documents.$documentId.download";
import { startSession } from "../../app/server/people/auth.server";
import { config } from "../../app/server/platform/config.server";
import { db } from "../../app/server/platform/db.server";

installGlobals();
const documentId = process.argv[2];
const coordinator = db().select({ id: users.id }).from(users).where(eq(users.email, "koordinaattori@demo.lahiturva.fi")).get()!;
const cookie = (await startSession(coordinator.id, null)).split(";")[0];
const request = new Request(`http://localhost/documents/${documentId}/download`, { headers: { Cookie: cookie } });
const context = { nonce: "", clientIp: "127.0.0.1", memo: {}, setCookies: [] };
const response = (await loader({ request, context, params: { documentId } } as never)) as Response;
const bytes = new Uint8Array(await response.arrayBuffer());
const expected = db()
  .select({ sha256: documentVersions.sha256 })
  .from(documentVersions)
  .where(eq(documentVersions.documentId, Number(documentId)))
  .all();
console.log(
  JSON.stringify({
    status: response.status,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    expected: expected.map((v) => v.sha256),
    secret: readFileSync(join(config().dataDir, "app-secret"), "utf8").trim() === config().appSecret ? config().appSecret : "mismatch",
  }),
);
