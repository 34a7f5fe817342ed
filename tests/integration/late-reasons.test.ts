// The reason a measure is late or stale is derived from the same SQL rule as the flag: for every
// demo measure, at several moments, the reason exists exactly when the flag is set, and says true things.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { measures, measureTasks } from "../../db/schema";
import { helsinkiDate, parseReasons } from "~/server/city/measure-rules";
import { getMeasure, lateReasonSql, lateSql, listMeasures, staleReasonSql, staleSql } from "~/server/city/measures.server";
import { currentPlan } from "~/server/city/plans.server";
import { clock } from "~/server/platform/clock";
import { db } from "~/server/platform/db.server";
import { seedOnce } from "./fixtures";

beforeAll(async () => {
  await seedOnce();
});

function flagsAndReasons(now: Date) {
  return db()
    .select({
      id: measures.id,
      code: measures.code,
      endDate: measures.endDate,
      lastFollowUpAt: measures.lastFollowUpAt,
      late: lateSql(now),
      stale: staleSql(now),
      lateReason: lateReasonSql(now),
      staleReason: staleReasonSql(now),
    })
    .from(measures)
    .all()
    .map((r) => ({ ...r, ...parseReasons(r) }));
}

describe("late and stale reasons", () => {
  const moments = () => {
    const now = clock.now();
    const day = 86_400_000;
    return [now, new Date(now.getTime() - 400 * day), new Date(now.getTime() + 200 * day), new Date(now.getTime() + 800 * day)];
  };

  it("agree with the flags for every demo measure", () => {
    let lateSeen = 0;
    let staleSeen = 0;
    for (const now of moments()) {
      const today = helsinkiDate(now);
      const rows = flagsAndReasons(now);
      expect(rows.length).toBeGreaterThan(10);
      for (const r of rows) {
        expect(r.lateReason !== null, `late reason of ${r.code}`).toBe(!!r.late);
        expect(r.staleReason !== null, `stale reason of ${r.code}`).toBe(!!r.stale);
        if (r.lateReason?.kind === "end") {
          expect(r.lateReason.date).toBe(r.endDate);
          expect(r.lateReason.date < today).toBe(true);
        }
        if (r.lateReason?.kind === "task") {
          const reason = r.lateReason;
          expect(reason.date < today).toBe(true);
          const task = db()
            .select()
            .from(measureTasks)
            .where(eq(measureTasks.measureId, r.id))
            .all()
            .find((t) => t.title === reason.title && t.dueDate === reason.date);
          expect(task?.state).toBe("open");
        }
        if (r.staleReason) {
          expect(r.staleReason.lastReportAt).toBe(r.lastFollowUpAt ? r.lastFollowUpAt.getTime() : null);
          expect(r.staleReason.everyDays).toBeGreaterThan(0);
        }
        if (r.late) lateSeen++;
        if (r.stale) staleSeen++;
      }
    }
    // The demo has both kinds, so the agreement above is not vacuous.
    expect(lateSeen).toBeGreaterThan(0);
    expect(staleSeen).toBeGreaterThan(0);
  });

  it("says demo measure 6.4 is late because of an overdue task, though its end date is ahead", () => {
    const row = db().select({ id: measures.id, endDate: measures.endDate }).from(measures).where(eq(measures.code, "6.4")).get();
    expect(row!.endDate! > helsinkiDate(clock.now())).toBe(true);
    const m = getMeasure(row!.id, { publicOnly: false });
    expect(m?.late).toBe(true);
    expect(m?.lateReason?.kind).toBe("task");
  });

  it("the measure list carries the same reasons as its flags", () => {
    const plan = currentPlan({ publicOnly: false })!;
    const list = listMeasures({ planId: plan.id, pageSize: 500 }, { publicOnly: false });
    for (const m of list.rows) {
      expect(m.lateReason !== null).toBe(m.late);
      expect(m.staleReason !== null).toBe(m.stale);
    }
  });
});
