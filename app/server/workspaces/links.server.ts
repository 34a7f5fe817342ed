// What agenda items, decisions and documents point at: a measure, a status review, a safety plan or
// a document. A link is resolved only through queries that apply the viewer's rights, so a link
// to something the viewer may not see (above all a non-public document) is never shown: the row
// is not selected, and the caller gets no link at all.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { documents, measures, safetyPlans, statusReviews, type LinkType, type PublicityClass } from "../../../db/schema";
import { db } from "../platform/db.server";
import { readableSql } from "./documents.server";
import { publicMeasureCondition } from "../city/measures.server";
import { can } from "../people/permissions.server";
import { currentPlan } from "../city/plans.server";
import type { Viewer } from "../people/viewer.server";
import { namesOf } from "../platform/select-names";

export type LinkRef = { linkType: LinkType | null; linkId: number | null };
export type ResolvedLink = {
  type: LinkType;
  id: number;
  label: string;
  names?: { nameFi: string; nameSv: string | null; nameEn: string | null };
  href: string;
  publicity?: PublicityClass;
};

export const linkKey = (type: LinkType, id: number) => `${type}:${id}`;

/** Resolves many links at once; a link missing from the result must not be shown. */
export function resolveLinks(viewer: Viewer | null, refs: LinkRef[]): Map<string, ResolvedLink> {
  const ids = (type: LinkType) => [...new Set(refs.filter((r) => r.linkType === type && r.linkId != null).map((r) => r.linkId!))];
  const out = new Map<string, ResolvedLink>();
  const d = db();
  const staff = can(viewer, { kind: "measure.viewAll" });

  const measureIds = ids("measure");
  if (measureIds.length) {
    const rows = d
      .select({ id: measures.id, code: measures.code, title: measures.title })
      .from(measures)
      .where(and(inArray(measures.id, measureIds), staff ? undefined : publicMeasureCondition()))
      .all();
    for (const m of rows)
      out.set(linkKey("measure", m.id), { type: "measure", id: m.id, label: `${m.code} ${m.title}`, href: `/measures/${m.id}` });
  }

  const reviewIds = ids("review");
  if (reviewIds.length && can(viewer, { kind: "review.view" })) {
    for (const r of d
      .select({ id: statusReviews.id, title: statusReviews.title })
      .from(statusReviews)
      .where(inArray(statusReviews.id, reviewIds))
      .all()) {
      out.set(linkKey("review", r.id), { type: "review", id: r.id, label: r.title, href: `/reviews/${r.id}` });
    }
  }

  const planIds = ids("plan");
  if (planIds.length) {
    const rows = d
      .select({ id: safetyPlans.id, ...namesOf(safetyPlans) })
      .from(safetyPlans)
      .where(and(inArray(safetyPlans.id, planIds), staff ? undefined : eq(safetyPlans.published, true)))
      .all();
    for (const p of rows) out.set(linkKey("plan", p.id), { type: "plan", id: p.id, label: p.nameFi, names: p, href: `/plans/${p.id}` });
  }

  const documentIds = ids("document");
  if (documentIds.length && viewer) {
    const rows = d
      .select({ id: documents.id, groupId: documents.groupId, title: documents.title, publicity: documents.publicity })
      .from(documents)
      .where(and(inArray(documents.id, documentIds), readableSql(viewer)))
      .all();
    for (const doc of rows) {
      out.set(linkKey("document", doc.id), {
        type: "document",
        id: doc.id,
        label: doc.title,
        publicity: doc.publicity,
        href: `/workspaces/${doc.groupId}/documents/${doc.id}`,
      });
    }
  }
  return out;
}

export function resolveLink(links: Map<string, ResolvedLink>, ref: LinkRef): ResolvedLink | null {
  return ref.linkType && ref.linkId != null ? (links.get(linkKey(ref.linkType, ref.linkId)) ?? null) : null;
}

/** What an agenda item or a decision of this workspace may link to (a select's options). */
export function linkOptions(viewer: Viewer, groupId: number) {
  const d = db();
  const plan = currentPlan({ publicOnly: false });
  const measureRows = plan
    ? d
        .select({ id: measures.id, code: measures.code, title: measures.title })
        .from(measures)
        .where(eq(measures.planId, plan.id))
        .orderBy(
          sql`cast(${measures.code} as integer)`,
          sql`cast(substr(${measures.code}, instr(${measures.code}, '.') + 1) as integer)`,
          asc(measures.code),
        )
        .all()
    : [];
  const reviews = can(viewer, { kind: "review.view" })
    ? d.select({ id: statusReviews.id, title: statusReviews.title }).from(statusReviews).orderBy(desc(statusReviews.id)).all()
    : [];
  const plans = d
    .select({ id: safetyPlans.id, ...namesOf(safetyPlans) })
    .from(safetyPlans)
    .orderBy(desc(safetyPlans.periodStart))
    .all();
  const docs = d
    .select({ id: documents.id, title: documents.title, publicity: documents.publicity })
    .from(documents)
    .where(and(eq(documents.groupId, groupId), readableSql(viewer)))
    .orderBy(asc(documents.title))
    .all();
  return { measures: measureRows, reviews, plans, documents: docs };
}

export type LinkOptions = ReturnType<typeof linkOptions>;

/** "measure:12" → a checked link (the viewer must be able to see the target); "" → none. */
export function parseLinkValue(
  viewer: Viewer,
  value: string | undefined | null,
): { ok: true; linkType: LinkType | null; linkId: number | null } | { ok: false } {
  if (!value) return { ok: true, linkType: null, linkId: null };
  const m = /^(measure|review|plan|document):(\d+)$/.exec(value);
  if (!m) return { ok: false };
  const ref = { linkType: m[1] as LinkType, linkId: Number(m[2]) };
  return resolveLinks(viewer, [ref]).size ? { ok: true, ...ref } : { ok: false };
}
