// Demo status reviews: one sent and closed about five months ago (its figures rebuilt from the
// follow-up history as it stood then), and the current review as a draft with assessments.
import { and, asc, eq, lte } from "drizzle-orm";
import {
  closeReview,
  compileReview,
  createReview,
  markDiscussed,
  recordDecision,
  saveAssessment,
  uniqueReviewTitle,
  type ReviewContent,
} from "../../app/server/steering/reviews.server";
import { addDaysIso, helsinkiDate } from "../../app/server/city/measure-rules";
import type { Db } from "../client";
import { viewerById } from "../../app/server/people/viewer.server";
import { consultationDecisions, followUps, measures, priorityAreas, reviewDecisions, safetyPlans, statusReviews, users } from "../schema";

const DAY = 86400000;

/** The review as it would have been compiled on `asOf`, using each measure's follow-ups up to then. */
function contentAsOf(db: Db, planId: number, reviewId: number, asOf: Date): ReviewContent {
  const content = compileReview(planId, { reviewId, now: asOf });
  const today = helsinkiDate(asOf);
  const history = db.select().from(followUps).where(lte(followUps.reportedAt, asOf)).orderBy(asc(followUps.reportedAt)).all();
  const approvedAt = new Map(
    db
      .select({ id: measures.id, approvedAt: measures.approvedAt })
      .from(measures)
      .where(eq(measures.planId, planId))
      .all()
      .map((m) => [m.id, m.approvedAt]),
  );
  content.measures = content.measures
    .filter((m) => {
      const approved = approvedAt.get(m.id);
      return approved != null && approved.getTime() <= asOf.getTime();
    })
    .map((m) => {
      const latest = history.filter((f) => f.measureId === m.id).at(-1);
      const status = latest?.status ?? "approved";
      const active = ["approved", "in_progress", "delayed", "on_hold"].includes(status);
      const lastTouch = latest?.reportedAt.getTime() ?? approvedAt.get(m.id)!.getTime();
      return {
        ...m,
        status,
        progress: latest?.progress ?? 0,
        late: active && !!m.endDate && m.endDate < today,
        stale: active && lastTouch < asOf.getTime() - 90 * DAY,
        latest: latest
          ? { reportedAt: latest.reportedAt.getTime(), done: latest.done, next: latest.next, obstacles: latest.obstacles }
          : null,
      };
    });
  for (const area of content.priorityAreas) {
    const inArea = content.measures.filter((m) => m.priorityAreaId === area.id);
    for (const key of Object.keys(area.counts) as (keyof typeof area.counts)[])
      area.counts[key] = inArea.filter((m) => m.status === key).length;
    area.total = inArea.length;
    area.late = inArea.filter((m) => m.late).length;
    area.stale = inArea.filter((m) => m.stale).length;
    const committed = inArea.filter((m) => m.status !== "discontinued");
    area.progress = committed.length ? Math.round(committed.reduce((s, m) => s + m.progress, 0) / committed.length) : null;
  }
  content.totals = {
    counts: Object.fromEntries(
      Object.keys(content.totals.counts).map((k) => [
        k,
        content.priorityAreas.reduce((s, a) => s + a.counts[k as keyof typeof a.counts], 0),
      ]),
    ) as ReviewContent["totals"]["counts"],
    total: content.measures.length,
    late: content.measures.filter((m) => m.late).length,
    stale: content.measures.filter((m) => m.stale).length,
  };
  const committed = content.measures.filter((m) => m.status !== "discontinued");
  content.progress = committed.length ? Math.round(committed.reduce((s, m) => s + m.progress, 0) / committed.length) : null;
  return content;
}

const userId = (db: Db, email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;

export function seedDemoReviews(db: Db, now: Date, consultationId: number | null = null) {
  const plan = db.select().from(safetyPlans).where(eq(safetyPlans.status, "in_force")).get();
  if (!plan) return;
  const coordinator = userId(db, "koordinaattori@demo.lahiturva.fi");
  const mayor = userId(db, "pormestari@demo.lahiturva.fi");
  const expert = userId(db, "asiantuntija@demo.lahiturva.fi");
  const areas = db.select().from(priorityAreas).where(eq(priorityAreas.planId, plan.id)).orderBy(asc(priorityAreas.code)).all();

  // The previous review: sent about five months ago, then discussed and closed with decisions.
  const sentAt = new Date(now.getTime() - 150 * DAY);
  const sentDay = helsinkiDate(sentAt);
  const half = Number(sentDay.slice(5, 7)) <= 6 ? 1 : 2;
  const firstId = createReview(viewerById(coordinator), {
    planId: plan.id,
    ...translatedTitles(uniqueReviewTitle(plan.id, `Tilannekatsaus ${half}/${sentDay.slice(0, 4)}`)),
    periodStart: addDaysIso(sentDay, -182),
    periodEnd: addDaysIso(sentDay, -5),
  });
  saveAssessment(
    viewerById(expert),
    firstId,
    null,
    {
      assessment:
        "Toimenpiteet ovat pääosin edenneet suunnitellusti. Kameravalvonnan laajentaminen on viivästynyt hankinnan vuoksi, ja muutaman toimenpiteen seuranta on jäänyt jälkeen.",
      proposals: "Ehdotamme, että digitaalinen turvallisuus ja asukkaiden osallisuus pidetään painopistealueina myös ensi vuonna.",
    },
    null,
    sentAt,
  );
  const content = contentAsOf(db, plan.id, firstId, sentAt);
  db.update(statusReviews)
    .set({ status: "sent", snapshot: JSON.stringify(content), sentAt, sentById: coordinator, version: 2 })
    .where(eq(statusReviews.id, firstId))
    .run();
  markDiscussed(viewerById(mayor), firstId, 2, new Date(sentAt.getTime() + 14 * DAY));
  const meetingDay = addDaysIso(sentDay, 14);
  recordDecision(viewerById(mayor), firstId, {
    decidedOn: meetingDay,
    kind: "priority_areas",
    text: "Johtoryhmä päätti pitää nykyiset painopistealueet voimassa myös seuraavana vuonna.",
    year: Number(sentDay.slice(0, 4)) + 1,
    priorityAreaIds: areas.map((a) => a.id),
  });
  // The decision cites the residents' priority-area consultation that closed during the review's
  // period (written here directly: the demo's answerers need no mail about it at setup).
  if (consultationId) {
    const decision = db
      .select({ id: reviewDecisions.id })
      .from(reviewDecisions)
      .where(and(eq(reviewDecisions.reviewId, firstId), eq(reviewDecisions.kind, "priority_areas")))
      .get();
    if (decision) db.insert(consultationDecisions).values({ decisionId: decision.id, consultationId }).run();
  }
  recordDecision(viewerById(mayor), firstId, {
    decidedOn: meetingDay,
    kind: "other",
    text: "Kameravalvonnan hankinnan aikataulusta pyydetään selvitys seuraavaan kokoukseen.",
  });
  closeReview(viewerById(mayor), firstId, 3, new Date(sentAt.getTime() + 15 * DAY));

  // The current review: a draft the expert group is writing. Five months after the previous one it
  // can fall in the same half-year: titles are unique in a plan, so it then gets "(2)".
  const today = helsinkiDate(now);
  const draftId = createReview(viewerById(coordinator), {
    planId: plan.id,
    ...translatedTitles(uniqueReviewTitle(plan.id, `Tilannekatsaus ${Number(today.slice(5, 7)) <= 6 ? 1 : 2}/${today.slice(0, 4)}`)),
    periodStart: addDaysIso(sentDay, -4),
    periodEnd: today,
  });
  const [first, second] = areas;
  if (first) {
    saveAssessment(
      viewerById(expert),
      draftId,
      first.id,
      {
        assessment:
          "Nuorten parissa tehtävä työ on edennyt hyvin. Ankkuritoiminnan vahvistaminen itäisessä Helsingissä on myöhässä rekrytointien vuoksi.",
        proposals: "Ankkuritoiminnan resurssit tarkistetaan seuraavassa talousarviossa.",
      },
      null,
      now,
    );
  }
  if (second) {
    saveAssessment(
      viewerById(expert),
      draftId,
      second.id,
      {
        assessment: "Julkisen kaupunkitilan toimenpiteistä kameravalvonnan kehittäminen on edelleen viivästynyt; muut etenevät.",
        proposals: "",
      },
      null,
      now,
    );
  }
}

/** The demo's reviews are titled in all three languages; the Finnish title's "(2)" carries over, so each stays unique. */
function translatedTitles(title: string) {
  return {
    title,
    titleSv: title.replace("Tilannekatsaus", "Lägesöversikt"),
    titleEn: title.replace("Tilannekatsaus", "Status review"),
  };
}
