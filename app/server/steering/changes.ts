// What changed since a review, shaped for a page: pure (no database, no server-only imports), so the
// steering summary's loader narrows and shortens the changes here and the ChangeList component
// takes these types without reaching into a .server module.
import type { MeasureStatus } from "../../../db/schema";

/** A changed measure: its title in Finnish and, where given, Swedish and English (ui/LocalText). */
type ChangedMeasure = { id: number; code: string; title: string; titleSv?: string | null; titleEn?: string | null };

export type ReviewChanges = {
  previousReviewId: number;
  previousTitle: string;
  newMeasures: ChangedMeasure[];
  completed: ChangedMeasure[];
  newlyLate: ChangedMeasure[];
  statusChanged: (ChangedMeasure & { from: MeasureStatus; to: MeasureStatus })[];
};

/** The changes themselves, whichever review they are counted from (a comparison of two reviews has no "previous"). */
export type Changes = Omit<ReviewChanges, "previousReviewId" | "previousTitle">;

/** How many changes each group has in all (limitChanges). */
export type ChangeCounts = Record<"new" | "completed" | "newlyLate" | "statusChanged", number>;

/** Only the changes of these measures (the summary's filters apply to its changes too). */
export function narrowChanges<T extends Changes>(changes: T, measureIds: ReadonlySet<number>): T {
  return {
    ...changes,
    newMeasures: changes.newMeasures.filter((m) => measureIds.has(m.id)),
    completed: changes.completed.filter((m) => measureIds.has(m.id)),
    newlyLate: changes.newlyLate.filter((m) => measureIds.has(m.id)),
    statusChanged: changes.statusChanged.filter((m) => measureIds.has(m.id)),
  };
}

/** Each group of changes cut to `limit` entries, with how many each group has in all. */
export function limitChanges<T extends Changes>(changes: T, limit: number) {
  return {
    ...changes,
    newMeasures: changes.newMeasures.slice(0, limit),
    completed: changes.completed.slice(0, limit),
    newlyLate: changes.newlyLate.slice(0, limit),
    statusChanged: changes.statusChanged.slice(0, limit),
    counts: {
      new: changes.newMeasures.length,
      completed: changes.completed.length,
      newlyLate: changes.newlyLate.length,
      statusChanged: changes.statusChanged.length,
    } satisfies ChangeCounts,
  };
}
