// The first run of an empty city (`npm run setup -- --empty`): while the database has no users,
// /first-run creates the first coordinator (and the coordinators' group when there is none).
// Once any user exists the page is gone for good.
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { groups, memberships, users, type Locale } from "../../../db/schema";
import { i18nFor } from "../../i18n/i18n.server";
import { audit } from "../platform/audit.server";
import { clock } from "../platform/clock";
import { db } from "../platform/db.server";
import { hashPassword } from "./passwords.server";

export function hasUsers(): boolean {
  return (db().select({ n: count() }).from(users).get()?.n ?? 0) > 0;
}

export async function createFirstCoordinator(input: {
  name: string;
  email: string;
  password: string;
  locale: Locale;
}): Promise<{ ok: true; userId: string } | { ok: false; reason: "taken" }> {
  const passwordHash = await hashPassword(input.password);
  return db().transaction((tx) => {
    // Checked again inside the write lock: two first-run posts at once create one coordinator.
    if ((tx.select({ n: count() }).from(users).get()?.n ?? 0) > 0) return { ok: false as const, reason: "taken" as const };
    const userId = randomUUID();
    tx.insert(users)
      .values({ id: userId, email: input.email.trim().toLowerCase(), name: input.name.trim(), passwordHash, locale: input.locale })
      .run();
    let groupId = tx.select({ id: groups.id }).from(groups).where(eq(groups.kind, "coordinators")).get()?.id;
    if (!groupId) {
      const name = (lng: Locale) => i18nFor(lng).t("cityData.firstRun.groupName");
      groupId = tx
        .insert(groups)
        .values({ kind: "coordinators", nameFi: name("fi"), nameSv: name("sv"), nameEn: name("en") })
        .returning({ id: groups.id })
        .get().id;
    }
    tx.insert(memberships).values({ userId, groupId, position: "member", joinedAt: clock.now() }).run();
    audit({ actorId: userId, action: "firstRun.coordinatorCreated", targetType: "user", targetId: userId }, tx);
    return { ok: true as const, userId };
  });
}
