// Demo content of the group workspaces: meetings of the expert and steering groups (past ones with
// approved minutes and numbered decisions, upcoming ones with agendas and invitations), discussion
// threads with a mention, and documents. The centrepiece follows the Kemi decision in
// shared/seeds: the police camera-surveillance agreement is public, its attachment naming the
// responsible persons, subcontractors and data-security details is CONFIDENTIAL (JulkL 24 § 1
// mom. 7 k), only the city's electrification manager may update it, and only he, the police and the
// coordinators may read it. The files are small real PDFs and a text file written here.
import { and, eq } from "drizzle-orm";
import { helsinkiToDate } from "../../app/server/platform/helsinki-time";
import { addDaysIso, helsinkiDate } from "../../app/server/city/measure-rules";
import { inviteMembers, nextDecisionNumber } from "../../app/server/workspaces/meetings.server";
import { storeFile } from "../../app/server/workspaces/documents.server";
import { notify } from "../../app/server/mail/notifications.server";
import {
  agendaItems,
  decisions,
  documentGrants,
  documents,
  documentVersions,
  meetingAttendance,
  meetings,
  measures,
  posts,
  safetyPlans,
  threads,
  type LinkType,
  type PublicityClass,
} from "../schema";
import type { DbOrTx } from "./areas";

type Tx = Parameters<Parameters<import("../client").Db["transaction"]>[0]>[0];

export type WorkspaceRefs = {
  groupIds: ReadonlyMap<string, number>;
  userIds: ReadonlyMap<string, string>;
  orgIds: ReadonlyMap<string, number>;
};

const DAY = 86400000;

// ---------------------------------------------------------------------------------------------
// Files: a one-page PDF (written by hand: the seed runs inside one synchronous transaction, so
// pdfkit's streams are no use here) and plain text.

/** A valid single-page PDF 1.4 with Helvetica text; Finnish letters via WinAnsiEncoding. */
export function tinyPdf(title: string, lines: string[]): Uint8Array {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = [
    `BT /F1 16 Tf 56 780 Td (${esc(title)}) Tj ET`,
    ...lines.map((l, i) => `BT /F1 11 Tf 56 ${750 - i * 16} Td (${esc(l)}) Tj ET`),
  ].join("\n");
  const stream = Buffer.from(text, "latin1");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let size = chunks[0]!.length;
  const push = (b: Buffer) => {
    chunks.push(b);
    size += b.length;
  };
  objects.forEach((body, i) => {
    offsets.push(size);
    push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, "latin1"));
  });
  offsets.push(size);
  push(
    Buffer.concat([
      Buffer.from(`5 0 obj\n<< /Length ${stream.length} >>\nstream\n`, "latin1"),
      stream,
      Buffer.from("\nendstream\nendobj\n", "latin1"),
    ]),
  );
  const xrefAt = size;
  const xref = [
    "xref",
    `0 ${offsets.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
  ].join("\n");
  push(Buffer.from(`${xref}\ntrailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`, "latin1"));
  return new Uint8Array(Buffer.concat(chunks));
}

const textFile = (lines: string[]) => new Uint8Array(Buffer.from(lines.join("\n") + "\n", "utf8"));

// ---------------------------------------------------------------------------------------------

const EMAIL = {
  coordinator: "koordinaattori@demo.lahiturva.fi",
  mayor: "pormestari@demo.lahiturva.fi",
  mikael: "mikael.lindholm@demo.lahiturva.fi",
  katariina: "katariina.makela@demo.lahiturva.fi",
  jari: "asiantuntija@demo.lahiturva.fi",
  niko: "niko.saarinen@demo.lahiturva.fi",
  riikka: "riikka.lehtonen@demo.lahiturva.fi",
  henrik: "henrik.sjoberg@demo.lahiturva.fi",
  antti: "antti.mustonen@demo.lahiturva.fi",
  satu: "satu.rantanen@demo.lahiturva.fi",
  leena: "leena.hyvarinen@demo.lahiturva.fi",
  tapio: "tapio.rasanen@demo.lahiturva.fi",
  markus: "markus.ahola@demo.lahiturva.fi",
  tiina: "verkosto@demo.lahiturva.fi",
  ilkka: "ilkka.lahtinen@demo.lahiturva.fi",
} as const;

export function seedWorkspaces(tx: DbOrTx, refs: WorkspaceRefs, now: Date): void {
  const t = tx as Tx;
  const user = (key: keyof typeof EMAIL) => {
    const id = refs.userIds.get(EMAIL[key]);
    if (!id) throw new Error(`seedWorkspaces: no demo user ${EMAIL[key]}`);
    return id;
  };
  const group = (key: string) => {
    const id = refs.groupIds.get(key);
    if (!id) throw new Error(`seedWorkspaces: no group ${key}`);
    return id;
  };
  const org = (key: string) => refs.orgIds.get(key)!;
  const today = helsinkiDate(now);
  const day = (offset: number) => addDaysIso(today, offset);
  const at = (offset: number, time = "13:00") => helsinkiToDate(day(offset), time);

  const plan = t.select({ id: safetyPlans.id }).from(safetyPlans).where(eq(safetyPlans.status, "in_force")).get();
  const measureId = (code: string) =>
    plan
      ? (t
          .select({ id: measures.id })
          .from(measures)
          .where(and(eq(measures.planId, plan.id), eq(measures.code, code)))
          .get()?.id ?? null)
      : null;
  const cameraMeasure = measureId("2.4");
  const link = (type: LinkType, id: number | null | undefined) => (id ? { linkType: type, linkId: id } : { linkType: null, linkId: null });

  const expert = group("expert");
  const steering = group("steering");
  const kallio = group("kallioNetwork");

  // --- Documents -----------------------------------------------------------------------------

  const addDocument = (input: {
    groupId: number;
    parentId?: number | null;
    title: string;
    description: string;
    publicity: PublicityClass;
    legalGround?: string;
    secretUntil?: string;
    concerns?: { linkType: LinkType | null; linkId: number | null };
    by: string;
    versions: { fileName: string; mime: string; bytes: Uint8Array; by: string; ago: number; note?: string }[];
  }) => {
    const first = input.versions[0]!;
    const last = input.versions.at(-1)!;
    const id = Number(
      t
        .insert(documents)
        .values({
          groupId: input.groupId,
          parentId: input.parentId ?? null,
          title: input.title,
          description: input.description,
          publicity: input.publicity,
          legalGround: input.legalGround ?? null,
          secretUntil: input.secretUntil ?? null,
          linkType: input.concerns?.linkType ?? null,
          linkId: input.concerns?.linkId ?? null,
          createdById: input.by,
          createdAt: new Date(now.getTime() - first.ago * DAY),
          updatedAt: new Date(now.getTime() - last.ago * DAY),
        })
        .run().lastInsertRowid,
    );
    input.versions.forEach((v, i) => {
      const stored = storeFile(v.bytes);
      t.insert(documentVersions)
        .values({
          documentId: id,
          version: i + 1,
          fileName: v.fileName,
          storedName: stored.storedName,
          mimeType: v.mime,
          size: stored.size,
          sha256: stored.sha256,
          note: v.note ?? "",
          uploadedById: v.by,
          uploadedAt: new Date(now.getTime() - v.ago * DAY),
        })
        .run();
    });
    return id;
  };
  const PDF = "application/pdf";

  const agreement = addDocument({
    groupId: expert,
    title: "Kameravalvonnan yhteistyösopimus (kaupunki – poliisi)",
    description:
      "Kaupungin ja poliisin välinen yhteistyösopimus teknisestä valvonnasta Poliisihallituksen mallipohjan mukaan. Poliisi voi käyttää kaupungin kameravalvontajärjestelmää yleisen järjestyksen ja turvallisuuden valvontaan; kaupunki päättää edelleen kameroiden laadusta, määrästä ja sijoittelusta. Sopimuksesta ei aiheudu kaupungille lisäkustannuksia.",
    publicity: "public",
    concerns: link("measure", cameraMeasure),
    by: user("katariina"),
    versions: [
      {
        fileName: "kameravalvonta-yhteistyosopimus.pdf",
        mime: PDF,
        by: user("katariina"),
        ago: 75,
        bytes: tinyPdf("Yhteistyösopimus teknisestä valvonnasta", [
          "Osapuolet: kaupunki, Poliisihallitus ja Helsingin poliisilaitos.",
          "1. Poliisi voi käyttää kaupungin kameravalvontajärjestelmää teknisessä valvonnassa.",
          "2. Kaupunki päättää kameravalvonnan laadusta, määrästä ja sijoittelusta.",
          "3. Poliisi vastaa omaan käyttöönsä liittyvistä kuluista.",
          "4. Poliisi tarjoaa asiantuntemustaan kameravalvonnan auditointiin.",
          "Liitteet ovat kokonaan tai osittain salassa pidettäviä (JulkL 24 §).",
        ]),
      },
    ],
  });
  // The police drafted the agreement and keep it up to date together with the city.
  t.insert(documentGrants)
    .values({ documentId: agreement, organisationId: org("police"), canUpdate: true })
    .run();

  const secretUntil = `${Number(today.slice(0, 4)) + 25}-12-31`; // JulkL 31 §: 25 years by default
  const attachment = addDocument({
    groupId: expert,
    parentId: agreement,
    title: "Liite 1: Vastuuhenkilöt, alihankkijat ja tietoturvan yksityiskohdat",
    description:
      "Kaupungin vastuuhenkilöt, ICT-tukipalvelujen ja kamerajärjestelmän toimittajat sekä järjestelmän tietosuojan ja -turvan yksityiskohdat. Päivitetään henkilöstövaihdosten sekä tietojärjestelmä- ja tietoturvamuutosten myötä.",
    publicity: "confidential",
    legalGround: "JulkL 24 § 1 mom. 7 k",
    secretUntil,
    concerns: link("measure", cameraMeasure),
    by: user("antti"),
    versions: [
      {
        fileName: "liite-1-vastuuhenkilot.pdf",
        mime: PDF,
        by: user("antti"),
        ago: 74,
        bytes: tinyPdf("Liite 1 – SALASSAPIDETTÄVÄ (JulkL 24 § 1 mom. 7 k)", [
          "Vastuuhenkilö: sähköistyspäällikkö Antti Mustonen.",
          "ICT-tukipalvelut: (alihankkija A).",
          "Kamerajärjestelmä: (alihankkija B).",
        ]),
      },
      {
        fileName: "liite-1-vastuuhenkilot.pdf",
        mime: PDF,
        by: user("antti"),
        ago: 12,
        note: "Kamerajärjestelmän toimittajan yhteyshenkilö vaihtui.",
        bytes: tinyPdf("Liite 1 – SALASSAPIDETTÄVÄ (JulkL 24 § 1 mom. 7 k)", [
          "Vastuuhenkilö: sähköistyspäällikkö Antti Mustonen.",
          "ICT-tukipalvelut: (alihankkija A).",
          "Kamerajärjestelmä: (alihankkija B), uusi yhteyshenkilö.",
        ]),
      },
    ],
  });
  // Only the named official updates it; the police read it (Kemi: "the official in charge may update the attachments").
  t.insert(documentGrants)
    .values({ documentId: attachment, userId: user("antti"), canUpdate: true })
    .run();
  t.insert(documentGrants)
    .values({ documentId: attachment, organisationId: org("police"), canUpdate: false })
    .run();

  const workProgramme = addDocument({
    groupId: expert,
    title: "Asiantuntijaryhmän työohjelma",
    description: "Kokousaikataulu, tilannekatsausten valmistelu ja vastuunjako.",
    publicity: "public",
    by: user("mikael"),
    versions: [
      {
        fileName: "tyoohjelma.txt",
        mime: "text/plain; charset=utf-8",
        by: user("mikael"),
        ago: 40,
        bytes: textFile([
          "Asiantuntijaryhmän työohjelma",
          "",
          "- Kokoukset kuuden viikon välein.",
          "- Toimenpiteiden seuranta ennen jokaista tilannekatsausta.",
          "- Myöhässä olevista toimenpiteistä raportoidaan johtoryhmälle.",
        ]),
      },
    ],
  });

  const steeringAgenda = addDocument({
    groupId: steering,
    title: "Johtoryhmän vuosikello",
    description: "Tilannekatsausten käsittely ja painopistealueista päättäminen vuoden aikana.",
    publicity: "public",
    by: user("mikael"),
    versions: [
      {
        fileName: "vuosikello.pdf",
        mime: PDF,
        by: user("mikael"),
        ago: 150,
        bytes: tinyPdf("Johtoryhmän vuosikello", [
          "Tammikuu: tilannekatsauksen käsittely.",
          "Kesäkuu: painopistealueet seuraavalle vuodelle.",
          "Joulukuu: tilannekatsauksen valmistelu.",
        ]),
      },
    ],
  });

  // "Documents to read": the police have not opened the attachment's new version yet.
  for (const reader of [user("jari"), user("niko")]) {
    notify(
      t,
      {
        userId: reader,
        kind: "document.version",
        messageKey: "workspaces.notify.documentVersion",
        params: { documentId: attachment, title: "Liite 1: Vastuuhenkilöt, alihankkijat ja tietoturvan yksityiskohdat", version: 2 },
        link: `/workspaces/${expert}/documents/${attachment}`,
      },
      new Date(now.getTime() - 12 * DAY),
    );
  }

  // --- Meetings ------------------------------------------------------------------------------

  const addMeeting = (input: {
    groupId: number;
    title: string;
    offset: number;
    place: string;
    onlineUrl?: string;
    by: string;
    agenda: { title: string; description?: string; concerns?: { linkType: LinkType | null; linkId: number | null } }[];
    minutes?: { text: string; approvedBy: string };
    present?: string[];
    absent?: string[];
    decisions?: { text: string; item?: number; concerns?: { linkType: LinkType | null; linkId: number | null } }[];
  }) => {
    const startsAt = at(input.offset, "13:00");
    const id = Number(
      t
        .insert(meetings)
        .values({
          groupId: input.groupId,
          title: input.title,
          startsAt,
          endsAt: at(input.offset, "15:00"),
          place: input.place,
          onlineUrl: input.onlineUrl ?? null,
          status: input.minutes ? "held" : "planned",
          minutes: input.minutes?.text ?? "",
          minutesStatus: input.minutes ? "approved" : "draft",
          minutesApprovedAt: input.minutes ? at(input.offset + 7, "10:00") : null,
          minutesApprovedById: input.minutes?.approvedBy ?? null,
          createdById: input.by,
          createdAt: new Date(startsAt.getTime() - 21 * DAY),
        })
        .run().lastInsertRowid,
    );
    const itemIds = input.agenda.map((item, i) =>
      Number(
        t
          .insert(agendaItems)
          .values({
            meetingId: id,
            position: i + 1,
            title: item.title,
            description: item.description ?? "",
            ...(item.concerns ?? { linkType: null, linkId: null }),
          })
          .run().lastInsertRowid,
      ),
    );
    for (const userId of input.present ?? []) t.insert(meetingAttendance).values({ meetingId: id, userId, status: "present" }).run();
    for (const userId of input.absent ?? []) t.insert(meetingAttendance).values({ meetingId: id, userId, status: "absent" }).run();
    const decidedOn = day(input.offset);
    for (const d of input.decisions ?? []) {
      t.insert(decisions)
        .values({
          groupId: input.groupId,
          meetingId: id,
          agendaItemId: d.item != null ? (itemIds[d.item] ?? null) : null,
          number: nextDecisionNumber(t, input.groupId, Number(decidedOn.slice(0, 4))),
          decidedOn,
          text: d.text,
          ...(d.concerns ?? { linkType: null, linkId: null }),
          createdById: input.minutes?.approvedBy ?? input.by,
          createdAt: startsAt,
        })
        .run();
    }
    if (!input.minutes) {
      // The organiser attends; everyone else gets the invitation (once: reminders_sent).
      t.insert(meetingAttendance).values({ meetingId: id, userId: input.by, status: "attending" }).onConflictDoNothing().run();
      inviteMembers(t, { id, groupId: input.groupId, title: input.title, startsAt }, { except: input.by, now });
    }
    return id;
  };

  addMeeting({
    groupId: expert,
    title: "Asiantuntijaryhmän kokous",
    offset: -62,
    place: "Kaupungintalo, Pohjoisesplanadi 11–13, kokoushuone Arppe",
    by: user("katariina"),
    agenda: [
      { title: "Kokouksen avaus ja läsnäolijat" },
      {
        title: "Toimenpiteiden seuranta: myöhässä olevat toimenpiteet",
        description: "Käydään läpi myöhässä olevat ja päivittämättömät toimenpiteet ja sovitaan jatkotoimista.",
        concerns: link("plan", plan?.id),
      },
      {
        title: "Kameravalvonnan yhteistyösopimus",
        description: "Sopimusluonnos ja sen salassa pidettävät liitteet; liitteiden päivitysvastaavan nimeäminen.",
        concerns: link("document", agreement),
      },
      { title: "Kameravalvonnan kehittäminen (toimenpide 2.4)", concerns: link("measure", cameraMeasure) },
    ],
    minutes: {
      approvedBy: user("katariina"),
      text:
        "1. Puheenjohtaja avasi kokouksen klo 13.02 ja totesi läsnäolijat.\n" +
        "2. Myöhässä olevat toimenpiteet käytiin läpi. Vastuuhenkilöitä pyydetään päivittämään seuranta kahden viikon kuluessa.\n" +
        "3. Kameravalvonnan yhteistyösopimus esiteltiin. Liitteet ovat salassa pidettäviä (JulkL 24 § 1 mom. 7 k); niitä päivittää sähköistyspäällikkö.\n" +
        "4. Toimenpiteen 2.4 tietosuojan vaikutustenarviointi on viivästynyt. Asiasta raportoidaan johtoryhmälle.\n" +
        "Puheenjohtaja päätti kokouksen klo 14.48.",
    },
    present: [user("katariina"), user("mikael"), user("jari"), user("niko"), user("riikka"), user("henrik"), user("antti")],
    absent: [user("satu")],
    decisions: [
      {
        text: "Asiantuntijaryhmä puoltaa kameravalvonnan yhteistyösopimuksen hyväksymistä ja esittää, että sähköistyspäällikkö valtuutetaan päivittämään sopimuksen liitteitä tarpeen mukaan.",
        item: 2,
        concerns: link("document", agreement),
      },
      {
        text: "Toimenpiteen 2.4 viivästymisestä raportoidaan johtoryhmälle seuraavassa tilannekatsauksessa.",
        item: 3,
        concerns: link("measure", cameraMeasure),
      },
    ],
  });

  const nextExpertMeeting = addMeeting({
    groupId: expert,
    title: "Asiantuntijaryhmän kokous",
    offset: 10,
    place: "Kaupungintalo, kokoushuone Arppe",
    onlineUrl: "https://meet.example.invalid/asiantuntijaryhma",
    by: user("katariina"),
    agenda: [
      { title: "Kokouksen avaus ja läsnäolijat" },
      { title: "Tilannekatsauksen valmistelu johtoryhmälle", concerns: link("plan", plan?.id) },
      {
        title: "Kameravalvonnan sopimuksen liitteen 1 päivitys",
        description: "Sähköistyspäällikkö esittelee liitteen päivitetyt tiedot.",
        concerns: link("document", attachment),
      },
      { title: "Asiantuntijaryhmän työohjelma", concerns: link("document", workProgramme) },
    ],
  });
  t.insert(meetingAttendance)
    .values({ meetingId: nextExpertMeeting, userId: user("antti"), status: "attending" })
    .onConflictDoUpdate({ target: [meetingAttendance.meetingId, meetingAttendance.userId], set: { status: "attending" } })
    .run();

  addMeeting({
    groupId: steering,
    title: "Johtoryhmän kokous: tilannekatsauksen käsittely",
    offset: -136,
    place: "Kaupungintalo, pormestarin neuvotteluhuone",
    by: user("mikael"),
    agenda: [
      { title: "Tilannekatsauksen käsittely", concerns: link("plan", plan?.id) },
      { title: "Painopistealueet seuraavalle vuodelle", concerns: link("plan", plan?.id) },
      { title: "Kameravalvonnan hankinnan aikataulu", concerns: link("measure", cameraMeasure) },
    ],
    minutes: {
      approvedBy: user("mayor"),
      text:
        "1. Johtoryhmä kävi läpi tilannekatsauksen ja merkitsi sen tiedoksi.\n" +
        "2. Painopistealueet pidetään voimassa myös seuraavana vuonna.\n" +
        "3. Kameravalvonnan hankinnan aikataulusta pyydetään selvitys seuraavaan kokoukseen.",
    },
    present: [user("mayor"), user("leena"), user("markus"), user("tapio"), user("mikael")],
    decisions: [
      {
        text: "Johtoryhmä päätti pitää nykyiset painopistealueet voimassa myös seuraavana vuonna.",
        item: 1,
        concerns: link("plan", plan?.id),
      },
      {
        text: "Kameravalvonnan hankinnan aikataulusta pyydetään selvitys seuraavaan kokoukseen.",
        item: 2,
        concerns: link("measure", cameraMeasure),
      },
    ],
  });

  addMeeting({
    groupId: steering,
    title: "Johtoryhmän kokous",
    offset: 20,
    place: "Kaupungintalo, pormestarin neuvotteluhuone",
    by: user("mikael"),
    agenda: [
      { title: "Uusi tilannekatsaus", concerns: link("plan", plan?.id) },
      {
        title: "Kameravalvonnan yhteistyösopimus",
        description: "Asiantuntijaryhmän esitys sopimuksen hyväksymisestä.",
        concerns: link("measure", cameraMeasure),
      },
      { title: "Johtoryhmän vuosikello", concerns: link("document", steeringAgenda) },
    ],
  });

  addMeeting({
    groupId: kallio,
    title: "Kallion verkoston tapaaminen",
    offset: 14,
    place: "Kallion nuorisotalo, Helsinginkatu 25",
    by: user("ilkka"),
    agenda: [{ title: "Asukkaiden turvallisuuskävelyn tulokset" }, { title: "Kesän tapahtumat ja yöaikainen turvallisuus" }],
  });

  // --- Threads -------------------------------------------------------------------------------

  const addThread = (
    groupId: number,
    title: string,
    messages: { by: string; body: string; ago: number; mention?: { userId: string; name: string } }[],
  ) => {
    const last = messages.at(-1)!;
    const threadId = Number(
      t
        .insert(threads)
        .values({
          groupId,
          title,
          createdById: messages[0]!.by,
          createdAt: new Date(now.getTime() - messages[0]!.ago * DAY),
          lastPostAt: new Date(now.getTime() - last.ago * DAY),
        })
        .run().lastInsertRowid,
    );
    for (const m of messages) {
      const created = new Date(now.getTime() - m.ago * DAY);
      const postId = Number(t.insert(posts).values({ threadId, authorId: m.by, body: m.body, createdAt: created }).run().lastInsertRowid);
      if (m.mention) {
        notify(
          t,
          {
            userId: m.mention.userId,
            kind: "mention",
            messageKey: "workspaces.notify.mention",
            params: { name: m.mention.name, title, threadId },
            link: `/workspaces/${groupId}/threads/${threadId}#post-${postId}`,
          },
          created,
        );
      }
    }
    return threadId;
  };

  addThread(expert, "Kameravalvonnan sopimuksen liitteet", [
    {
      by: user("katariina"),
      ago: 3,
      body: "Sopimuksen liitteen 1 tiedot pitää tarkistaa ennen seuraavaa kokousta. @Antti Mustonen, ehditkö käydä vastuuhenkilöt ja alihankkijat läpi? Liite on salassa pidettävä, joten se näkyy vain sinulle, poliisille ja koordinaattoreille.",
      mention: { userId: user("antti"), name: "Katariina Mäkelä" },
    },
    {
      by: user("antti"),
      ago: 2,
      body: "Tarkistan ja tallennan uuden version tällä viikolla. Kamerajärjestelmän toimittajan yhteyshenkilö on jo päivitetty.",
    },
    {
      by: user("jari"),
      ago: 1,
      body: "Poliisin puolelta yhteyshenkilö pysyy ennallaan. @Katariina Mäkelä, lisäätkö asian esityslistalle?",
      mention: { userId: user("katariina"), name: "Jari Heikkinen" },
    },
  ]);

  addThread(steering, "Tilannekatsauksen käsittelyjärjestys", [
    {
      by: user("mikael"),
      ago: 5,
      body: "Ehdotan, että käsittelemme ensin myöhässä olevat toimenpiteet ja sitten painopistealueet. @Eero Salmela, sopiiko tämä?",
      mention: { userId: user("mayor"), name: "Mikael Lindholm" },
    },
    { by: user("mayor"), ago: 4, body: "Sopii. Pyydetään kameravalvonnasta lyhyt tilannekatsaus poliisilta." },
  ]);

  addThread(kallio, "Turvallisuuskävely syyskuussa", [
    {
      by: user("ilkka"),
      ago: 8,
      body: "Järjestetäänkö turvallisuuskävely taas Vaasanpuistikon ympäristössä? @Tiina Salonen, nuorisotalon nuoret olisivat tervetulleita mukaan.",
      mention: { userId: user("tiina"), name: "Ilkka Lahtinen" },
    },
  ]);
}
