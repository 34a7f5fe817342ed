// A consultation's results: aggregates only (counts by major district and district, the candidates'
// points, choices, the scale, approved free text with its area), never a person. Free text reaches
// the results after a moderator (the coordinators or the network covering the answerer's home area)
// approved it. The same figures go to the CSV/XLSX export and to the status review.
import { and, asc, count, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import type ExcelJS from "exceljs";
import Papa from "papaparse";
import {
  areas,
  consultationAnswers,
  consultationResponses,
  consultations,
  type ModerationState,
  type QuestionKind,
} from "../../../db/schema";
import { MIN_PUBLIC_GROUP, rankLimit, SMALL_AREAS } from "../../forms/consultations";
import { localVersion } from "../../i18n/names";
import { areaLineageIds, networkAreaIds, networksCoveringArea, areaNameColumns } from "../city/areas.server";
import { can } from "../people/permissions.server";
import { memberGroupIds, isCoordinator, type Viewer } from "../people/viewer.server";
import { audit } from "../platform/audit.server";
import { clock } from "../platform/clock";
import { db, type Reader } from "../platform/db.server";
import { helsinkiToDate } from "../platform/helsinki-time";
import { consultationQuestionList, consultationState, getConsultationRecord } from "./consultations.server";
import { columnsOf } from "../platform/select-names";

export type AreaCount = { areaId: number | null; nameFi: string | null; nameSv: string | null; count: number };
export type OptionResult = {
  id: number;
  labelFi: string;
  labelSv: string | null;
  labelEn: string | null;
  /** Ranking: how many ranked it; choices: how many chose it. */
  count: number;
  /** Ranking only: points (first place N points, last place 1) and first places. */
  points: number;
  first: number;
};
export type QuestionResult = {
  id: number;
  kind: QuestionKind;
  textFi: string;
  textSv: string | null;
  textEn: string | null;
  /** How many answers gave something to this question. */
  answered: number;
  /** Ranking: the most ranks a person gives (N): rank 1 is worth N points. */
  rankMax: number | null;
  options: OptionResult[];
  /** Choices and ranking by major district: how many in each chose (or ranked) each option. */
  byMajorDistrict: { areaId: number | null; optionId: number; count: number }[];
  /** The 1–5 scale: how many gave each value, and the mean. */
  scale: { counts: number[]; mean: number | null } | null;
  /** Approved free-text answers with the answerer's district (never the person). */
  texts: { id: number; text: string; areaNameFi: string | null; areaNameSv: string | null; inSmallArea?: boolean }[];
};

/** Response counts by an area column of the responses (major district or district). */
function countsBy(
  r: Reader,
  consultationId: number,
  column: typeof consultationResponses.majorDistrictId | typeof consultationResponses.districtId,
): AreaCount[] {
  return r
    .select({ areaId: column, nameFi: areas.nameFi, nameSv: areas.nameSv, count: count() })
    .from(consultationResponses)
    .leftJoin(areas, eq(areas.id, column))
    .where(eq(consultationResponses.consultationId, consultationId))
    .groupBy(column)
    .orderBy(asc(areas.code))
    .all();
}

export function consultationResults(consultationId: number, r: Reader = db()) {
  const questions = consultationQuestionList(consultationId, r);
  const total =
    r.select({ n: count() }).from(consultationResponses).where(eq(consultationResponses.consultationId, consultationId)).get()?.n ?? 0;
  const byMajorDistrict = countsBy(r, consultationId, consultationResponses.majorDistrictId);
  const byDistrict = countsBy(r, consultationId, consultationResponses.districtId);
  const ofConsultation = eq(consultationResponses.consultationId, consultationId);
  const results: QuestionResult[] = questions.map((q) => {
    const inQuestion = and(ofConsultation, eq(consultationAnswers.questionId, q.id));
    const answered =
      r
        .select({ n: sql<number>`count(distinct ${consultationAnswers.responseId})` })
        .from(consultationAnswers)
        .innerJoin(consultationResponses, eq(consultationResponses.id, consultationAnswers.responseId))
        .where(inQuestion)
        .get()?.n ?? 0;
    const base: QuestionResult = {
      id: q.id,
      kind: q.kind,
      textFi: q.textFi,
      textSv: q.textSv,
      textEn: q.textEn,
      answered,
      rankMax: q.kind === "rank" ? rankLimit(q) : null,
      options: [],
      byMajorDistrict: [],
      scale: null,
      texts: [],
    };
    if (q.kind === "rank" || q.kind === "single" || q.kind === "multiple") {
      const n = rankLimit({ ...q, options: q.options });
      const rows = r
        .select({
          optionId: consultationAnswers.optionId,
          count: count(),
          points: sql<number>`coalesce(sum(${n} + 1 - ${consultationAnswers.rank}), 0)`,
          first: sql<number>`coalesce(sum(case when ${consultationAnswers.rank} = 1 then 1 else 0 end), 0)`,
        })
        .from(consultationAnswers)
        .innerJoin(consultationResponses, eq(consultationResponses.id, consultationAnswers.responseId))
        .where(and(inQuestion, isNotNull(consultationAnswers.optionId)))
        .groupBy(consultationAnswers.optionId)
        .all();
      base.options = q.options.map((o) => {
        const row = rows.find((x) => x.optionId === o.id);
        return {
          id: o.id,
          labelFi: o.labelFi,
          labelSv: o.labelSv,
          labelEn: o.labelEn,
          count: row?.count ?? 0,
          points: q.kind === "rank" ? (row?.points ?? 0) : 0,
          first: q.kind === "rank" ? (row?.first ?? 0) : 0,
        };
      });
      if (q.kind === "rank") base.options.sort((a, b) => b.points - a.points || b.first - a.first);
      base.byMajorDistrict = r
        .select({ areaId: consultationResponses.majorDistrictId, optionId: sql<number>`${consultationAnswers.optionId}`, count: count() })
        .from(consultationAnswers)
        .innerJoin(consultationResponses, eq(consultationResponses.id, consultationAnswers.responseId))
        .where(and(inQuestion, isNotNull(consultationAnswers.optionId)))
        .groupBy(consultationResponses.majorDistrictId, consultationAnswers.optionId)
        .all();
    } else if (q.kind === "scale") {
      const rows = r
        .select({ value: consultationAnswers.scale, count: count() })
        .from(consultationAnswers)
        .innerJoin(consultationResponses, eq(consultationResponses.id, consultationAnswers.responseId))
        .where(and(inQuestion, isNotNull(consultationAnswers.scale)))
        .groupBy(consultationAnswers.scale)
        .all();
      const counts = [1, 2, 3, 4, 5].map((v) => rows.find((x) => x.value === v)?.count ?? 0);
      const sum = counts.reduce((s, c, i) => s + c * (i + 1), 0);
      const n = counts.reduce((s, c) => s + c, 0);
      base.scale = { counts, mean: n ? Math.round((sum / n) * 10) / 10 : null };
    } else {
      base.texts = r
        .select({
          id: consultationAnswers.id,
          text: sql<string>`${consultationAnswers.text}`,
          ...areaNameColumns,
        })
        .from(consultationAnswers)
        .innerJoin(consultationResponses, eq(consultationResponses.id, consultationAnswers.responseId))
        .leftJoin(areas, eq(areas.id, consultationResponses.districtId))
        .where(and(inQuestion, eq(consultationAnswers.moderation, "approved")))
        .orderBy(asc(consultationAnswers.id))
        .all();
    }
    return base;
  });
  return { total, byMajorDistrict, byDistrict, questions: results };
}
export type ConsultationResults = ReturnType<typeof consultationResults> & { merged?: boolean };

/**
 * The results as the public may see them. An area with a handful of answerers could let a
 * neighbour tell who answered what (one answer from a district, and that district's column of
 * choices is that person's), so every area with fewer than MIN_PUBLIC_GROUP answers is counted in
 * one "other areas" row instead, the choices by major district likewise, and a free-text answer
 * from such a district loses its district's name. Totals and the answers themselves are unchanged.
 * Staff with live access (coordinators, the steering group) see the exact breakdown.
 */
export function protectSmallGroups(results: ConsultationResults, min = MIN_PUBLIC_GROUP): ConsultationResults {
  const merge = (rows: AreaCount[]) => {
    const small = rows.filter((a) => a.count < min);
    const kept = rows.filter((a) => a.count >= min);
    if (!small.length) return { rows, small: new Set<number | null>() };
    const others: AreaCount = { areaId: SMALL_AREAS, nameFi: null, nameSv: null, count: small.reduce((sum, a) => sum + a.count, 0) };
    return { rows: [...kept, others], small: new Set(small.map((a) => a.areaId)) };
  };
  const major = merge(results.byMajorDistrict);
  const district = merge(results.byDistrict);
  const smallDistrictNames = new Set(results.byDistrict.filter((a) => district.small.has(a.areaId)).map((a) => a.nameFi));
  const questions = results.questions.map((q) => {
    const byMajorDistrict = new Map<string, { areaId: number | null; optionId: number; count: number }>();
    for (const row of q.byMajorDistrict) {
      const areaId = major.small.has(row.areaId) ? SMALL_AREAS : row.areaId;
      const key = `${areaId}:${row.optionId}`;
      const had = byMajorDistrict.get(key);
      byMajorDistrict.set(key, { areaId, optionId: row.optionId, count: (had?.count ?? 0) + row.count });
    }
    return {
      ...q,
      byMajorDistrict: [...byMajorDistrict.values()],
      texts: q.texts.map((text) =>
        text.areaNameFi != null && smallDistrictNames.has(text.areaNameFi)
          ? { ...text, areaNameFi: null, areaNameSv: null, inSmallArea: true }
          : text,
      ),
    };
  });
  return {
    ...results,
    byMajorDistrict: major.rows,
    byDistrict: district.rows,
    questions,
    merged: major.small.size > 0 || district.small.size > 0,
  };
}

/** Who may read the results now: "live" (coordinators, the steering group), "public" (closed, chosen public), or nobody. */
export function resultsAccess(
  viewer: Viewer | null,
  c: { opensAt: Date; closesAt: Date; resultsPublic: boolean },
  now = clock.now(),
): "live" | "public" | null {
  if (viewer && can(viewer, { kind: "consultation.liveResults" })) return "live";
  return consultationState(c, now) === "closed" && c.resultsPublic ? "public" : null;
}

// ---------------------------------------------------------------------------------------------
// Moderation of free text

/** The networks covering an answer's home area (the area the person lived in when answering). */
function networksOf(homeAreaId: number | null): number[] {
  return homeAreaId ? networksCoveringArea(homeAreaId).map((g) => g.id) : [];
}

/** Free-text answers the viewer may moderate: all for coordinators, their areas' for a network. */
export function moderationQueue(viewer: Viewer, consultationId: number) {
  const rows = db()
    .select({
      ...columnsOf(consultationAnswers, "id", "questionId"),
      text: sql<string>`${consultationAnswers.text}`,
      moderation: consultationAnswers.moderation,
      homeAreaId: consultationResponses.homeAreaId,
      ...areaNameColumns,
    })
    .from(consultationAnswers)
    .innerJoin(consultationResponses, eq(consultationResponses.id, consultationAnswers.responseId))
    .leftJoin(areas, eq(areas.id, consultationResponses.districtId))
    .where(and(eq(consultationResponses.consultationId, consultationId), isNotNull(consultationAnswers.text)))
    .orderBy(asc(consultationAnswers.id))
    .all();
  let allowed: (homeAreaId: number | null) => boolean = () => true;
  if (!isCoordinator(viewer)) {
    const mine = new Set(memberGroupIds(viewer).flatMap((g) => networkAreaIds(g).all));
    allowed = (home) => !!home && areaLineageIds(home).some((id) => mine.has(id));
  }
  return rows.filter((r) => allowed(r.homeAreaId)).map(({ homeAreaId: _home, ...r }) => r);
}

/** Approves or rejects a free-text answer; the record decides who may (coordinators, the covering network). */
export function moderateAnswer(
  viewer: Viewer,
  consultationId: number,
  answerId: number,
  decision: Exclude<ModerationState, "pending">,
  now = clock.now(),
): { ok: true } | { ok: false; reason: "notFound" | "forbidden" } {
  return db().transaction((tx) => {
    const row = tx
      .select({ id: consultationAnswers.id, homeAreaId: consultationResponses.homeAreaId })
      .from(consultationAnswers)
      .innerJoin(consultationResponses, eq(consultationResponses.id, consultationAnswers.responseId))
      .where(
        and(
          eq(consultationAnswers.id, answerId),
          eq(consultationResponses.consultationId, consultationId),
          isNotNull(consultationAnswers.text),
        ),
      )
      .get();
    if (!row) return { ok: false as const, reason: "notFound" as const };
    if (!can(viewer, { kind: "consultation.moderate", networkGroupIds: networksOf(row.homeAreaId) }))
      return { ok: false as const, reason: "forbidden" as const };
    tx.update(consultationAnswers)
      .set({ moderation: decision, moderatedById: viewer.id, moderatedAt: now })
      .where(eq(consultationAnswers.id, answerId))
      .run();
    audit(
      {
        actorId: viewer.id,
        action: `consultation.text.${decision}`,
        targetType: "consultation",
        targetId: consultationId,
        detail: { answerId },
      },
      tx,
    );
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Export

type Translate = (key: string, params?: Record<string, unknown>) => string;
/** A cell that starts like a formula is written as text (CSV/formula injection). */
const guard = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The results as rows of one table: what is counted, the question, the choice or area, and the figures. */
export function resultRows(results: ConsultationResults, t: Translate, lang: string): string[][] {
  const name = (a: { areaId?: number | null; nameFi: string | null; nameSv: string | null }) =>
    a.areaId === SMALL_AREAS
      ? t("consultations.results.smallAreas", { min: MIN_PUBLIC_GROUP })
      : a.nameFi
        ? lang === "sv" && a.nameSv
          ? a.nameSv
          : a.nameFi
        : t("consultations.results.noArea");
  const rows: string[][] = [
    [
      t("consultations.export.section"),
      t("consultations.export.question"),
      t("consultations.export.item"),
      t("consultations.export.count"),
      t("consultations.export.points"),
    ],
  ];
  rows.push([t("consultations.results.total"), "", "", String(results.total), ""]);
  for (const a of results.byMajorDistrict) rows.push([t("consultations.results.byMajorDistrict"), "", name(a), String(a.count), ""]);
  for (const a of results.byDistrict) rows.push([t("consultations.results.byDistrict"), "", name(a), String(a.count), ""]);
  for (const q of results.questions) {
    const question = localVersion(q, "text", lang).text;
    const kind = t(`consultations.kinds.${q.kind}`);
    for (const o of q.options)
      rows.push([kind, question, localVersion(o, "label", lang).text, String(o.count), q.kind === "rank" ? String(o.points) : ""]);
    if (q.scale) q.scale.counts.forEach((c, i) => rows.push([kind, question, String(i + 1), String(c), ""]));
    for (const text of q.texts) rows.push([kind, question, text.text, "", ""]);
  }
  return rows.map((row) => row.map(guard));
}

export function resultsCsv(rows: string[][]): string {
  return "\uFEFF" + Papa.unparse(rows, { delimiter: ";", newline: "\r\n" }) + "\r\n";
}

/** exceljs is loaded on first use, as for the measure export. */
export async function resultsXlsx(rows: string[][], sheetName: string): Promise<Buffer> {
  const Excel = (await import("exceljs")).default;
  const workbook = new Excel.Workbook();
  workbook.creator = "Lähiturva";
  workbook.created = clock.now();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [{ width: 28 }, { width: 48 }, { width: 48 }, { width: 10 }, { width: 10 }];
  for (const [i, row] of rows.entries()) {
    const values: ExcelJS.CellValue[] = row.map((v, col) => (i > 0 && col >= 3 && v !== "" ? Number(v) : v));
    sheet.addRow(values);
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// For the status review

export type ReviewConsultation = {
  id: number;
  titleFi: string;
  titleSv: string | null;
  titleEn: string | null;
  closesAt: number;
  total: number;
  byMajorDistrict: AreaCount[];
  /** The first ranking question's candidates by points, best first. */
  ranking: { labelFi: string; labelSv: string | null; labelEn: string | null; points: number; count: number }[];
};

/** Consultations that closed within a review's period (Helsinki calendar days, both ends included), with their main figures. */
export function consultationsClosedBetween(
  periodStart: string,
  periodEnd: string,
  now = clock.now(),
  r: Reader = db(),
): ReviewConsultation[] {
  const from = helsinkiToDate(periodStart, "00:00");
  const until = new Date(helsinkiToDate(periodEnd, "00:00").getTime() + 86_400_000);
  const end = until.getTime() < now.getTime() ? until : now;
  const rows = r
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(gte(consultations.closesAt, from), lt(consultations.closesAt, end)))
    .orderBy(asc(consultations.closesAt))
    .all();
  return rows.map(({ id }) => {
    const c = getConsultationRecord(id, r)!;
    const results = consultationResults(id, r);
    const rank = results.questions.find((q) => q.kind === "rank");
    return {
      id,
      titleFi: c.titleFi,
      titleSv: c.titleSv,
      titleEn: c.titleEn,
      closesAt: c.closesAt.getTime(),
      total: results.total,
      byMajorDistrict: results.byMajorDistrict,
      ranking: (rank?.options ?? []).map((o) => ({
        labelFi: o.labelFi,
        labelSv: o.labelSv,
        labelEn: o.labelEn,
        points: o.points,
        count: o.count,
      })),
    };
  });
}

/** The results page's and the export's data, or why not: an upcoming consultation is the coordinators' only. */
export function consultationResultsFor(viewer: Viewer | null, id: number, now = clock.now()) {
  const c = getConsultationRecord(id);
  if (!c) return "notFound" as const;
  const state = consultationState(c, now);
  if (state === "upcoming" && !can(viewer, { kind: "consultation.manage" })) return "notFound" as const;
  const access = resultsAccess(viewer, c, now);
  if (!access) return "forbidden" as const;
  return {
    consultation: { id: c.id, titleFi: c.titleFi, titleSv: c.titleSv, titleEn: c.titleEn },
    state,
    access,
    // The public reads the results with small areas counted together; live access is exact.
    results: access === "public" ? protectSmallGroups(consultationResults(id)) : consultationResults(id),
  };
}
