// Append-only audit trail. There is deliberately no update or delete here.
import { auditLog } from "../../../db/schema";
import type { Db } from "./db.server";
import { db } from "./db.server";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  detail?: unknown;
  at?: Date;
};

export function audit(entry: AuditEntry, tx: Pick<Db, "insert"> = db()): void {
  tx.insert(auditLog)
    .values({
      ...(entry.at ? { at: entry.at } : {}),
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId == null ? null : String(entry.targetId),
      detail: entry.detail == null ? null : JSON.stringify(entry.detail),
    })
    .run();
}
