// The demo city's situation room (issue 18): one closed situation (public, Kallio: thefts and
// threats at a shopping centre, with its after-action summary and a measure proposal it left in
// the city safety plan) and one open, confidential situation (Vuosaari metro station disturbances)
// with its log (a correction included), two picture versions, actions (one overdue, one done) and a
// briefing the mayor has read. Rows are written directly, dated relative to `now`, like the other seeds.
import { eq } from "drizzle-orm";
import {
  groups,
  measures,
  memberships,
  organisations,
  safetyPlans,
  situationActions,
  situationAreas,
  situationBriefingRecipients,
  situationBriefings,
  situationLogEntries,
  situationMeasureProposals,
  situationPictures,
  situations,
  users,
  type PublicityClass,
  type SituationSeverity,
} from "../schema";
import { requireAreaId, type AreaIds } from "./areas";
import { helsinkiDate } from "../../app/server/city/measure-rules";
import type { BriefingSnapshot } from "../../app/server/situations/situations.server";

type Tx = Parameters<Parameters<import("../client").Db["transaction"]>[0]>[0];
type Refs = { userIds: Map<string, string>; orgIds: Map<string, number>; areaIds: AreaIds };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const e = (email: string) => `${email}@demo.lahiturva.fi`;

export function seedSituations(tx: Tx, refs: Refs, now: Date): void {
  const user = (email: string) => {
    const id = refs.userIds.get(e(email));
    if (!id) throw new Error(`situations seed: no demo person ${email}`);
    return id;
  };
  const org = (key: string) => {
    const id = refs.orgIds.get(key);
    if (!id) throw new Error(`situations seed: no demo organisation ${key}`);
    return id;
  };
  const coordinator = user("koordinaattori");
  const at = (msAgo: number) => new Date(now.getTime() - msAgo);

  function situation(input: {
    title: string;
    description: string;
    severity: SituationSeverity;
    publicity: PublicityClass;
    legalGround?: string;
    secretUntil?: string;
    openedAt: Date;
    closedAt?: Date;
    afterAction?: string;
    areas: [level: "district" | "sub_area", code: string][];
    members: [email: string, org: string][];
  }) {
    const named = input.publicity === "public" ? `: ${input.title}` : "";
    const groupId = tx
      .insert(groups)
      .values({
        kind: "cooperation",
        nameFi: `Tilanneryhmä${named}`,
        nameSv: `Lägesgrupp${named}`,
        nameEn: `Situation group${named}`,
        createdAt: input.openedAt,
      })
      .returning({ id: groups.id })
      .get().id;
    const id = tx
      .insert(situations)
      .values({
        groupId,
        title: input.title,
        description: input.description,
        severity: input.severity,
        publicity: input.publicity,
        legalGround: input.legalGround ?? null,
        secretUntil: input.secretUntil ?? null,
        status: input.closedAt ? "closed" : "open",
        openedById: coordinator,
        openedAt: input.openedAt,
        closedById: input.closedAt ? coordinator : null,
        closedAt: input.closedAt ?? null,
        afterAction: input.afterAction ?? null,
      })
      .returning({ id: situations.id })
      .get().id;
    if (!named)
      tx.update(groups)
        .set({
          nameFi: `Tilanneryhmä ${id}`,
          nameSv: `Lägesgrupp ${id}`,
          nameEn: `Situation group ${id}`,
          descriptionFi: `/situations/${id}`,
        })
        .where(eq(groups.id, groupId))
        .run();
    else
      tx.update(groups)
        .set({ descriptionFi: `/situations/${id}` })
        .where(eq(groups.id, groupId))
        .run();
    for (const [level, code] of input.areas)
      tx.insert(situationAreas)
        .values({ situationId: id, areaId: requireAreaId(refs.areaIds, level, code) })
        .run();
    tx.insert(memberships)
      .values({
        userId: coordinator,
        groupId,
        organisationId: org("kanslia"),
        position: "chair",
        joinedAt: input.openedAt,
        leftAt: input.closedAt ?? null,
      })
      .run();
    for (const [email, o] of input.members)
      tx.insert(memberships)
        .values({
          userId: user(email),
          groupId,
          organisationId: org(o),
          position: "member",
          joinedAt: input.openedAt,
          leftAt: input.closedAt ?? null,
        })
        .run();
    return id;
  }

  const log = (
    situationId: number,
    entries: {
      by: string;
      org: string;
      body: string;
      reliability: "confirmed" | "unconfirmed";
      happened: Date;
      logged: Date;
      corrects?: number;
    }[],
  ) =>
    entries.map(
      (x) =>
        tx
          .insert(situationLogEntries)
          .values({
            situationId,
            sourceOrganisationId: org(x.org),
            body: x.body,
            reliability: x.reliability,
            happenedAt: x.happened,
            loggedAt: x.logged,
            loggedById: user(x.by),
            correctsId: x.corrects ?? null,
          })
          .returning({ id: situationLogEntries.id })
          .get().id,
    );

  // --- Closed: two months ago, public ------------------------------------------------------
  const closedOpened = at(70 * DAY);
  const closedAt = at(55 * DAY);
  const closed = situation({
    title: "Myymälävarkaudet ja uhkailu Kalasataman kauppakeskuksessa",
    description:
      "Nuorten ryhmä on toistuvasti uhkaillut myymälöiden henkilökuntaa ja vartijoita kauppakeskuksessa ja metroaseman käytävillä iltaisin.",
    severity: "moderate",
    publicity: "public",
    openedAt: closedOpened,
    closedAt,
    afterAction:
      "Poliisin, nuorisopalveluiden ja kauppakeskuksen vartioinnin yhteinen iltapartiointi rauhoitti tilanteen kahdessa viikossa. Jalkautuva nuorisotyö tavoitti ryhmän nuoret. Yhteistyömalli kannattaa vakiinnuttaa.",
    areas: [["sub_area", "30105"]],
    members: [
      ["asiantuntija", "police"],
      ["verkosto", "youthServices"],
      ["vartija", "securityCompany"],
    ],
  });
  log(closed, [
    {
      by: "asiantuntija",
      org: "police",
      body: "Kolme ilmoitusta uhkailusta viikon aikana, tekijöinä samat 4–6 nuorta.",
      reliability: "confirmed",
      happened: at(71 * DAY),
      logged: at(70 * DAY - HOUR),
    },
    {
      by: "vartija",
      org: "securityCompany",
      body: "Ryhmä kokoontuu arkisin klo 18–21 metroaseman sisäänkäynnillä.",
      reliability: "confirmed",
      happened: at(69 * DAY),
      logged: at(69 * DAY - HOUR),
    },
    {
      by: "verkosto",
      org: "youthServices",
      body: "Jalkautuva nuorisotyö tavoitti kaksi ryhmän nuorista; heitä ohjattiin nuorisotalon iltatoimintaan.",
      reliability: "confirmed",
      happened: at(63 * DAY),
      logged: at(63 * DAY - HOUR),
    },
  ]);
  tx.insert(situationPictures)
    .values({
      situationId: closed,
      version: 1,
      happened: "Toistuvaa uhkailua ja myymälävarkauksia iltaisin.",
      location: "Kalasataman kauppakeskus ja metroaseman käytävät.",
      affected: "Myymälöiden henkilökunta, vartijat, asiakkaat.",
      risks: "Väkivallan uhka, työntekijöiden turvattomuus.",
      resources: "Poliisin partio, kaksi nuorisotyöntekijää, kauppakeskuksen vartiointi.",
      agreed: "Yhteinen iltapartiointi kahden viikon ajan.",
      nextUpdateAt: at(63 * DAY),
      savedById: coordinator,
      savedAt: at(69 * DAY),
    })
    .run();
  tx.insert(situationActions)
    .values({
      situationId: closed,
      title: "Yhteinen iltapartiointi arkisin klo 18–21",
      ownerOrganisationId: org("police"),
      responsibleUserId: user("asiantuntija"),
      deadline: helsinkiDate(at(56 * DAY)),
      status: "done",
      createdById: coordinator,
      createdAt: at(69 * DAY),
      doneAt: at(56 * DAY),
    })
    .run();
  const plan = tx.select({ id: safetyPlans.id }).from(safetyPlans).where(eq(safetyPlans.status, "in_force")).get();
  if (plan) {
    const measureId = tx
      .insert(measures)
      .values({
        planId: plan.id,
        code: `T${closed}.1`,
        title: "Kauppakeskusten turvallisuusyhteistyön malli",
        description: "Poliisin, nuorisopalveluiden ja kauppakeskusten vartioinnin pysyvä yhteistyömalli iltojen häiriötilanteisiin.",
        ownerOrganisationId: org("police"),
        status: "proposed",
        proposedById: coordinator,
        published: false,
        createdAt: closedAt,
        updatedAt: closedAt,
      })
      .returning({ id: measures.id })
      .get().id;
    tx.insert(situationMeasureProposals).values({ situationId: closed, measureId }).run();
  }

  // --- Open: since yesterday, confidential ---------------------------------------------------
  const opened = at(30 * HOUR);
  const open = situation({
    title: "Häiriöt ja pahoinpitelyt Vuosaaren metroasemalla",
    description: "Kaksi pahoinpitelyä ja useita häiriöilmoituksia metroasemalla ja ostoskeskuksessa viikonlopun aikana.",
    severity: "high",
    publicity: "confidential",
    legalGround: "JulkL 24 § 1 mom. 5 k",
    secretUntil: helsinkiDate(new Date(now.getTime() + 5 * 365 * DAY)),
    openedAt: opened,
    areas: [
      ["district", "704"],
      ["sub_area", "70401"],
    ],
    members: [
      ["niko.saarinen", "police"],
      ["vartija", "securityCompany"],
      ["elina.koskela", "youthServices"],
    ],
  });
  const [first] = log(open, [
    {
      by: "niko.saarinen",
      org: "police",
      body: "Pahoinpitely metroaseman laiturilla lauantaina klo 22.40; kaksi epäiltyä.",
      reliability: "unconfirmed",
      happened: at(40 * HOUR),
      logged: at(29 * HOUR),
    },
    {
      by: "vartija",
      org: "securityCompany",
      body: "Ostoskeskuksen kameroissa näkyy noin kymmenen hengen ryhmä klo 22–23.",
      reliability: "confirmed",
      happened: at(40 * HOUR),
      logged: at(28 * HOUR),
    },
  ]);
  log(open, [
    {
      by: "niko.saarinen",
      org: "police",
      body: "Korjaus: pahoinpitely tapahtui lipunmyyntihallissa, ei laiturilla. Epäiltyjä kolme.",
      reliability: "confirmed",
      happened: at(40 * HOUR),
      logged: at(26 * HOUR),
      corrects: first,
    },
    {
      by: "elina.koskela",
      org: "youthServices",
      body: "Nuorisotalon kävijöiden mukaan ryhmässä on myös alle 15-vuotiaita.",
      reliability: "unconfirmed",
      happened: at(20 * HOUR),
      logged: at(18 * HOUR),
    },
  ]);
  const base = {
    situationId: open,
    location: "Vuosaaren metroasema ja ostoskeskus, erityisesti lipunmyyntihalli.",
    affected: "Metron käyttäjät, ostoskeskuksen asiakkaat ja henkilökunta; ryhmän nuoret.",
    resources: "Poliisin partio iltaisin, kauppakeskuksen vartiointi, kaksi nuorisotyöntekijää.",
    savedById: coordinator,
  };
  tx.insert(situationPictures)
    .values({
      ...base,
      version: 1,
      happened: "Pahoinpitely metroasemalla lauantaina, useita häiriöilmoituksia.",
      risks: "Uudet yhteenotot viikonloppuna.",
      agreed: "",
      nextUpdateAt: at(6 * HOUR),
      savedAt: at(27 * HOUR),
    })
    .run();
  const picture = {
    ...base,
    version: 2,
    happened: "Kaksi pahoinpitelyä lipunmyyntihallissa lauantaina ja useita häiriöilmoituksia. Ryhmässä on myös alle 15-vuotiaita.",
    risks: "Uudet yhteenotot viikonloppuna; nuorimpien ajautuminen rikoksiin.",
    agreed: "Yhteinen iltapartiointi perjantaista alkaen; sosiaalipäivystys tiedotetaan alaikäisistä.",
    nextUpdateAt: new Date(now.getTime() + 20 * HOUR),
    savedAt: at(17 * HOUR),
  };
  tx.insert(situationPictures).values(picture).run();
  const actions = [
    {
      title: "Ilmoitus sosiaalipäivystykseen alaikäisistä",
      owner: "youthServices",
      by: "elina.koskela",
      deadline: helsinkiDate(at(DAY)),
      status: "open" as const,
    },
    {
      title: "Kameratallenteiden luovutus poliisille",
      owner: "securityCompany",
      by: "vartija",
      deadline: helsinkiDate(at(20 * HOUR)),
      status: "done" as const,
    },
    {
      title: "Yhteinen iltapartiointi perjantaina ja lauantaina",
      owner: "police",
      by: "niko.saarinen",
      deadline: helsinkiDate(new Date(now.getTime() + 3 * DAY)),
      status: "in_progress" as const,
    },
  ];
  for (const a of actions)
    tx.insert(situationActions)
      .values({
        situationId: open,
        title: a.title,
        ownerOrganisationId: org(a.owner),
        responsibleUserId: user(a.by),
        deadline: a.deadline,
        status: a.status,
        createdById: coordinator,
        createdAt: at(17 * HOUR),
        doneAt: a.status === "done" ? at(10 * HOUR) : null,
      })
      .run();
  const snapshot: BriefingSnapshot = {
    title: "Häiriöt ja pahoinpitelyt Vuosaaren metroasemalla",
    description: "Kaksi pahoinpitelyä ja useita häiriöilmoituksia metroasemalla ja ostoskeskuksessa viikonlopun aikana.",
    severity: "high",
    publicity: "confidential",
    legalGround: "JulkL 24 § 1 mom. 5 k",
    areas: [
      { nameFi: "Vuosaari", nameSv: "Nordsjö", nameEn: null },
      { nameFi: "Keski-Vuosaari", nameSv: "Mellersta Nordsjö", nameEn: null },
    ],
    picture: {
      version: 2,
      happened: picture.happened,
      location: picture.location,
      affected: picture.affected,
      risks: picture.risks,
      resources: picture.resources,
      agreed: picture.agreed,
      nextUpdateAt: picture.nextUpdateAt.getTime(),
      savedAt: picture.savedAt.getTime(),
    },
    actions: actions.map((a) => {
      const owner = tx
        .select()
        .from(organisations)
        .where(eq(organisations.id, org(a.owner)))
        .get()!;
      return {
        title: a.title,
        ownerNameFi: owner.nameFi,
        ownerNameSv: owner.nameSv,
        ownerNameEn: owner.nameEn,
        responsibleName:
          tx
            .select({ name: users.name })
            .from(users)
            .where(eq(users.id, user(a.by)))
            .get()?.name ?? null,
        deadline: a.deadline,
        status: a.status,
        overdue: a.status !== "done" && a.deadline < helsinkiDate(at(16 * HOUR)),
      };
    }),
    openedAt: opened.getTime(),
  };
  const briefingId = tx
    .insert(situationBriefings)
    .values({ situationId: open, pictureVersion: 2, snapshot: JSON.stringify(snapshot), sentById: coordinator, sentAt: at(16 * HOUR) })
    .returning({ id: situationBriefings.id })
    .get().id;
  tx.insert(situationBriefingRecipients)
    .values({ briefingId, userId: user("pormestari"), sentAt: at(16 * HOUR), readAt: at(15 * HOUR) })
    .run();
  tx.insert(situationBriefingRecipients)
    .values({ briefingId, userId: user("leena.hyvarinen"), sentAt: at(16 * HOUR) })
    .run();
}
