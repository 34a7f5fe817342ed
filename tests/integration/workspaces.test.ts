// Group workspaces on the real (migrated, seeded) database: access ends with the membership, a
// confidential attachment is invisible everywhere to a member without the right and visible and
// logged for one with it, the access log cannot be changed, versions are kept, uploads are checked
// by content and size, and the reminders job (on a fake clock) sends each reminder exactly once.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink";
import {
  documentAccessLog,
  documents,
  documentVersions,
  groups,
  mailLog,
  meetings,
  memberships,
  notifications,
  remindersSent,
  safetyPlans,
  statusReviews,
  userSettings,
  measures,
  organisations,
} from "../../db/schema";
import { loader as documentPageLoader } from "~/routes/workspaces.$groupId.documents.$documentId";
import { action as documentsAction, loader as documentsLoader } from "~/routes/workspaces.$groupId.documents._index";
import { loader as downloadLoader } from "~/routes/documents.$documentId.download";
import { loader as meetingLoader } from "~/routes/workspaces.$groupId.meetings.$meetingId";
import { loader as icsLoader } from "~/routes/workspaces.$groupId.meetings.$meetingId[.ics]";
import { loader as workspaceLoader } from "~/routes/workspaces.$groupId._index";
import { loader as workspacesLoader } from "~/routes/workspaces._index";
import { startSession } from "~/server/people/auth.server";
import { config } from "~/server/platform/config.server";
import { db } from "~/server/platform/db.server";
import { clock } from "~/server/platform/clock";
import { attachmentHeader as contentDisposition } from "~/server/platform/downloads.server";
import {
  addVersion,
  countReadableDocuments,
  createDocument,
  documentsLinkedTo,
  documentsToRead,
  getDocument,
  getVersionForDownload,
  linkableDocuments,
  listDocuments,
  MAX_DOCUMENT_BYTES,
  storedPath,
} from "~/server/workspaces/documents.server";
import { checkUpload, zipEntryNames } from "~/server/platform/file-sniff";
import { calendarFor, foldLine } from "~/server/workspaces/ical";
import { linkOptions } from "~/server/workspaces/links.server";
import { sendMail } from "~/server/mail/mail.server";
import {
  approveMinutes,
  createMeeting,
  getMeeting,
  listDecisions,
  meetingCalendar,
  recordDecision,
  saveMinutes,
} from "~/server/workspaces/meetings.server";
import { deliverImmediateMail, sendDailyDigests, setEmailMode } from "~/server/mail/notifications.server";
import { can } from "~/server/people/permissions.server";
import { runReminders } from "~/server/jobs/reminders.server";
import { createReview, sendReview } from "~/server/steering/reviews.server";
import { createThread, findMentions } from "~/server/workspaces/threads.server";
import { loadViewer, viewerById } from "~/server/people/viewer.server";
import { linkedRecords, listWorkspaces } from "~/server/workspaces/workspaces.server";
import { DEMO, seedOnce, userIdOf, viewerOf } from "./fixtures";

const DAY = 86400000;
const EMAIL = {
  antti: "antti.mustonen@demo.lahiturva.fi",
  satu: "satu.rantanen@demo.lahiturva.fi",
  riikka: "riikka.lehtonen@demo.lahiturva.fi",
  juha: "juha.peltonen@demo.lahiturva.fi",
  niko: "niko.saarinen@demo.lahiturva.fi",
  katariina: "katariina.makela@demo.lahiturva.fi",
  henrik: "henrik.sjoberg@demo.lahiturva.fi",
};

let expertGroup: number;
let steeringGroup: number;
let agreementId: number;
let attachmentId: number;

const groupId = (kind: string) =>
  db()
    .select({ id: groups.id })
    .from(groups)
    .where(eq(groups.kind, kind as "expert"))
    .get()!.id;
const docId = (title: string) =>
  db()
    .select({ id: documents.id })
    .from(documents)
    .where(sql`${documents.title} like ${`${title}%`}`)
    .get()!.id;

/** A request as a signed-in person (a real session), and the context the HTTP server would give. */
async function as(email: string, url: string, init: RequestInit = {}) {
  const cookie = (await startSession(userIdOf(email), "vitest")).split(";")[0]!;
  const headers = new Headers(init.headers);
  headers.set("Cookie", cookie);
  return {
    request: new Request(`http://localhost${url}`, { ...init, headers }),
    context: { nonce: "n", clientIp: "10.0.0.7", memo: {}, setCookies: [] as string[] },
  };
}

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    const res = await promise;
    return res instanceof Response ? res.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

const accessLogFor = (documentId: number) =>
  db().select().from(documentAccessLog).where(eq(documentAccessLog.documentId, documentId)).all();

beforeAll(async () => {
  await seedOnce();
  expertGroup = groupId("expert");
  steeringGroup = groupId("steering");
  agreementId = docId("Kameravalvonnan yhteistyösopimus");
  attachmentId = docId("Liite 1:");
});

describe("who may enter a workspace", () => {
  it("current members and coordinators enter; others, and former members, do not", async () => {
    const juha = viewerOf(EMAIL.juha); // left the expert group in 2025
    expect(can(juha, { kind: "workspace.view", groupId: expertGroup })).toBe(false);
    expect(listWorkspaces(juha)).toEqual([]);
    expect(
      await status(
        workspaceLoader(
          await as(EMAIL.juha, `/workspaces/${expertGroup}`).then((r) => ({ ...r, params: { groupId: String(expertGroup) } })),
        ),
      ),
    ).toBe(403);
    expect(await status(workspacesLoader(await as(EMAIL.juha, "/workspaces").then((r) => ({ ...r, params: {} }))))).toBe(403);
    expect(
      await status(
        workspaceLoader(
          await as(DEMO.expert, `/workspaces/${expertGroup}`).then((r) => ({ ...r, params: { groupId: String(expertGroup) } })),
        ),
      ),
    ).toBe(200);
    expect(
      await status(
        workspaceLoader(
          await as(DEMO.coordinator, `/workspaces/${expertGroup}`).then((r) => ({ ...r, params: { groupId: String(expertGroup) } })),
        ),
      ),
    ).toBe(200);
    expect(
      await status(
        workspaceLoader(
          await as(DEMO.mayor, `/workspaces/${expertGroup}`).then((r) => ({ ...r, params: { groupId: String(expertGroup) } })),
        ),
      ),
    ).toBe(403);
    expect(
      await status(workspaceLoader(await as(DEMO.expert, "/workspaces/999999").then((r) => ({ ...r, params: { groupId: "999999" } })))),
    ).toBe(404);
  });

  it("ending a membership ends access at once: pages, documents and invitations", async () => {
    const henrik = userIdOf(EMAIL.henrik);
    const before = loadViewer(henrik)!;
    expect(getDocument(before, agreementId)).not.toBeNull();
    db()
      .update(memberships)
      .set({ leftAt: new Date(clock.ms() - 1000) })
      .where(and(eq(memberships.userId, henrik), eq(memberships.groupId, expertGroup)))
      .run();
    try {
      const after = loadViewer(henrik)!;
      expect(can(after, { kind: "workspace.view", groupId: expertGroup })).toBe(false);
      expect(getDocument(after, agreementId)).toBeNull();
      expect(listDocuments(after, expertGroup)).toEqual([]);
      expect(
        await status(
          workspaceLoader(
            await as(EMAIL.henrik, `/workspaces/${expertGroup}`).then((r) => ({ ...r, params: { groupId: String(expertGroup) } })),
          ),
        ),
      ).toBe(403);
      // A meeting called now does not invite him.
      const { id } = createMeeting(viewerOf(EMAIL.katariina), expertGroup, {
        title: "Ylimääräinen kokous",
        startsAt: new Date(clock.ms() + 30 * DAY),
        endsAt: new Date(clock.ms() + 30 * DAY + 3600000),
        place: "Kaupungintalo",
        onlineUrl: null,
      });
      const meeting = getMeeting(viewerOf(EMAIL.katariina), expertGroup, id)!;
      expect(meeting.attendance.map((a) => a.userId)).not.toContain(henrik);
      expect(meeting.attendance.map((a) => a.userId)).toContain(userIdOf(DEMO.expert));
    } finally {
      db()
        .update(memberships)
        .set({ leftAt: null })
        .where(and(eq(memberships.userId, henrik), eq(memberships.groupId, expertGroup)))
        .run();
    }
  });
});

describe("a confidential attachment", () => {
  const nextExpertMeeting = () =>
    db()
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.groupId, expertGroup), eq(meetings.status, "planned"), sql`${meetings.title} = 'Asiantuntijaryhmän kokous'`))
      .get()!.id;

  it("is invisible everywhere to a member of the workspace without the right", async () => {
    const satu = viewerOf(EMAIL.satu); // expert group, culture and leisure: no grant
    expect(can(satu, { kind: "workspace.view", groupId: expertGroup })).toBe(true);
    // The main document is public to the workspace…
    expect(getDocument(satu, agreementId)).not.toBeNull();
    // …the attachment is not: not by id, not in lists, counts, search, attachments, links or downloads.
    expect(getDocument(satu, attachmentId)).toBeNull();
    expect(getVersionForDownload(satu, attachmentId)).toBeNull();
    expect(listDocuments(satu, expertGroup, { parentId: agreementId })).toEqual([]);
    expect(listDocuments(satu, expertGroup).find((d) => d.id === agreementId)?.attachments).toBe(0);
    expect(listDocuments(satu, expertGroup, { q: "Liite" })).toEqual([]);
    expect(listDocuments(satu, expertGroup, { q: "vastuuhenkilöt" }).map((d) => d.id)).not.toContain(attachmentId);
    expect(getDocument(satu, agreementId)!.attachments).toEqual([]);
    expect(linkableDocuments(satu, expertGroup).map((d) => d.id)).not.toContain(attachmentId);
    expect(linkOptions(satu, expertGroup).documents.map((d) => d.id)).not.toContain(attachmentId);
    expect(documentsToRead(satu, expertGroup).map((d) => d.id)).not.toContain(attachmentId);
    const jari = viewerOf(DEMO.expert);
    expect(countReadableDocuments(satu, expertGroup)).toBe(countReadableDocuments(jari, expertGroup) - 1);
    // The measure page's documents.
    const measureId = db().select({ linkId: documents.linkId }).from(documents).where(eq(documents.id, attachmentId)).get()!.linkId!;
    expect(documentsLinkedTo(satu, "measure", measureId).map((d) => d.id)).toEqual([agreementId]);
    expect(linkedRecords(satu, "measure", measureId).documents.map((d) => d.id)).not.toContain(attachmentId);
    // The next meeting's agenda item about it shows no link at all (the item itself stays).
    const meeting = getMeeting(satu, expertGroup, nextExpertMeeting())!;
    const item = meeting.agenda.find((a) => a.title.startsWith("Kameravalvonnan sopimuksen liitteen 1"))!;
    expect(item.link).toBeNull();
    expect(JSON.stringify(meeting)).not.toContain(`/documents/${attachmentId}`);
    expect(meetingCalendar(satu, expertGroup, nextExpertMeeting())).not.toContain(`/documents/${attachmentId}`);
    // Through the routes: 404 (its existence is not revealed), and the lists of the pages.
    const page = await as(EMAIL.satu, `/workspaces/${expertGroup}/documents/${attachmentId}`);
    expect(await status(documentPageLoader({ ...page, params: { groupId: String(expertGroup), documentId: String(attachmentId) } }))).toBe(
      404,
    );
    const dl = await as(EMAIL.satu, `/documents/${attachmentId}/download`);
    expect(await status(downloadLoader({ ...dl, params: { documentId: String(attachmentId) } }))).toBe(404);
    const list = await as(EMAIL.satu, `/workspaces/${expertGroup}/documents?q=Liite`);
    const listed = await (await documentsLoader({ ...list, params: { groupId: String(expertGroup) } })).json();
    expect(JSON.stringify(listed)).not.toContain("Liite 1");
    const meetingPage = await as(EMAIL.satu, `/workspaces/${expertGroup}/meetings/${nextExpertMeeting()}`);
    const meetingData = await (
      await meetingLoader({ ...meetingPage, params: { groupId: String(expertGroup), meetingId: String(nextExpertMeeting()) } })
    ).json();
    expect(
      meetingData.agenda.filter(
        (a: { link: { type: string; id: number } | null }) => a.link?.type === "document" && a.link.id === attachmentId,
      ),
    ).toEqual([]);
    expect(JSON.stringify(meetingData)).not.toContain(`/documents/${attachmentId}`);
    expect(JSON.stringify(meetingData)).not.toContain("Liite 1");
    expect(JSON.stringify(meetingData.options)).toBe("null"); // not an organiser: no link options at all
    expect(accessLogFor(attachmentId).filter((e) => e.userId === satu.id)).toEqual([]);
  });

  it("is visible to the police (an organisation grant) and every opening and download is logged", async () => {
    const jari = viewerOf(DEMO.expert);
    expect(getDocument(jari, attachmentId)?.access.grant).toBe("read");
    expect(getDocument(jari, attachmentId)?.canUpdate).toBe(false);
    expect(listDocuments(jari, expertGroup, { parentId: agreementId }).map((d) => d.id)).toEqual([attachmentId]);
    expect(getMeeting(jari, expertGroup, nextExpertMeeting())!.agenda.some((a) => a.link?.id === attachmentId)).toBe(true);
    const before = accessLogFor(attachmentId).length;

    const page = await as(DEMO.expert, `/workspaces/${expertGroup}/documents/${attachmentId}`);
    const res = await documentPageLoader({ ...page, params: { groupId: String(expertGroup), documentId: String(attachmentId) } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.document.publicity).toBe("confidential");
    expect(body.document.legalGround).toBe("JulkL 24 § 1 mom. 7 k");
    expect(body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const dl = await as(DEMO.expert, `/documents/${attachmentId}/download?version=1`);
    const file = await downloadLoader({ ...dl, params: { documentId: String(attachmentId) } });
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("application/pdf");
    expect(file.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(file.headers.get("Cache-Control")).toBe("private, no-store");
    const disposition = file.headers.get("Content-Disposition")!;
    expect(disposition.startsWith('attachment; filename="SALASSAPIDETTAVA _ liite-1-vastuuhenkilot.pdf"; ')).toBe(true);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe("SALASSAPIDETTÄVÄ – liite-1-vastuuhenkilot.pdf");
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    const log = accessLogFor(attachmentId).slice(before);
    expect(log.map((e) => [e.userId, e.action, e.ip])).toEqual([
      [jari.id, "view", "10.0.0.7"],
      [jari.id, "download", "10.0.0.7"],
    ]);
    expect(log[1]!.versionId).toBe(
      db()
        .select({ id: documentVersions.id })
        .from(documentVersions)
        .where(and(eq(documentVersions.documentId, attachmentId), eq(documentVersions.version, 1)))
        .get()!.id,
    );
  });

  it("waits in 'documents to read' for the police until they open it", async () => {
    const niko = viewerOf(EMAIL.niko);
    expect(documentsToRead(niko, expertGroup).map((d) => d.id)).toContain(attachmentId);
    expect(listDocuments(niko, expertGroup, { parentId: agreementId })[0]?.unread).toBe(true);
    const page = await as(EMAIL.niko, `/workspaces/${expertGroup}/documents/${attachmentId}`);
    await documentPageLoader({ ...page, params: { groupId: String(expertGroup), documentId: String(attachmentId) } });
    expect(documentsToRead(niko, expertGroup).map((d) => d.id)).not.toContain(attachmentId);
    // A new version brings it back.
    const antti = viewerOf(EMAIL.antti);
    expect(
      addVersion(
        antti,
        attachmentId,
        { name: "liite-1.pdf", bytes: new Uint8Array(Buffer.from("%PDF-1.4\n%%EOF\n")) },
        "Uusi yhteyshenkilö",
      ),
    ).toEqual({ ok: true, version: 3 });
    expect(documentsToRead(niko, expertGroup).map((d) => d.id)).toContain(attachmentId);
    // …for readers only: Satu, with no right to it, was not told about it at all.
    const satu = userIdOf(EMAIL.satu);
    expect(
      db()
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, satu), sql`json_extract(${notifications.params}, '$.documentId') = ${attachmentId}`))
        .all(),
    ).toEqual([]);
  });

  it("a coordinator reads it (logged); public documents are not logged", async () => {
    const coordinator = viewerOf(DEMO.coordinator);
    expect(getDocument(coordinator, attachmentId)).not.toBeNull();
    const before = accessLogFor(attachmentId).length;
    const page = await as(DEMO.coordinator, `/workspaces/${expertGroup}/documents/${attachmentId}`);
    await documentPageLoader({ ...page, params: { groupId: String(expertGroup), documentId: String(attachmentId) } });
    expect(accessLogFor(attachmentId).length).toBe(before + 1);
    const publicBefore = accessLogFor(agreementId).length;
    const pub = await as(DEMO.coordinator, `/workspaces/${expertGroup}/documents/${agreementId}`);
    await documentPageLoader({ ...pub, params: { groupId: String(expertGroup), documentId: String(agreementId) } });
    expect(accessLogFor(agreementId).length).toBe(publicBefore);
  });

  it("only the named official may update it; the police may read but not update", () => {
    const antti = viewerOf(EMAIL.antti);
    expect(getDocument(antti, attachmentId)?.canUpdate).toBe(true);
    const pdf = new Uint8Array(Buffer.from("%PDF-1.4\n% test\n%%EOF\n"));
    expect(addVersion(viewerOf(DEMO.expert), attachmentId, { name: "liite.pdf", bytes: pdf }, "")).toEqual({
      ok: false,
      reason: "forbidden",
    });
    // The expert group's chair manages the workspace but has no grant: she cannot even see it.
    expect(addVersion(viewerOf(EMAIL.katariina), attachmentId, { name: "liite.pdf", bytes: pdf }, "")).toEqual({
      ok: false,
      reason: "notFound",
    });
  });
});

describe("the access log", () => {
  it("cannot be updated or deleted, not even with plain SQL", () => {
    const sqlite = db().$client;
    const count = () => (sqlite.prepare("select count(*) as n from document_access_log").get() as { n: number }).n;
    const n = count();
    expect(n).toBeGreaterThan(0);
    expect(() => sqlite.prepare("update document_access_log set user_id = null").run()).toThrow(/append-only/);
    expect(() =>
      sqlite.prepare("update document_access_log set at = 0 where id = (select min(id) from document_access_log)").run(),
    ).toThrow(/append-only/);
    expect(() => sqlite.prepare("delete from document_access_log").run()).toThrow(/append-only/);
    expect(() => db().delete(documentAccessLog).run()).toThrow(/append-only/);
    expect(count()).toBe(n);
  });
});

describe("versions and uploads", () => {
  it("a new version keeps every earlier one, bytes and all", () => {
    const katariina = viewerOf(EMAIL.katariina);
    const first = new Uint8Array(Buffer.from("Pöytäkirjan liite, versio 1\n"));
    const created = createDocument(
      katariina,
      expertGroup,
      {
        title: "Versioitu muistio",
        description: "",
        publicity: "public",
        legalGround: null,
        secretUntil: null,
        linkType: null,
        linkId: null,
      },
      { name: "muistio.txt", bytes: first },
    );
    expect(created.ok).toBe(true);
    const id = (created as { id: number }).id;
    expect(addVersion(katariina, id, { name: "muistio.txt", bytes: new Uint8Array(Buffer.from("versio 2\n")) }, "Korjattu")).toEqual({
      ok: true,
      version: 2,
    });
    expect(addVersion(katariina, id, { name: "muistio.csv", bytes: new Uint8Array(Buffer.from("a;b\n1;2\n")) }, "")).toEqual({
      ok: true,
      version: 3,
    });
    const versions = getDocument(katariina, id)!.versions;
    expect(versions.map((v) => [v.version, v.fileName, v.mimeType])).toEqual([
      [3, "muistio.csv", "text/csv; charset=utf-8"],
      [2, "muistio.txt", "text/plain; charset=utf-8"],
      [1, "muistio.txt", "text/plain; charset=utf-8"],
    ]);
    const stored = db().select().from(documentVersions).where(eq(documentVersions.documentId, id)).all();
    const v1 = stored.find((v) => v.version === 1)!;
    expect(readFileSync(storedPath(v1.storedName)).toString()).toBe("Pöytäkirjan liite, versio 1\n");
    expect(new Set(stored.map((v) => v.storedName)).size).toBe(3);
    // Stored outside public/, under random names.
    expect(storedPath(v1.storedName).startsWith(join(config().dataDir, "documents"))).toBe(true);
    expect(v1.storedName).toMatch(/^[0-9a-f]{48}$/);
  });

  it("decides the type from the content: an HTML page renamed .pdf is refused", () => {
    const html = new Uint8Array(Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"));
    expect(checkUpload(html, "sopimus.pdf")).toEqual({ ok: false, reason: "type" });
    expect(checkUpload(html, "sivu.html")).toEqual({ ok: false, reason: "type" });
    expect(checkUpload(new Uint8Array(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>")), "kuva.txt")).toEqual({
      ok: false,
      reason: "type",
    });
    expect(checkUpload(new Uint8Array(Buffer.from("%PDF-1.7\n...")), "sopimus.pdf")).toMatchObject({ ok: true, mime: "application/pdf" });
    expect(checkUpload(new Uint8Array(Buffer.from("%PDF-1.7\n...")), "sopimus.docx")).toEqual({ ok: false, reason: "nameMismatch" });
    expect(checkUpload(new Uint8Array(Buffer.from("tavallista tekstiä")), "muistio.pdf")).toEqual({ ok: false, reason: "nameMismatch" });
    expect(checkUpload(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), "kuva.png")).toMatchObject({
      ok: true,
      mime: "image/png",
    });
    expect(checkUpload(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0]), "kuva.JPG")).toMatchObject({ ok: true, mime: "image/jpeg" });
    expect(checkUpload(new Uint8Array([0x4d, 0x5a, 0x90, 0]), "ohjelma.txt")).toEqual({ ok: false, reason: "type" });
    expect(checkUpload(new Uint8Array(), "tyhja.txt")).toEqual({ ok: false, reason: "empty" });
  });

  it("recognises DOCX and XLSX by the parts inside the ZIP, and refuses other ZIPs", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Taulukko").addRow(["a", 1]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(zipEntryNames(xlsx)).toContain("xl/workbook.xml");
    expect(checkUpload(xlsx, "taulukko.xlsx")).toMatchObject({
      ok: true,
      mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(checkUpload(xlsx, "taulukko.docx")).toEqual({ ok: false, reason: "nameMismatch" });
    // A hand-made ZIP with a Word document's parts, and one without them.
    expect(checkUpload(zip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }), "kirje.docx")).toMatchObject({
      ok: true,
    });
    expect(checkUpload(zip({ "payload.exe": "MZ" }), "kirje.docx")).toEqual({ ok: false, reason: "type" });
  });

  it("refuses through the upload form: HTML named .pdf, and anything over 10 MB", async () => {
    const upload = async (name: string, bytes: Uint8Array) => {
      const form = new FormData();
      form.set("title", "Testiasiakirja");
      form.set("publicity", "public");
      form.set("file", new File([bytes as unknown as BlobPart], name, { type: "application/pdf" }));
      const args = await as(EMAIL.katariina, `/workspaces/${expertGroup}/documents`, { method: "POST", body: form });
      return documentsAction({ ...args, params: { groupId: String(expertGroup) } });
    };
    const count = () => db().select({ n: sql<number>`count(*)` }).from(documents).get()!.n;
    const before = count();
    const html = await upload("sopimus.pdf", new Uint8Array(Buffer.from("<html><body>Ei PDF</body></html>")));
    expect(html.status).toBe(400);
    expect(JSON.stringify(await html.json())).toContain("workspaces.documents.errors.type");
    const big = await upload("iso.pdf", new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x25));
    expect(big.status).toBe(413);
    expect(JSON.stringify(await big.json())).toContain("workspaces.documents.errors.tooLarge");
    expect(count()).toBe(before);
    const ok = await upload("oikea.pdf", new Uint8Array(Buffer.from("%PDF-1.4\n%%EOF\n")));
    expect(ok.status).toBe(302);
    expect(count()).toBe(before + 1);
  });

  it("a non-public document must give its legal ground and secrecy period", async () => {
    const form = new FormData();
    form.set("title", "Salainen muistio");
    form.set("publicity", "confidential");
    form.set("file", new File([Buffer.from("salaista\n")], "muistio.txt"));
    const args = await as(EMAIL.katariina, `/workspaces/${expertGroup}/documents`, { method: "POST", body: form });
    const res = await documentsAction({ ...args, params: { groupId: String(expertGroup) } });
    expect(res.status).toBe(400);
    const text = JSON.stringify(await res.json());
    expect(text).toContain("workspaces.documents.errors.legalGround");
    expect(text).toContain("workspaces.documents.errors.secretUntil");
  });

  it("downloads carry an RFC 5987 file name", () => {
    expect(contentDisposition("SALASSAPIDETTÄVÄ – liite 1 (päivitetty).pdf")).toBe(
      `attachment; filename="SALASSAPIDETTAVA _ liite 1 (paivitetty).pdf"; filename*=UTF-8''SALASSAPIDETT%C3%84V%C3%84%20%E2%80%93%20liite%201%20%28p%C3%A4ivitetty%29.pdf`,
    );
  });
});

/** A stored (uncompressed) ZIP with the given entries, enough for the type check. */
function zip(entries: Record<string, string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const n = Buffer.from(name);
    const data = Buffer.from(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

describe("meetings and decisions", () => {
  it("minutes go draft → approved, decisions are numbered per group and year, and approved minutes are final", () => {
    const chair = viewerOf(EMAIL.katariina);
    const start = new Date("2031-02-10T11:00:00Z");
    const { id } = createMeeting(chair, expertGroup, {
      title: "Testikokous",
      startsAt: start,
      endsAt: new Date(start.getTime() + 7200000),
      place: "",
      onlineUrl: null,
    });
    const first = recordDecision(chair, id, {
      text: "Ensimmäinen päätös.",
      decidedOn: "2031-02-10",
      agendaItemId: null,
      linkType: null,
      linkId: null,
    });
    const second = recordDecision(chair, id, {
      text: "Toinen päätös.",
      decidedOn: "2031-02-10",
      agendaItemId: null,
      linkType: "document",
      linkId: attachmentId,
    });
    expect([first, second].map((r) => (r.ok ? r.number : r.reason))).toEqual(["1/2031", "2/2031"]);
    const version = getMeeting(chair, expertGroup, id)!.meeting.version;
    expect(approveMinutes(chair, id, version)).toEqual({ ok: false, reason: "invalid" }); // nothing written yet
    expect(saveMinutes(chair, id, version, "Päätettiin kaksi asiaa.")).toEqual({ ok: true });
    expect(saveMinutes(chair, id, version, "Vanhan version päälle")).toEqual({ ok: false, reason: "conflict" });
    // Approving with the text in the box saves and approves it in one transaction; a stale version
    // refuses both, so the text saved by someone else meanwhile stays as it was.
    expect(approveMinutes(chair, id, version, { minutes: "Vanha näkymä" })).toEqual({ ok: false, reason: "conflict" });
    expect(getMeeting(chair, expertGroup, id)!.meeting.minutes).toBe("Päätettiin kaksi asiaa.");
    expect(approveMinutes(chair, id, version + 1, { minutes: "Päätettiin kaksi asiaa, ja ne kirjattiin." })).toEqual({ ok: true });
    const approved = getMeeting(chair, expertGroup, id)!.meeting;
    expect(approved).toMatchObject({
      minutes: "Päätettiin kaksi asiaa, ja ne kirjattiin.",
      minutesStatus: "approved",
      version: version + 2,
    });
    expect(saveMinutes(chair, id, version + 2, "Muutos jälkikäteen")).toEqual({ ok: false, reason: "approved" });
    expect(
      recordDecision(chair, id, { text: "Myöhästynyt.", decidedOn: "2031-02-10", agendaItemId: null, linkType: null, linkId: null }),
    ).toEqual({ ok: false, reason: "approved" });
    // The register shows the decision linking the confidential attachment only to those who may read it.
    const forSatu = listDecisions(viewerOf(EMAIL.satu), expertGroup).find((d) => d.number === "2/2031")!;
    const forJari = listDecisions(viewerOf(DEMO.expert), expertGroup).find((d) => d.number === "2/2031")!;
    expect(forSatu.link).toBeNull();
    expect(forJari.link?.id).toBe(attachmentId);
  });

  it("exports a meeting as iCalendar", async () => {
    const chair = viewerOf(EMAIL.katariina);
    const start = new Date("2031-03-04T11:00:00Z");
    const { id } = createMeeting(chair, expertGroup, {
      title: "Kevään kokous; budjetti, seuranta",
      startsAt: start,
      endsAt: new Date(start.getTime() + 5400000),
      place: "Kaupungintalo",
      onlineUrl: "https://meet.example.invalid/x",
    });
    const args = await as(EMAIL.katariina, `/workspaces/${expertGroup}/meetings/${id}.ics`);
    const res = await icsLoader({ ...args, params: { groupId: String(expertGroup), meetingId: String(id) } });
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const ics = await res.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2.0\r\n/);
    expect(ics).toContain("DTSTART:20310304T110000Z\r\n");
    expect(ics).toContain("DTEND:20310304T123000Z\r\n");
    expect(ics).toContain("SUMMARY:Kevään kokous\\; budjetti\\, seuranta\r\n");
    expect(ics).toContain(`UID:meeting-${id}@localhost`);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(
      foldLine("x".repeat(200))
        .split("\r\n")
        .map((l) => l.length),
    ).toEqual([75, 75, 52]);
    expect(
      calendarFor({
        uid: "u",
        sequence: 1,
        start,
        end: start,
        stamp: start,
        summary: "s",
        description: "",
        location: "",
        url: null,
        cancelled: true,
      }),
    ).toContain("STATUS:CANCELLED");
    // Not a member: no calendar either.
    const mayor = await as(DEMO.mayor, `/workspaces/${expertGroup}/meetings/${id}.ics`);
    expect(await status(icsLoader({ ...mayor, params: { groupId: String(expertGroup), meetingId: String(id) } }))).toBe(403);
  });
});

describe("mentions", () => {
  it("notify the current members named with @, not others", () => {
    const members = [
      { id: "a", name: "Anna-Maija Korhonen" },
      { id: "b", name: "Anna Korhonen" },
      { id: "c", name: "Jari Heikkinen" },
    ];
    expect(findMentions("Kiitos @Anna-Maija Korhonen ja @jari heikkinen!", members).sort()).toEqual(["a", "c"]);
    expect(findMentions("sähköposti jari@Jari Heikkinen.fi", members)).toEqual([]);
    const katariina = viewerOf(EMAIL.katariina);
    const result = createThread(
      katariina,
      expertGroup,
      { title: "Testiketju", body: "@Jari Heikkinen ja @Eero Salmela, katsokaa tämä.", mentionIds: [userIdOf(EMAIL.satu)] },
      clock.now(),
    );
    // Eero Salmela is not in the expert group: he cannot be mentioned there.
    expect(result.mentioned.sort()).toEqual([userIdOf(DEMO.expert), userIdOf(EMAIL.satu)].sort());
    const got = db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "mention"), sql`json_extract(${notifications.params}, '$.threadId') = ${result.id}`))
      .all();
    expect(got.map((n) => n.userId).sort()).toEqual([userIdOf(DEMO.expert), userIdOf(EMAIL.satu)].sort());
  });
});

describe("reminders (fake clock)", () => {
  // Far enough ahead that everything seeded relative to today is in the past.
  const T0 = new Date(Math.floor((clock.ms() + 400 * DAY) / DAY) * DAY + 8 * 3600000);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const END = iso(new Date(T0.getTime() + 20 * DAY));
  const NONE = {
    dueSoon: 0,
    late: 0,
    stale: 0,
    escalated: 0,
    invitations: 0,
    meetingSoon: 0,
    reviews: 0,
    secrecyEnded: 0,
    rightsDueSoon: 0,
    rightsOverdue: 0,
    situationActionsDueSoon: 0,
    situationActionsOverdue: 0,
  };
  let measureId: number;
  let quietId: number;
  const forMeasure = (id: number, kind?: string) =>
    db()
      .select({ userId: notifications.userId, kind: notifications.kind })
      .from(notifications)
      .where(and(sql`json_extract(${notifications.params}, '$.measureId') = ${id}`, kind ? eq(notifications.kind, kind) : undefined))
      .all();
  const police = () => db().select({ id: organisations.id }).from(organisations).where(eq(organisations.shortName, "Poliisi")).get()!.id;
  const insertMeasure = (code: string, endDate: string, lastFollowUpAt: Date) =>
    Number(
      db()
        .insert(measures)
        .values({
          planId: db().select().from(safetyPlans).where(eq(safetyPlans.status, "in_force")).get()!.id,
          code,
          title: `Muistutustesti ${code}`,
          ownerOrganisationId: police(),
          responsibleUserId: userIdOf(EMAIL.niko),
          status: "in_progress",
          endDate,
          continuous: false,
          lastFollowUpAt,
          approvedAt: new Date(lastFollowUpAt.getTime() - 200 * DAY),
        })
        .run().lastInsertRowid,
    );

  beforeAll(() => {
    expect(db().select().from(safetyPlans).where(eq(safetyPlans.status, "in_force")).get()!.updateIntervalDays).toBe(90);
    measureId = insertMeasure("9.91", END, new Date(T0.getTime() - 10 * DAY));
    quietId = insertMeasure("9.92", END, new Date(T0.getTime() - 10 * DAY));
  });

  it("due soon → late → escalation → stale, each once; a second run sends nothing new", () => {
    const niko = userIdOf(EMAIL.niko);
    const jari = userIdOf(DEMO.expert);

    runReminders(T0);
    expect(forMeasure(measureId)).toEqual([{ userId: niko, kind: "reminder.dueSoon" }]);
    expect(runReminders(T0)).toEqual(NONE);
    runReminders(new Date(T0.getTime() + 3 * DAY));
    expect(forMeasure(measureId)).toHaveLength(1); // the same deadline is not announced again

    const T1 = new Date(T0.getTime() + 21 * DAY); // the end date passed yesterday
    runReminders(T1);
    expect(forMeasure(measureId, "reminder.late")).toEqual([{ userId: niko, kind: "reminder.late" }]);
    expect(forMeasure(measureId, "reminder.escalation")).toEqual([]);
    // The other measure's responsible person reports after the reminder: nothing to escalate.
    db()
      .update(measures)
      .set({ lastFollowUpAt: new Date(T1.getTime() + DAY) })
      .where(eq(measures.id, quietId))
      .run();

    runReminders(new Date(T1.getTime() + 6 * DAY));
    expect(forMeasure(measureId, "reminder.escalation")).toEqual([]); // not yet a week

    const T3 = new Date(T1.getTime() + 8 * DAY);
    runReminders(T3);
    // Escalated to the police's other expert-group member, not to the responsible person again.
    expect(forMeasure(measureId, "reminder.escalation")).toEqual([{ userId: jari, kind: "reminder.escalation" }]);
    expect(forMeasure(quietId, "reminder.escalation")).toEqual([]);
    expect(runReminders(T3)).toEqual(NONE);

    const T4 = new Date(T0.getTime() + 85 * DAY); // 95 days since the last follow-up: stale
    runReminders(T4);
    expect(forMeasure(measureId, "reminder.stale")).toEqual([{ userId: niko, kind: "reminder.stale" }]);
    expect(forMeasure(measureId, "reminder.late")).toHaveLength(1);
    expect(runReminders(T4)).toEqual(NONE);
    // Every reminder has its key in reminders_sent.
    expect(
      db()
        .select()
        .from(remindersSent)
        .where(sql`${remindersSent.key} like ${`%:${measureId}:%`}`)
        .all().length,
    ).toBe(forMeasure(measureId).length);
  });

  it("two job processes started at once still send each reminder once (npm run reminders)", async () => {
    const id = insertMeasure("9.93", iso(new Date(T0.getTime() + 200 * DAY)), new Date(T0.getTime() + 150 * DAY));
    const at = new Date(T0.getTime() + 180 * DAY).toISOString();
    const run = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "db/run-reminders.ts", "--now", at], {
          env: { ...process.env },
          stdio: "ignore",
        });
        child.on("exit", (code) => resolve(code ?? 1));
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    expect(forMeasure(id, "reminder.dueSoon")).toHaveLength(1);
  }, 60_000);

  it("invites newcomers to a coming meeting, reminds the day before, and tells the steering group about a sent review", () => {
    const d = db();
    const someturva = d.select({ id: groups.id }).from(groups).where(eq(groups.kind, "cooperation")).get()!.id;
    const chair = viewerOf("pekka.hamalainen@demo.lahiturva.fi");
    const start = new Date(T0.getTime() + 40 * DAY);
    const { id } = createMeeting(
      chair,
      someturva,
      { title: "Pilotin arviointi", startsAt: start, endsAt: new Date(start.getTime() + 3600000), place: "", onlineUrl: null },
      T0,
    );
    const invited = () =>
      d
        .select()
        .from(notifications)
        .where(and(eq(notifications.kind, "meeting.invited"), sql`json_extract(${notifications.params}, '$.meetingId') = ${id}`))
        .all();
    const firstInvites = invited().length;
    expect(firstInvites).toBeGreaterThan(0);
    expect(invited().map((n) => n.userId)).not.toContain(chair.id);
    // Someone joins the group after the meeting was called: the job invites them, once.
    const riikka = userIdOf(EMAIL.riikka);
    d.insert(memberships).values({ userId: riikka, groupId: someturva, position: "member", joinedAt: T0 }).run();
    expect(runReminders(new Date(T0.getTime() + DAY)).invitations).toBe(1);
    expect(runReminders(new Date(T0.getTime() + DAY)).invitations).toBe(0);
    expect(invited().map((n) => n.userId)).toContain(riikka);
    // The day before: a reminder to everyone still expected (the invited, the newcomer, the organiser).
    const eve = new Date(start.getTime() - 20 * 3600000);
    expect(runReminders(eve).meetingSoon).toBe(firstInvites + 2);
    expect(runReminders(eve).meetingSoon).toBe(0);

    // Sending a review tells every steering-group member at once, and the job adds nothing.
    const plan = d.select().from(safetyPlans).where(eq(safetyPlans.status, "in_force")).get()!;
    const reviewId = createReview(viewerById(userIdOf(DEMO.coordinator)), {
      planId: plan.id,
      title: "Testikatsaus",
      periodStart: "2026-01-01",
      periodEnd: "2026-06-30",
    });
    const draft = d.select().from(statusReviews).where(eq(statusReviews.id, reviewId)).get()!;
    const sentAt = clock.now();
    expect(sendReview(viewerById(userIdOf(DEMO.coordinator)), draft.id, draft.version, sentAt)).toEqual({ ok: true });
    const told = d
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "review.sent"), sql`json_extract(${notifications.params}, '$.reviewId') = ${draft.id}`))
      .all();
    const steeringMembers = d
      .selectDistinct({ id: memberships.userId })
      .from(memberships)
      .where(eq(memberships.groupId, steeringGroup))
      .all();
    expect(told.map((n) => n.userId).sort()).toEqual(steeringMembers.map((m) => m.id).sort());
    expect(told.map((n) => n.userId)).toContain(userIdOf(DEMO.mayor));
    expect(runReminders(new Date(sentAt.getTime() + 3600000)).reviews).toBe(0);
  });

  it("asks for a document's publicity to be checked when its secrecy ends: the creator if still in the group, else the coordinators", () => {
    const d = db();
    const mayor = userIdOf(DEMO.mayor);
    const ends = iso(new Date(T0.getTime() + 500 * DAY));
    const insertDocument = (title: string, createdById: string) =>
      Number(
        d
          .insert(documents)
          .values({
            groupId: steeringGroup,
            title,
            publicity: "confidential",
            legalGround: "JulkL 24 § 1 mom. 8 k",
            secretUntil: ends,
            createdById,
            updatedAt: T0,
          })
          .run().lastInsertRowid,
      );
    const ownDoc = insertDocument("Salassa pidettävä arvio", mayor);
    const strangersDoc = insertDocument("Ulkopuolisen laatima arvio", userIdOf(DEMO.resident));
    const told = (documentId: number) =>
      d
        .select({ userId: notifications.userId })
        .from(notifications)
        .where(
          and(eq(notifications.kind, "document.secrecyEnded"), sql`json_extract(${notifications.params}, '$.documentId') = ${documentId}`),
        )
        .all()
        .map((n) => n.userId)
        .sort();

    expect(runReminders(new Date(T0.getTime() + 499 * DAY)).secrecyEnded).toBe(0); // not yet
    const after = new Date(T0.getTime() + 501 * DAY);
    runReminders(after);
    expect(told(ownDoc)).toEqual([mayor]);
    const coordinators = d
      .selectDistinct({ id: memberships.userId })
      .from(memberships)
      .innerJoin(groups, eq(groups.id, memberships.groupId))
      .where(eq(groups.kind, "coordinators"))
      .all()
      .map((r) => r.id)
      .sort();
    expect(coordinators.length).toBeGreaterThan(0);
    expect(told(strangersDoc)).toEqual(coordinators);
    expect(runReminders(after).secrecyEnded).toBe(0); // once per end date
    // The document itself is untouched: a person decides its publicity.
    expect(d.select({ publicity: documents.publicity }).from(documents).where(eq(documents.id, ownDoc)).get()!.publicity).toBe(
      "confidential",
    );
  });
});

describe("mail", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it("goes out through SMTP when it is configured", async () => {
    const cfg = { ...config(), smtp: { host: "127.0.0.1", port: sink.port } };
    const result = await sendMail(
      { to: "asiantuntija@demo.lahiturva.fi", subject: "Lähiturva: muistutus", text: "Toimenpide on myöhässä." },
      cfg,
    );
    expect(result).toEqual({ ok: true, transport: "smtp" });
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.to).toEqual(["asiantuntija@demo.lahiturva.fi"]);
    expect(sink.received[0]!.raw).toContain("Subject: =?UTF-8?Q?L=C3=A4hiturva");
    expect(db().select().from(mailLog).where(eq(mailLog.transport, "smtp")).all().at(-1)?.error).toBeNull();
  });

  it("without SMTP writes .eml files to the outbox; immediate and daily modes are honoured", async () => {
    const outbox = join(config().dataDir, "outbox");
    const files = () => (existsSync(outbox) ? readdirSync(outbox) : []);
    // Clear what earlier tests queued so the counts below are this test's own.
    const now = clock.now();
    await deliverImmediateMail(now);
    const jari = userIdOf(DEMO.expert);
    const antti = userIdOf(EMAIL.antti);
    setEmailMode(antti, "daily");
    const satu = userIdOf(EMAIL.satu);
    setEmailMode(satu, "none");
    const add = (userId: string) =>
      db()
        .insert(notifications)
        .values({
          userId,
          kind: "test",
          messageKey: "workspaces.notify.documentNew",
          params: JSON.stringify({ title: "Testi" }),
          link: "/notifications",
          createdAt: now,
        })
        .run();
    add(jari);
    add(antti);
    add(antti);
    add(satu);
    const before = new Set(files());
    const added = () => files().filter((f) => !before.has(f));
    expect(await deliverImmediateMail(now)).toBe(1); // Jari only
    // Outbox names sort by each process's clock; the new file is the one that was not there before.
    const [immediate] = added();
    expect(added()).toHaveLength(1);
    const eml = readFileSync(join(outbox, immediate!), "utf8");
    expect(eml).toContain("To: asiantuntija@demo.lahiturva.fi");
    expect(eml).toMatch(/Content-Type: text\/plain; charset=utf-8/);
    expect(await deliverImmediateMail(now)).toBe(0);
    expect(added()).toHaveLength(1);
    // The digest: not before 07:00 Helsinki time, then one mail, once a day.
    const early = new Date(`${now.toISOString().slice(0, 10)}T03:30:00Z`); // 05:30 or 06:30 in Helsinki
    const later = new Date(`${now.toISOString().slice(0, 10)}T10:00:00Z`);
    expect(await sendDailyDigests(early)).toBe(0);
    expect(await sendDailyDigests(later)).toBe(1);
    expect(await sendDailyDigests(later)).toBe(0);
    expect(added()).toHaveLength(2);
    const digest = readFileSync(join(outbox, added().find((f) => f !== immediate)!), "utf8");
    expect(digest).toContain("To: antti.mustonen@demo.lahiturva.fi");
    expect(digest).toContain("2_uutta_ilmoitusta");
    expect(db().select().from(userSettings).where(eq(userSettings.userId, satu)).get()?.emailMode).toBe("none");
  });
});
