// The process-wide database connection. Kept on globalThis so dev rebuilds reuse it.
import { openDatabase, type Db } from "../../db/client";
import { config } from "./config.server";

declare global {
  // eslint-disable-next-line no-var
  var __lahiturvaDb: Db | undefined;
}

export function db(): Db {
  globalThis.__lahiturvaDb ??= openDatabase(config().databasePath);
  return globalThis.__lahiturvaDb;
}
export type { Db };
