import type { MeasureForm } from "~/forms/measures";
import type { MeasureInput } from "./measures.server";

/** A measure with nothing filled in: what an imported row or a situation's proposal starts from. */
export const BLANK_MEASURE: Omit<MeasureInput, "tasks"> & { tasks: [] } = {
  code: "",
  title: "",
  description: "",
  titleSv: null,
  titleEn: null,
  descriptionSv: null,
  descriptionEn: null,
  priorityAreaId: null,
  ownerOrganisationId: 0,
  responsibleUserId: null,
  partnerIds: [],
  startDate: null,
  endDate: null,
  continuous: false,
  cityWide: true,
  areaIds: [],
  budgetEur: null,
  goalIds: [],
  costShares: [],
  tasks: [],
  published: true,
};

type MeasureTexts = Pick<MeasureInput, "code" | "title" | "description" | "titleSv" | "titleEn" | "descriptionSv" | "descriptionEn">;

/** A measure's identifier, title and description with their translations; a blank translation is null. */
export function measureTexts(v: MeasureTexts) {
  return {
    code: v.code,
    title: v.title,
    description: v.description,
    titleSv: v.titleSv || null,
    titleEn: v.titleEn || null,
    descriptionSv: v.descriptionSv || null,
    descriptionEn: v.descriptionEn || null,
  };
}

/** The validated form as the domain module's input (empty choices become nulls). */
export function measureInputFromForm(v: MeasureForm): MeasureInput {
  return {
    ...measureTexts(v),
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
