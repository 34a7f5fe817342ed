// Demo accounts that must have a second factor (coordinators, readers of non-public documents) get
// one at seeding: a passkey whose private key is published here, and an authenticator-app secret
// published here too. They are for the demo and the browser tests only (tests/browser/helpers.ts
// answers the second step with them): a real installation is never seeded.
import { createPrivateKey } from "node:crypto";
import { eq } from "drizzle-orm";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import { secondFactors, users } from "../schema";
import { encryptTotpSecret, mustHaveSecondFactor } from "../../app/server/people/second-factor.server";
import { loadViewer } from "../../app/server/people/viewer.server";
import type { Db } from "../../app/server/platform/db.server";
import { DEMO_PASSKEY_PKCS8, DEMO_TOTP_SECRET, demoCredentialId } from "./demo-second-factor-keys";

export { DEMO_PASSKEY_PKCS8, DEMO_TOTP_SECRET, demoCredentialId };

/** The COSE form of the demo public key, as a registration would have stored it. */
export function demoPasskeyPublicKey(): Uint8Array {
  const jwk = createPrivateKey({ key: Buffer.from(DEMO_PASSKEY_PKCS8, "base64"), format: "der", type: "pkcs8" }).export({ format: "jwk" });
  const cose = new Map<number, number | Uint8Array>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, new Uint8Array(Buffer.from(jwk.x!, "base64url"))],
    [-3, new Uint8Array(Buffer.from(jwk.y!, "base64url"))],
  ]);
  return isoCBOR.encode(cose as never);
}

/** Gives the demo logins that must have a second factor a demo passkey and a demo app secret. */
export function seedDemoSecondFactors(db: Db, emails: string[], now: Date): string[] {
  const publicKey = Buffer.from(demoPasskeyPublicKey()).toString("base64url");
  const seeded: string[] = [];
  for (const email of emails) {
    const user = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
    const viewer = user ? loadViewer(user.id, now) : null;
    if (!user || !viewer || !mustHaveSecondFactor(viewer)) continue;
    db.insert(secondFactors)
      .values({
        userId: user.id,
        kind: "passkey",
        label: "Demo passkey",
        credentialId: demoCredentialId(email),
        publicKey,
        counter: 0,
        createdAt: now,
      })
      .run();
    db.insert(secondFactors)
      .values({ userId: user.id, kind: "totp", label: "Demo app", secret: encryptTotpSecret(DEMO_TOTP_SECRET), createdAt: now })
      .run();
    seeded.push(email);
  }
  return seeded;
}
