// Settings come from environment variables, validated once at start. Safe demo defaults;
// secrets are generated on first start and kept in the data directory, never hard-coded.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

const boolish = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v === "true" || v === "1"));

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** Where links in e-mails point to. */
  PUBLIC_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("db/data"),
  DATABASE_PATH: z.string().optional(),
  APP_SECRET: z.string().min(32).optional(),
  /** Defaults to true in production; browsers accept Secure cookies on http://localhost too. */
  COOKIE_SECURE: boolish,
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .default(8 * 60),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(7 * 24),
  INVITATION_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default("Lähiturva <no-reply@lahiturva.invalid>"),
  /** The scheduled reminders job in the server process (on by default in production). */
  REMINDERS: z.enum(["on", "off"]).optional(),
  /** Where `npm run backup` and the nightly backup write (default: beside the data directory). */
  BACKUP_DIR: z.string().optional(),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(365).default(7),
  /** The server takes a backup every night at 02:00 Helsinki time. */
  BACKUP_NIGHTLY: z.enum(["on", "off"]).default("off"),
  /** Trust X-Forwarded-For from this proxy (express "trust proxy": e.g. loopback, an address, a hop count); unset: never. */
  TRUST_PROXY: z.string().optional(),
  /** The names a city's own tables use for the whole city ("Helsinki" in the survey's area column), separated by |. */
  CITY_NAMES: z.string().default("Helsinki|Helsingfors|Helsingin kaupunki|Helsingfors stad|City of Helsinki"),
  /**
   * Map tiles for the observation map: a URL template ({z}/{x}/{y}, optionally {s}) and its
   * attribution. Unset: the map draws the areas' boundaries alone and needs no outside service.
   */
  MAP_TILE_URL: z
    .string()
    .regex(/^https:\/\/[^/\s]+\/\S*\{z\}\S*$/, "an https URL template with {z}, {x} and {y}")
    .optional()
    .or(z.literal("")),
  MAP_TILE_ATTRIBUTION: z.string().default(""),
  /** Who issues the review PDF, in Finnish|Swedish|English (one text alone serves all three). */
  CITY_ISSUER: z
    .string()
    .default(
      "Helsingin kaupunki · Kaupunginkanslia, turvallisuus- ja valmiusyksikkö|Helsingfors stad · Stadskansliet, enheten för säkerhet och beredskap|City of Helsinki · City Executive Office, Safety and Preparedness Unit",
    ),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databasePath: string;
  appSecret: string;
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  invitationDays: number;
  smtp: { host: string; port: number; user?: string; password?: string } | null;
  mailFrom: string;
  reminders: boolean;
  backupDir: string;
  backupKeep: number;
  backupNightly: boolean;
  trustProxy: string | null;
  cityNames: string[];
  cityIssuer: { fi: string; sv: string; en: string };
  mapTiles: { url: string; attribution: string; origin: string } | null;
};

function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, "app-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const pipeList = (v: string) =>
  v
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);
/** The tile server's origin for the CSP's img-src ("{s}.tile.example.org" becomes "*.tile.example.org"). */
const tileOrigin = (template: string) =>
  new URL(template.replace("{s}", "tiles").replace(/\{[a-z]\}/g, "0")).origin.replace("//tiles.", "//*.");
const issuerOf = ([fi = "", sv, en]: string[]) => ({ fi, sv: sv ?? fi, en: en ?? fi });

export function parseConfig(source: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment settings: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    dataDir,
    databasePath: e.DATABASE_PATH === ":memory:" ? ":memory:" : resolve(e.DATABASE_PATH ?? join(dataDir, "lahiturva.sqlite")),
    appSecret: e.APP_SECRET ?? loadOrCreateSecret(dataDir),
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === "production",
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    invitationDays: e.INVITATION_DAYS,
    smtp: e.SMTP_HOST ? { host: e.SMTP_HOST, port: e.SMTP_PORT ?? 587, user: e.SMTP_USER, password: e.SMTP_PASSWORD } : null,
    mailFrom: e.SMTP_FROM,
    reminders: (e.REMINDERS ?? (e.NODE_ENV === "production" ? "on" : "off")) === "on",
    backupDir: resolve(e.BACKUP_DIR ?? `${dataDir}-backups`),
    backupKeep: e.BACKUP_KEEP,
    backupNightly: e.BACKUP_NIGHTLY === "on",
    trustProxy: e.TRUST_PROXY?.trim() ? e.TRUST_PROXY.trim() : null,
    cityNames: pipeList(e.CITY_NAMES),
    cityIssuer: issuerOf(pipeList(e.CITY_ISSUER)),
    mapTiles: e.MAP_TILE_URL ? { url: e.MAP_TILE_URL, attribution: e.MAP_TILE_ATTRIBUTION, origin: tileOrigin(e.MAP_TILE_URL) } : null,
  };
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
