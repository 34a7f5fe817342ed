// Issue 14, finding 8: a backup taken while writes run restores into a new data directory that
// boots, with its documents downloadable (file present, checksum right) and the same app secret.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, documents } from "../../db/schema";
import { restoreBackup, rotateBackups, serverPidFile, takeBackup } from "~/server/platform/backup.server";
import { audit } from "~/server/platform/audit.server";
import { config } from "~/server/platform/config.server";
import { db } from "~/server/platform/db.server";
import { seedOnce } from "./fixtures";

beforeAll(seedOnce);

describe("backup and restore (finding 8)", () => {
  it("a backup taken under writes restores, boots, and its documents download with the right checksum", { timeout: 120_000 }, async () => {
    const cfg = config();
    const backupDir = mkdtempSync(join(tmpdir(), "lahiturva-backups-"));
    const settings = { databasePath: cfg.databasePath, dataDir: cfg.dataDir, backupDir, keep: 2, appSecret: cfg.appSecret };
    // Writes keep coming while the backup copies pages.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        audit({ actorId: null, action: "test.write", detail: { n: written++ } });
        await new Promise((r) => setImmediate(r));
      }
    })();
    const dir = await takeBackup(settings, db().$client);
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    const copy = new Database(join(dir, "lahiturva.sqlite"), { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);

    const target = mkdtempSync(join(tmpdir(), "lahiturva-restored-"));
    const result = restoreBackup(dir, { dataDir: target, databasePath: join(target, "lahiturva.sqlite") });
    expect(result).toEqual({ ok: true });
    const documentId = db().select({ id: documents.id }).from(documents).all()[0].id;
    // The restored process must read the secret from the restored files, not from this environment.
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: target, DATABASE_PATH: join(target, "lahiturva.sqlite") };
    delete env.APP_SECRET;
    const out = execFileSync("node", ["--import", "tsx", "tests/support/restored-download.ts", String(documentId)], {
      env,
      encoding: "utf8",
    });
    const booted = JSON.parse(out.trim().split("\n").pop()!) as { status: number; sha256: string; expected: string[]; secret: string };
    expect(booted.status).toBe(200);
    expect(booted.expected).toContain(booted.sha256);
    expect(booted.secret).toBe(cfg.appSecret);
    expect(db().select().from(auditLog).all().length).toBeGreaterThan(0);
  });

  it("keeps the newest N, and refuses to restore over a running server's files unless forced", async () => {
    const cfg = config();
    const backupDir = mkdtempSync(join(tmpdir(), "lahiturva-backups-"));
    const settings = { databasePath: cfg.databasePath, dataDir: cfg.dataDir, backupDir, keep: 2, appSecret: cfg.appSecret };
    const { clock } = await import("~/server/platform/clock");
    const taken: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock.set(new Date(clock.ms() + 1000));
      taken.push(await takeBackup(settings, db().$client));
    }
    expect(readdirSync(backupDir).sort()).toEqual(
      taken
        .slice(1)
        .map((d) => d.split("/").pop())
        .sort(),
    );
    expect(rotateBackups(backupDir, 2)).toEqual([]);
    // This process stands in for a server running on the target data directory.
    const target = mkdtempSync(join(tmpdir(), "lahiturva-running-"));
    const { writeFileSync } = await import("node:fs");
    const { spawn } = await import("node:child_process");
    const sleeper = spawn("sleep", ["30"]);
    writeFileSync(serverPidFile(target), String(sleeper.pid));
    try {
      expect(restoreBackup(taken[2], { dataDir: target, databasePath: join(target, "lahiturva.sqlite") })).toEqual({
        ok: false,
        reason: "serverRunning",
      });
      expect(existsSync(join(target, "lahiturva.sqlite"))).toBe(false);
      expect(restoreBackup(taken[2], { dataDir: target, databasePath: join(target, "lahiturva.sqlite") }, { force: true })).toEqual({
        ok: true,
      });
    } finally {
      sleeper.kill();
    }
  });
});
