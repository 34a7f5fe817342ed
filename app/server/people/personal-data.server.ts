// A person's own data, as one JSON document they can download from their account page (the GDPR
// right of access, art. 15, in a portable form, art. 20). Everything stored with their user id:
// profile, roles, sessions, settings and notifications, and what they have written or done, their
// rectification requests and objections with the answers (not who answered: staff's own data).
// Never included: the password hash, session ids (they are bearer secrets), and other people's
// words (a comment thread lists only the person's own comments).
import { eq } from "drizzle-orm";
import {
  areas,
  auditLog,
  commentReports,
  documentAccessLog,
  documents,
  followUpRevisions,
  followUps,
  groups,
  measures,
  meetingAttendance,
  memberships,
  networkMeasureNotes,
  neighbourhoodPlans,
  notifications,
  observations,
  organisations,
  planActions,
  planAuthors,
  planComments,
  planGoals,
  planObservations,
  posts,
  recoveryCodes,
  residencies,
  rightsRequests,
  secondFactors,
  sessions,
  userSettings,
  users,
} from "../../../db/schema";
import { audit } from "../platform/audit.server";
import { db } from "../platform/db.server";
import { clock } from "../platform/clock";
import { personalConsultationAnswers } from "../consultations/answers.server";
import { isSubscribed } from "../consultations/consultations.server";
import { columnsOf } from "../platform/select-names";

export function personalData(userId: string, now = clock.now()) {
  const d = db();
  const user = d.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return null;
  const { passwordHash: _secret, ...profile } = user;
  return {
    exportedAt: now.toISOString(),
    profile,
    memberships: d
      .select({
        group: groups.nameFi,
        groupKind: groups.kind,
        organisation: organisations.nameFi,
        ...columnsOf(memberships, "position", "joinedAt", "leftAt"),
      })
      .from(memberships)
      .innerJoin(groups, eq(groups.id, memberships.groupId))
      .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(memberships.userId, userId))
      .all(),
    residencies: d
      .select({ area: areas.nameFi, areaCode: areas.code })
      .from(residencies)
      .innerJoin(areas, eq(areas.id, residencies.areaId))
      .where(eq(residencies.userId, userId))
      .all(),
    sessions: d
      .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, userAgent: sessions.userAgent })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .all(),
    settings: d.select().from(userSettings).where(eq(userSettings.userId, userId)).get() ?? null,
    notifications: d.select().from(notifications).where(eq(notifications.userId, userId)).all(),
    measuresResponsibleFor: d
      .select({ id: measures.id, code: measures.code, title: measures.title, status: measures.status })
      .from(measures)
      .where(eq(measures.responsibleUserId, userId))
      .all(),
    measuresProposed: d
      .select({ id: measures.id, code: measures.code, title: measures.title, status: measures.status })
      .from(measures)
      .where(eq(measures.proposedById, userId))
      .all(),
    followUpsReported: d
      .select({
        measureCode: measures.code,
        ...columnsOf(followUps, "reportedAt", "status", "progress", "done", "next", "obstacles", "publicText"),
      })
      .from(followUps)
      .innerJoin(measures, eq(measures.id, followUps.measureId))
      .where(eq(followUps.reportedById, userId))
      .all(),
    followUpCorrections: d.select().from(followUpRevisions).where(eq(followUpRevisions.editedById, userId)).all(),
    neighbourhoodPlans: d
      .select({ id: neighbourhoodPlans.id, title: neighbourhoodPlans.title, status: neighbourhoodPlans.status, role: planAuthors.role })
      .from(planAuthors)
      .innerJoin(neighbourhoodPlans, eq(neighbourhoodPlans.id, planAuthors.planId))
      .where(eq(planAuthors.userId, userId))
      .all(),
    planObservations: d.select().from(planObservations).where(eq(planObservations.authorId, userId)).all(),
    planGoals: d.select().from(planGoals).where(eq(planGoals.authorId, userId)).all(),
    planActions: d.select().from(planActions).where(eq(planActions.authorId, userId)).all(),
    planComments: d.select().from(planComments).where(eq(planComments.authorId, userId)).all(),
    commentReports: d.select().from(commentReports).where(eq(commentReports.reporterId, userId)).all(),
    networkNotes: d.select().from(networkMeasureNotes).where(eq(networkMeasureNotes.authorId, userId)).all(),
    workspacePosts: d.select().from(posts).where(eq(posts.authorId, userId)).all(),
    documentsCreated: d
      .select({ id: documents.id, title: documents.title, publicity: documents.publicity, createdAt: documents.createdAt })
      .from(documents)
      .where(eq(documents.createdById, userId))
      .all(),
    meetingAttendance: d.select().from(meetingAttendance).where(eq(meetingAttendance.userId, userId)).all(),
    documentViews: d
      .select({
        ...columnsOf(documentAccessLog, "documentId", "action", "at", "ip"),
      })
      .from(documentAccessLog)
      .where(eq(documentAccessLog.userId, userId))
      .all(),
    // Second factors without their secrets or public keys; recovery codes only as counts.
    secondFactors: d
      .select({
        ...columnsOf(secondFactors, "kind", "label", "createdAt", "lastUsedAt"),
      })
      .from(secondFactors)
      .where(eq(secondFactors.userId, userId))
      .all(),
    recoveryCodes: (() => {
      const rows = d.select({ usedAt: recoveryCodes.usedAt }).from(recoveryCodes).where(eq(recoveryCodes.userId, userId)).all();
      return { unused: rows.filter((r) => !r.usedAt).length, used: rows.filter((r) => r.usedAt).map((r) => r.usedAt) };
    })(),
    rightsRequests: d
      .select({
        ...columnsOf(rightsRequests, "id", "kind", "body", "status", "createdAt", "dueAt", "answer", "answeredAt"),
      })
      .from(rightsRequests)
      .where(eq(rightsRequests.userId, userId))
      .all(),
    // Requests this person answered as a coordinator (their own work, without the requester's words).
    rightsRequestsAnswered: d
      .select({ id: rightsRequests.id, kind: rightsRequests.kind, answeredAt: rightsRequests.answeredAt })
      .from(rightsRequests)
      .where(eq(rightsRequests.answeredById, userId))
      .all(),
    // The person's own consultation answers (nobody else can link them to the person).
    consultationAnswers: personalConsultationAnswers(userId),
    consultationNotices: isSubscribed(userId),
    // Map observations they reported, with the exact place and every answer they got.
    mapObservations: d
      .select({
        id: observations.id,
        area: areas.nameFi,
        ...columnsOf(observations, "lat", "lng", "address", "categoryId", "timeOfDay", "dayType", "description", "review", "refusalReason"),
        ...columnsOf(observations, "handling", "publicReply", "createdAt"),
      })
      .from(observations)
      .innerJoin(areas, eq(areas.id, observations.areaId))
      .where(eq(observations.reporterId, userId))
      .all(),
    actions: d
      .select({ action: auditLog.action, targetType: auditLog.targetType, targetId: auditLog.targetId, at: auditLog.at })
      .from(auditLog)
      .where(eq(auditLog.actorId, userId))
      .all(),
  };
}

/** The download itself is recorded too: who took a copy of their data, and when. */
export function exportPersonalData(userId: string, now = clock.now()) {
  const data = personalData(userId, now);
  if (data) audit({ actorId: userId, action: "account.dataExported", targetType: "user", targetId: userId });
  return data;
}
