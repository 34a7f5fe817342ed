import { describe, expect, it } from "vitest";
import { limitChanges, narrowChanges, type ReviewChanges } from "~/server/steering/changes";

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

describe("narrowChanges", () => {
  it("keeps only the changes of the given measures in every group, and the counts follow", () => {
    const changes: ReviewChanges = {
      previousReviewId: 1,
      previousTitle: "Syksy 2026",
      newMeasures: [item(1), item(2)],
      completed: [item(3)],
      newlyLate: [item(2), item(4)],
      statusChanged: [
        { ...item(4), from: "approved" as const, to: "delayed" as const },
        { ...item(5), from: "in_progress" as const, to: "completed" as const },
      ],
    };
    const narrowed = narrowChanges(changes, new Set([2, 4]));
    expect(narrowed.newMeasures.map((m) => m.id)).toEqual([2]);
    expect(narrowed.completed).toEqual([]);
    expect(narrowed.newlyLate.map((m) => m.id)).toEqual([2, 4]);
    expect(narrowed.statusChanged.map((m) => m.id)).toEqual([4]);
    expect(narrowed.previousTitle).toBe("Syksy 2026");
    expect(limitChanges(narrowed, 10).counts).toEqual({ new: 1, completed: 0, newlyLate: 2, statusChanged: 1 });
  });
});
