import type { MeasureForm } from "~/forms/measures";
import type { MeasureInput } from "./measures.server";

/** The validated form as the domain module's input (empty choices become nulls). */
export function measureInputFromForm(v: MeasureForm): MeasureInput {
  return {
    code: v.code,
    title: v.title,
    description: v.description,
    titleSv: v.titleSv || null,
    titleEn: v.titleEn || null,
    descriptionSv: v.descriptionSv || null,
    descriptionEn: v.descriptionEn || null,
    priorityAreaId: v.priorityAreaId ?? null,
    ownerOrganisationId: v.ownerOrganisationId,
    responsibleUserId: v.responsibleUserId || null,
    partnerIds: v.partnerIds,
    startDate: v.startDate ?? null,
    endDate: v.continuous ? null : (v.endDate ?? null),
    continuous: v.continuous,
    cityWide: v.cityWide,
    areaIds: v.cityWide ? [] : v.areaIds,
    budgetEur: v.budgetEur ?? null,
    goalIds: v.goalIds,
    costShares: v.costShares,
    tasks: v.tasks.map((task) => ({
      title: task.title,
      titleSv: task.titleSv || null,
      titleEn: task.titleEn || null,
      dueDate: task.dueDate ?? null,
      state: task.state,
    })),
    published: v.published,
  };
}
