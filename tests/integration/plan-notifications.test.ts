// Who is told what in the resident ↔ network workflow, on a real database: the covering network
// hears of a submitted plan, the authors of the network's answer and of comments, a new co-author
// of being added, the moderators of a report; the person who acted is never told of their own act,
// and each person reads the text in their own language.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { areas, notifications, users } from "../../db/schema";
import { networksCoveringArea } from "~/server/city/areas.server";
import { renderNotification, translatorForLanguage } from "~/server/mail/notifications.server";
import {
  addCoauthor,
  addComment,
  createNeighbourhoodPlan,
  reportComment,
  reviewPlan,
  savePlanAction,
  savePlanGoal,
  saveObservation,
  submitPlan,
} from "~/server/neighbourhood/neighbourhood.server";
import { setPreferredLanguage } from "~/server/people/accounts.server";
import { db } from "~/server/platform/db.server";
import { clock } from "~/server/platform/clock";
import { listCurrentMemberIds, listCurrentMemberIdsOfKind } from "~/server/workspaces/workspace-members.server";
import { DEMO, seedOnce, userIdOf } from "./fixtures";
import { viewerById } from "~/server/people/viewer.server";

const SOFIA = "sofia.koivisto@demo.lahiturva.fi"; // resident of Harju, in the Kallio network's area
const KARI = "kari.vainio@demo.lahiturva.fi"; // Malmi network chair: not this plan's network
const T0 = clock.now();

let linjat: number;
let resident: string;
let sofia: string;
let networkMember: string;
let kari: string;
let kallioMembers: string[];
let coordinators: string[];

/** What one kind of notification about one plan reached, by person. */
const told = (kind: string, planId: number) =>
  db()
    .select({ userId: notifications.userId, messageKey: notifications.messageKey, params: notifications.params, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.kind, kind)))
    .all()
    .filter((n) => (JSON.parse(n.params) as { planId?: number }).planId === planId);
const whoWasTold = (kind: string, planId: number) =>
  told(kind, planId)
    .map((n) => n.userId)
    .sort();

function completeDraft(title: string) {
  const id = createNeighbourhoodPlan(viewerById(resident), linjat, title, T0);
  saveObservation(viewerById(resident), id, {}, { text: "Pimeä oikopolku", placeName: "Karhupuisto", lat: null, lng: null }, T0);
  savePlanGoal(viewerById(resident), id, {}, { text: "Valoisat reitit" }, T0);
  savePlanAction(
    viewerById(resident),
    id,
    {},
    { text: "Talkoot", carriedBy: "residents", organisationId: null, timeline: "", dueDate: null, measureId: null, goalId: null },
    T0,
  );
  return id;
}

beforeAll(async () => {
  await seedOnce();
  linjat = db()
    .select({ id: areas.id })
    .from(areas)
    .where(and(eq(areas.level, "sub_area"), eq(areas.code, "30102")))
    .get()!.id;
  resident = userIdOf(DEMO.resident);
  sofia = userIdOf(SOFIA);
  networkMember = userIdOf(DEMO.network);
  kari = userIdOf(KARI);
  kallioMembers = networksCoveringArea(linjat).flatMap((g) => listCurrentMemberIds(g.id));
  coordinators = listCurrentMemberIdsOfKind("coordinators");
});

describe("the workflow tells people", () => {
  it("a submitted plan reaches the covering network's members, and nobody else", () => {
    const id = completeDraft("Ilmoitettava suunnitelma");
    addCoauthor(viewerById(resident), id, SOFIA, T0);
    expect(submitPlan(viewerById(resident), id, T0)).toEqual({ ok: true });
    const reached = whoWasTold("neighbourhoodPlan.submitted", id);
    expect(kallioMembers.length).toBeGreaterThan(1);
    expect(reached).toEqual([...new Set(kallioMembers)].sort());
    expect(reached).toContain(networkMember);
    expect(reached).not.toContain(kari);
    expect(reached).not.toContain(resident);
    expect(reached).not.toContain(sofia);
    expect(told("neighbourhoodPlan.submitted", id)[0]).toMatchObject({
      messageKey: "neighbourhood.notify.submitted",
      link: `/neighbourhood-plans/${id}`,
    });
  });

  it("where no network covers the area, the coordinators (who review there) hear of the submitted plan", () => {
    const uncovered = db()
      .select({ id: areas.id })
      .from(areas)
      .where(eq(areas.level, "district"))
      .all()
      .find((a) => networksCoveringArea(a.id).length === 0)!;
    expect(uncovered).toBeDefined();
    const id = createNeighbourhoodPlan(viewerById(resident), uncovered.id, "Verkostoton alue", T0);
    saveObservation(viewerById(resident), id, {}, { text: "Havainto", placeName: null, lat: null, lng: null }, T0);
    savePlanGoal(viewerById(resident), id, {}, { text: "Tavoite" }, T0);
    savePlanAction(
      viewerById(resident),
      id,
      {},
      { text: "Toimenpide", carriedBy: "residents", organisationId: null, timeline: "", dueDate: null, measureId: null, goalId: null },
      T0,
    );
    expect(submitPlan(viewerById(resident), id, T0)).toEqual({ ok: true });
    expect(coordinators.length).toBeGreaterThan(0);
    expect(whoWasTold("neighbourhoodPlan.submitted", id)).toEqual([...new Set(coordinators)].sort());
  });

  it("the network's answer reaches the authors, not the reviewer; asking for changes and publishing alike", () => {
    const id = completeDraft("Palautetta saava");
    addCoauthor(viewerById(resident), id, SOFIA, T0);
    submitPlan(viewerById(resident), id, T0);
    reviewPlan(viewerById(networkMember), id, "changes", "Lisätkää aikataulu.", T0);
    expect(whoWasTold("neighbourhoodPlan.changesRequested", id)).toEqual([resident, sofia].sort());
    submitPlan(viewerById(sofia), id, T0);
    // Resubmitting reaches the network again; Sofia (who resubmitted) does not hear of it.
    expect(whoWasTold("neighbourhoodPlan.submitted", id).filter((u) => u === networkMember)).toHaveLength(2);
    reviewPlan(viewerById(networkMember), id, "accept", "", T0);
    expect(whoWasTold("neighbourhoodPlan.published", id)).toEqual([resident, sofia].sort());
    expect(whoWasTold("neighbourhoodPlan.published", id)).not.toContain(networkMember);
  });

  it("a co-author hears they were added; the one who added them does not", () => {
    const id = completeDraft("Yhteinen suunnitelma");
    expect(addCoauthor(viewerById(resident), id, SOFIA, T0).ok).toBe(true);
    expect(whoWasTold("neighbourhoodPlan.coauthorAdded", id)).toEqual([sofia]);
    expect(told("neighbourhoodPlan.coauthorAdded", id)[0]!.link).toBe(`/neighbourhood-plans/${id}/edit`);
  });

  it("a comment reaches the authors but not the commenter; a report reaches the moderators but not the reporter", () => {
    const id = completeDraft("Kommentoitu suunnitelma");
    addCoauthor(viewerById(resident), id, SOFIA, T0);
    submitPlan(viewerById(resident), id, T0);
    reviewPlan(viewerById(networkMember), id, "accept", "", T0);

    const byNetwork = addComment(viewerById(networkMember), id, "Hieno suunnitelma!", T0);
    const bySofia = addComment(viewerById(sofia), id, "Kiitos, aloitetaan keväällä.", T0);
    const comments = told("neighbourhoodPlan.commented", id);
    const about = (commentId: number) =>
      comments
        .filter((n) => (JSON.parse(n.params) as { commentId: number }).commentId === commentId)
        .map((n) => n.userId)
        .sort();
    expect(about(byNetwork)).toEqual([resident, sofia].sort());
    expect(about(bySofia)).toEqual([resident]);
    expect(comments.find((n) => n.link?.endsWith(`#comment-${bySofia}`))).toBeTruthy();

    expect(reportComment(viewerById(networkMember), bySofia, "Asiaton", T0)).toBe(true);
    const moderators = whoWasTold("neighbourhoodPlan.commentReported", id);
    expect(moderators).toEqual([...new Set([...kallioMembers, ...coordinators])].filter((u) => u !== networkMember).sort());
    expect(moderators).not.toContain(networkMember);
    expect(moderators).not.toContain(kari);
    expect(moderators).not.toContain(resident);
  });

  it("each person reads the news in their own language", () => {
    setPreferredLanguage(sofia, "sv");
    const id = completeDraft("Kielet");
    addCoauthor(viewerById(resident), id, SOFIA, T0);
    const row = told("neighbourhoodPlan.coauthorAdded", id)[0]!;
    const locale = db()
      .select({ locale: users.locale })
      .from(users)
      .where(inArray(users.id, [sofia]))
      .get()!.locale;
    expect(renderNotification(translatorForLanguage(locale), row)).toBe(
      `${nameOf(resident)} lade till dig som skribent av planen ”Kielet”`,
    );
    expect(renderNotification(translatorForLanguage("fi"), row)).toContain("lisäsi sinut suunnitelman ”Kielet” laatijaksi");
    setPreferredLanguage(sofia, "fi");
  });
});

const nameOf = (id: string) => db().select({ name: users.name }).from(users).where(eq(users.id, id)).get()!.name;
