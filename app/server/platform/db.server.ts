// The process-wide database connection. Kept on globalThis so dev rebuilds reuse it.
import { chmodSync, existsSync } from "node:fs";
import { openDatabase, type Db, type Tx } from "../../../db/client";
import { config } from "./config.server";

declare global {
  // eslint-disable-next-line no-var
  var __lahiturvaDb: Db | undefined;
}

export function db(): Db {
  if (!globalThis.__lahiturvaDb) {
    // The data directory (database, documents, secret, outbox, backups) is the server user's only.
    const { dataDir } = config();
    if (existsSync(dataDir)) chmodSync(dataDir, 0o700);
  }
  globalThis.__lahiturvaDb ??= openDatabase(config().databasePath);
  return globalThis.__lahiturvaDb;
}
export type { Db, Tx };

/** What a read needs: the connection or the caller's transaction. */
export type Reader = Pick<Db, "select" | "selectDistinct" | "all">;
