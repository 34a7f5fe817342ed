// npm run restore <backup dir> [--force]: puts a backup back into DATA_DIR / DATABASE_PATH.
// Stop the server first; without --force a running server's data directory is refused.
import { resolve } from "node:path";
import { restoreBackup } from "../app/server/platform/backup.server";
import { config } from "../app/server/platform/config.server";

const args = process.argv.slice(2);
const from = args.find((a) => !a.startsWith("--"));
if (!from) {
  console.error("Usage: npm run restore -- <backup directory> [--force]");
  process.exit(2);
}
const cfg = config();
const result = restoreBackup(resolve(from), { dataDir: cfg.dataDir, databasePath: cfg.databasePath }, { force: args.includes("--force") });
if (!result.ok) {
  const why = {
    serverRunning: "a server is running on this data directory (stop it, or pass --force)",
    notABackup: "that directory is not a Lähiturva backup",
    integrity: "the backup's database fails its checksum or integrity check",
  }[result.reason];
  console.error(`Restore refused: ${why}.`);
  process.exit(1);
}
console.log(`Restored ${from} into ${cfg.dataDir}. Start the server.`);
