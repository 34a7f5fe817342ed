import { describe, expect, it } from "vitest";
import type { ReviewChanges } from "~/server/reviews.server";
import { limitChanges } from "~/ui/ChangeList";

const item = (id: number) => ({ id, code: `1.${id}`, title: `Toimenpide ${id}` });

describe("limitChanges", () => {
  it("cuts each group to the limit and keeps how many each group has in all", () => {
    const changes: ReviewChanges = {
      previousReviewId: 1,
      previousTitle: "Syksy 2026",
      newMeasures: [item(1)],
      completed: [],
      newlyLate: Array.from({ length: 25 }, (_, i) => item(i + 10)),
      statusChanged: Array.from({ length: 12 }, (_, i) => ({ ...item(i + 50), from: "approved" as const, to: "in_progress" as const })),
    };
    const limited = limitChanges(changes, 10);
    expect(limited.newMeasures).toHaveLength(1);
    expect(limited.newlyLate.map((m) => m.id)).toEqual(changes.newlyLate.slice(0, 10).map((m) => m.id));
    expect(limited.statusChanged).toHaveLength(10);
    expect(limited.counts).toEqual({ new: 1, completed: 0, newlyLate: 25, statusChanged: 12 });
  });
});
