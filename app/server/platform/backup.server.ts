// Backups: an online, consistent copy of the database (SQLite's backup API, while the server
// runs and writes), then the documents and everything else in the data directory, and the app
// secret (without it invitation links and other tokens die). The copy is checked with
// `PRAGMA integrity_check` before it counts, and the oldest backups beyond BACKUP_KEEP are removed.
// `npm run backup` / `npm run restore <dir>` (db/backup.ts, db/restore.ts); the server can take one
// nightly (BACKUP_NIGHTLY=on, at 02:00 Helsinki time, from the reminders' hourly schedule).
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import Database from "better-sqlite3";
import { restrictDatabaseFiles } from "../../../db/client";
import { clock } from "./clock";

export const BACKUP_PREFIX = "lahiturva-";
const DB_FILE = "lahiturva.sqlite";
const FILES_DIR = "files";
const SECRET_FILE = "app-secret";

export type BackupSettings = { databasePath: string; dataDir: string; backupDir: string; keep: number; appSecret: string };

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

function integrityOk(path: string): boolean {
  const check = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = check.pragma("integrity_check") as { integrity_check: string }[];
    return rows.length === 1 && rows[0].integrity_check === "ok";
  } finally {
    check.close();
  }
}

/** Takes one backup; returns its directory. Throws (and leaves nothing behind) when the copy is not sound. */
export async function takeBackup(settings: BackupSettings, source?: Database.Database): Promise<string> {
  const stamp = clock
    .now()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const name = `${BACKUP_PREFIX}${stamp}`;
  mkdirSync(settings.backupDir, { recursive: true, mode: 0o700 });
  const partial = join(settings.backupDir, `.partial-${name}-${process.pid}`);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { mode: 0o700 });
  try {
    // 1. The database, page by page, while others keep writing (a consistent snapshot).
    const own = source ?? new Database(settings.databasePath, { fileMustExist: true, timeout: 5000 });
    try {
      await own.backup(join(partial, DB_FILE));
    } finally {
      if (!source) own.close();
    }
    if (!integrityOk(join(partial, DB_FILE))) throw new Error("integrity_check failed on the copy");
    // 2. After the snapshot: every file it names was written before it, so it is copied too.
    const dataDir = resolve(settings.dataDir);
    const backupDir = resolve(settings.backupDir);
    const dbPath = resolve(settings.databasePath);
    cpSync(dataDir, join(partial, FILES_DIR), {
      recursive: true,
      filter: (src) => {
        const full = resolve(src);
        if (full === backupDir || full.startsWith(backupDir + "/")) return false;
        if (full === dbPath || full === `${dbPath}-wal` || full === `${dbPath}-shm` || full === `${dbPath}-journal`) return false;
        return !basename(full).startsWith(".partial-");
      },
    });
    // 3. The secret, whether it came from APP_SECRET or the data directory.
    writeFileSync(join(partial, SECRET_FILE), settings.appSecret, { mode: 0o600 });
    writeFileSync(
      join(partial, "manifest.json"),
      JSON.stringify({ takenAt: clock.now().toISOString(), database: DB_FILE, sha256: sha256(join(partial, DB_FILE)), dataDir }, null, 2),
      { mode: 0o600 },
    );
    const final = join(settings.backupDir, name);
    rmSync(final, { recursive: true, force: true });
    renameSync(partial, final);
    rotateBackups(settings.backupDir, settings.keep);
    return final;
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Keeps the newest `keep` backups (names sort by time). */
export function rotateBackups(backupDir: string, keep: number): string[] {
  const all = existsSync(backupDir)
    ? readdirSync(backupDir)
        .filter((n) => n.startsWith(BACKUP_PREFIX))
        .sort()
    : [];
  const removed = all.slice(0, Math.max(0, all.length - keep));
  for (const n of removed) rmSync(join(backupDir, n), { recursive: true, force: true });
  return removed;
}

/** The pid file the server keeps in its data directory while it runs. */
export const serverPidFile = (dataDir: string) => join(dataDir, "server.pid");

/** The pid of a live server on this data directory, or null. */
export function runningServer(dataDir: string): number | null {
  const file = serverPidFile(dataDir);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").trim());
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

export type RestoreResult = { ok: true } | { ok: false; reason: "serverRunning" | "notABackup" | "integrity" };

/**
 * Restores a backup into `dataDir` / `databasePath`: the documents and other files, the secret
 * (written to `<dataDir>/app-secret`) and the database. Refuses while a server runs on that data
 * directory unless `force` (then stop the server first, or it keeps writing to the old files).
 */
export function restoreBackup(
  from: string,
  target: { dataDir: string; databasePath: string },
  opts: { force?: boolean } = {},
): RestoreResult {
  const dbCopy = join(from, DB_FILE);
  if (!existsSync(dbCopy) || !existsSync(join(from, "manifest.json"))) return { ok: false, reason: "notABackup" };
  if (!opts.force && runningServer(target.dataDir)) return { ok: false, reason: "serverRunning" };
  const manifest = JSON.parse(readFileSync(join(from, "manifest.json"), "utf8")) as { sha256: string };
  if (sha256(dbCopy) !== manifest.sha256 || !integrityOk(dbCopy)) return { ok: false, reason: "integrity" };
  mkdirSync(target.dataDir, { recursive: true, mode: 0o700 });
  if (existsSync(join(from, FILES_DIR))) cpSync(join(from, FILES_DIR), target.dataDir, { recursive: true, force: true });
  if (existsSync(join(from, SECRET_FILE)))
    writeFileSync(join(target.dataDir, SECRET_FILE), readFileSync(join(from, SECRET_FILE)), { mode: 0o600 });
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(target.databasePath + suffix, { force: true });
  const temporary = `${target.databasePath}.restoring`;
  cpSync(dbCopy, temporary);
  renameSync(temporary, target.databasePath);
  restrictDatabaseFiles(target.databasePath);
  return { ok: true };
}

/** For log lines: a backup's path relative to where the command ran. */
export const shown = (path: string) => relative(process.cwd(), path) || path;
