// Staff second factor (passkeys, TOTP, recovery codes), the short-lived state between the password
// and the second factor, and the few settings coordinators change in the app.
import type { RegisterAnnotations } from "./register";
import { createdAt } from "./columns";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./people";

export const SECOND_FACTOR_KINDS = ["passkey", "totp"] as const;
export type SecondFactorKind = (typeof SECOND_FACTOR_KINDS)[number];

/**
 * A person's second factors. A passkey keeps its public key only; a TOTP factor keeps its secret
 * encrypted with a key derived from the app secret (the database alone does not give codes).
 */
export const secondFactors = sqliteTable(
  "second_factors",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: SECOND_FACTOR_KINDS }).notNull(),
    label: text("label").notNull(),
    /** Passkey: the credential id (base64url) and the COSE public key (base64url). */
    credentialId: text("credential_id"),
    publicKey: text("public_key"),
    counter: integer("counter").notNull().default(0),
    transports: text("transports"),
    /** TOTP: the secret, AES-GCM encrypted; the last time step used (a code works once). */
    secret: text("secret"),
    lastStep: integer("last_step"),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("second_factors_user_idx").on(t.userId), uniqueIndex("second_factors_credential_unique").on(t.credentialId)],
);

/** Ten one-time recovery codes per person: only an HMAC of each is stored. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

export const CHALLENGE_PURPOSES = ["signIn", "passkeyEnrol", "totpEnrol"] as const;

/**
 * Short-lived state: a password accepted and a second factor awaited (`signIn`, found by the hash
 * of a cookie token), or an enrolment under way. Rows older than their `expiresAt` mean nothing.
 */
export const authChallenges = sqliteTable(
  "auth_challenges",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: CHALLENGE_PURPOSES }).notNull(),
    /** WebAuthn challenge, or the (encrypted) TOTP secret being enrolled. */
    challenge: text("challenge").notNull(),
    redirectTo: text("redirect_to"),
    failures: integer("failures").notNull().default(0),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("auth_challenges_token_unique").on(t.tokenHash), index("auth_challenges_user_idx").on(t.userId, t.purpose)],
);

/** Settings coordinators change in the app (key → JSON value). */
export const appSettings = sqliteTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/** Processing register (db/schema/register.ts): what each table above holds of people. */
export const securityRegister: RegisterAnnotations = {
  second_factors: {
    activity: "security",
    personal: ["user_id", "label", "credential_id", "public_key", "secret", "created_at", "last_used_at"],
    retention: "account",
  },
  recovery_codes: { activity: "security", personal: ["user_id", "code_hash", "used_at"], retention: "account" },
  auth_challenges: { activity: "security", personal: ["user_id", "redirect_to"], retention: "challenges" },
  app_settings: { activity: "accounts", personal: ["updated_by"], retention: "record" },
};
