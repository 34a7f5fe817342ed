// npm run backup: one online backup of the data directory (see app/server/platform/backup.server.ts).
import { config } from "../app/server/platform/config.server";
import { shown, takeBackup } from "../app/server/platform/backup.server";

const cfg = config();
try {
  const dir = await takeBackup({
    databasePath: cfg.databasePath,
    dataDir: cfg.dataDir,
    backupDir: cfg.backupDir,
    keep: cfg.backupKeep,
    appSecret: cfg.appSecret,
  });
  console.log(`Backup written to ${shown(dir)} (integrity ok; keeping the newest ${cfg.backupKeep}).`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
