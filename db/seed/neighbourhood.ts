// Level 3 of the demo city: residents' neighbourhood plans in the three networks' areas, in
// every state of the workflow (published with a co-author, waiting for the network, a draft,
// changes requested, archived, and an older published one), with their version history,
// comments (one hidden by a moderator, one reported), and the networks' local notes on city
// measures. Dated relative to `now`, like the city plan. All people and events are fictional.
import { and, eq } from "drizzle-orm";
import type { PlanSnapshot } from "../../app/server/neighbourhood/neighbourhood.server";
import {
  commentReports,
  measures,
  neighbourhoodPlans,
  networkMeasureNotes,
  planActions,
  planAuthors,
  planComments,
  planGoals,
  planObservations,
  planVersions,
  safetyPlans,
  type AreaLevel,
  type NeighbourhoodPlanStatus,
} from "../schema";
import { requireAreaId, type AreaIds, type DbOrTx } from "./areas";
import type { OrgKey } from "./demo-city";

export type NeighbourhoodRefs = {
  userIds: ReadonlyMap<string, string>;
  areaIds: AreaIds;
  /** Group ids by the demo's group keys (kallioNetwork, malmiNetwork, vuosaariNetwork…). */
  groupIds: ReadonlyMap<string, number>;
  orgIds: ReadonlyMap<OrgKey, number>;
};

const DAY_MS = 86_400_000;

const P = {
  eveliina: "asukas@demo.lahiturva.fi",
  sofia: "sofia.koivisto@demo.lahiturva.fi",
  aino: "aino.heinonen@demo.lahiturva.fi",
  marjaLiisa: "marja-liisa.pulkkinen@demo.lahiturva.fi",
  kalle: "kalle.nurmi@demo.lahiturva.fi",
  bjorn: "bjorn.holmstrom@demo.lahiturva.fi",
  tiina: "verkosto@demo.lahiturva.fi",
  niko: "niko.saarinen@demo.lahiturva.fi",
  ilkka: "ilkka.lahtinen@demo.lahiturva.fi",
  jussi: "jussi.aalto@demo.lahiturva.fi",
  kari: "kari.vainio@demo.lahiturva.fi",
  sari: "sari.nieminen@demo.lahiturva.fi",
  raimo: "raimo.toivonen@demo.lahiturva.fi",
  ville: "ville.hakala@demo.lahiturva.fi",
} as const;
type Person = keyof typeof P;

type ObservationSeed = { text: string; place?: string; lat?: number; lng?: number; by: Person };
type GoalSeed = { text: string; by: Person };
type ActionSeed = {
  text: string;
  carriedBy: "residents" | "network" | "city";
  org?: OrgKey;
  timeline: string;
  /** Days from now (negative = past). */
  due?: number;
  /** Code of a measure of the plan in force. */
  measure?: string;
  /** Index into the plan's goals. */
  goal?: number;
  status: "planned" | "in_progress" | "done" | "cancelled";
  by: Person;
};
type CommentSeed = {
  by: Person;
  body: string;
  kind?: "comment" | "feedback";
  ago: number;
  hidden?: { by: Person; reason: string; ago: number };
  reports?: { by: Person; reason: string; ago: number }[];
};
type PlanSeed = {
  area: [AreaLevel, string];
  title: string;
  situation: string;
  status: NeighbourhoodPlanStatus;
  owner: Person;
  coauthors?: Person[];
  /** Days ago: created, and the milestones the status implies. */
  created: number;
  submitted?: number;
  changesRequested?: { by: Person; ago: number };
  /** Sent again after the requested changes. */
  resubmitted?: number;
  published?: { by: Person; ago: number };
  archived?: { by: Person; ago: number };
  reviewer?: string;
  observations: ObservationSeed[];
  goals: GoalSeed[];
  actions: ActionSeed[];
  comments?: CommentSeed[];
};

const PLANS: PlanSeed[] = [
  {
    area: ["sub_area", "30102"], // Linjat, Kallio
    title: "Turvallisempi Karhupuisto ja Vaasanaukio",
    situation:
      "Linjojen kortteleissa asuu paljon lapsiperheitä ja ikääntyneitä. Karhupuiston ja Vaasanaukion ympäristö on päivisin vilkas ja viihtyisä, mutta iltaisin moni kiertää aukion kaukaa.\n\nTaloyhtiöiden yhteisessä kyselyssä syksyllä 2025 vastaajista 41 % kertoi välttelevänsä Vaasanaukiota pimeällä. Roskaantuminen, rikotut valaisimet ja huutelu lisäävät turvattomuuden tunnetta.",
    status: "published",
    owner: "eveliina",
    coauthors: ["sofia"],
    created: 120,
    submitted: 62,
    changesRequested: { by: "tiina", ago: 55 },
    resubmitted: 48,
    published: { by: "tiina", ago: 40 },
    reviewer: "kallioNetwork",
    observations: [
      {
        text: "Karhupuiston länsilaidan valaisimet ovat olleet rikki pitkään, ja puiston läpi kulkeva oikopolku on iltaisin täysin pimeä.",
        place: "Karhupuisto",
        lat: 60.18417,
        lng: 24.95139,
        by: "eveliina",
      },
      {
        text: "Vaasanaukiolla kokoontuu iltaisin päihtyneitä aikuisia, ja ohikulkijoihin kohdistuu huutelua. Moni lapsiperhe kiertää aukion.",
        place: "Vaasanaukio",
        lat: 60.18528,
        lng: 24.95306,
        by: "sofia",
      },
      {
        text: "Kallion kirkon portailla ja Siltasaarenkadun pysäkillä on usein rikottuja pulloja ja joskus käytettyjä neuloja.",
        place: "Kallion kirkon portaat",
        lat: 60.18389,
        lng: 24.94917,
        by: "eveliina",
      },
      {
        text: "Koululaisten reitti Aleksis Kiven koululle ylittää vilkkaan Helsinginkadun ilman liikennevaloja.",
        place: "Helsinginkadun ja Fleminginkadun risteys",
        by: "sofia",
      },
    ],
    goals: [
      {
        text: "Karhupuisto ja Vaasanaukio tuntuvat turvallisilta myös iltaisin: pimeällä aukiota välttelevien osuus laskee alle 25 prosenttiin vuoteen 2027 mennessä.",
        by: "eveliina",
      },
      { text: "Lasten koulureitit ovat turvallisia ja hyvin valaistuja.", by: "sofia" },
      { text: "Asukkaat tuntevat naapurinsa ja tietävät, minne havainnoista ilmoitetaan.", by: "eveliina" },
    ],
    actions: [
      {
        text: "Kartoitetaan rikkinäiset valaisimet ja pimeät kulkureitit turvallisuuskävelyllä yhdessä lähipoliisin ja kaupunkiympäristön toimialan kanssa.",
        carriedBy: "network",
        timeline: "Lokakuu 2025",
        due: -30,
        measure: "6.4",
        goal: 0,
        status: "done",
        by: "eveliina",
      },
      {
        text: "Lähipoliisi jalkautuu Vaasanaukiolle perjantai- ja lauantai-iltaisin ja kertoo havainnoistaan asukasillassa.",
        carriedBy: "city",
        org: "police",
        timeline: "Viikonloppuisin syyskuusta toukokuuhun",
        measure: "2.2",
        goal: 0,
        status: "in_progress",
        by: "sofia",
      },
      {
        text: "Järjestetään kuukausittaiset siivoustalkoot Karhupuistossa ja kirkon portailla. Neulat kerätään turvallisesti Staran ohjeiden mukaan.",
        carriedBy: "residents",
        timeline: "Kuukauden ensimmäinen lauantai",
        goal: 0,
        status: "in_progress",
        by: "eveliina",
      },
      {
        text: "Esitetään liikennevaloja tai suojatiesaareketta Helsinginkadun ja Fleminginkadun risteykseen.",
        carriedBy: "city",
        org: "urbanEnvironment",
        timeline: "Aloite keväällä 2026",
        due: 120,
        goal: 1,
        status: "planned",
        by: "sofia",
      },
      {
        text: "Kallion nuorisotalo ja Aseman Lapset tarjoavat nuorille iltaisin tekemistä Vaasanaukion lähellä.",
        carriedBy: "network",
        timeline: "Syyskausi 2026",
        measure: "1.5",
        goal: 0,
        status: "planned",
        by: "sofia",
      },
      {
        text: "Perustetaan rappukohtainen naapuriapuverkosto ja kerrotaan asukkaille Kerro kartalla -palautteesta.",
        carriedBy: "residents",
        timeline: "Kevät 2026",
        measure: "6.2",
        goal: 2,
        status: "in_progress",
        by: "eveliina",
      },
    ],
    comments: [
      {
        by: "tiina",
        kind: "feedback",
        ago: 55,
        body: "Kiitos hyvästä luonnoksesta! Lisätkää vielä, kuka vastaa Helsinginkadun risteyksen aloitteesta ja millä aikataululla, niin voimme hyväksyä suunnitelman.",
      },
      {
        by: "tiina",
        kind: "feedback",
        ago: 40,
        body: "Hieno ja konkreettinen suunnitelma. Verkosto sitoutuu turvallisuuskävelyyn ja nuorisotyön iltavuoroihin, ja seuraamme toimenpiteitä verkoston kokouksissa kolmen kuukauden välein.",
      },
      {
        by: "niko",
        ago: 21,
        body: "Lähipoliisin iltakäynneistä Vaasanaukiolla on koottu yhteenveto. Kerromme siitä seuraavassa asukasillassa Kallion kirjastossa.",
      },
      {
        by: "aino",
        ago: 14,
        body: "Siivoustalkoisiin tarvitaan lisää tarttumapihtejä ja neulankeräysastioita – asukastalolta voi lainata niitä.",
      },
      {
        by: "kalle",
        ago: 9,
        body: "Tiedän kuka aukiolla huutelee: Fleminginkatu 14 B:n Mäkinen. Soittakaa hänelle itse numeroon 040 123 4567.",
        hidden: { by: "ilkka", reason: "Kommentissa on yksityishenkilön nimi, osoite ja puhelinnumero.", ago: 8 },
        reports: [{ by: "eveliina", reason: "Kommentissa on jonkun yhteystiedot.", ago: 9 }],
      },
      {
        by: "bjorn",
        ago: 3,
        body: "Ihan turhaa rahan tuhlausta nuo valot, ei niistä mitään apua ole.",
        reports: [{ by: "sofia", reason: "Asiaton ja aiheeton kommentti.", ago: 2 }],
      },
    ],
  },
  {
    area: ["sub_area", "50302"], // Ylä-Malmi
    title: "Malmin aseman seudun iltaturvallisuus",
    situation:
      "Malmin asema on Koillis-Helsingin solmukohta. Iltaisin aseman alikulussa ja Ala-Malmin torilla on levotonta, ja moni asukas kertoo tulevansa kotiin mieluummin bussilla kuin junalla. Aseman ympäristöä rakennetaan lähivuosina uudelleen, joten nyt on hyvä hetki vaikuttaa.",
    status: "submitted",
    owner: "marjaLiisa",
    created: 30,
    submitted: 3,
    reviewer: "malmiNetwork",
    observations: [
      {
        text: "Aseman alikulku on kapea ja huonosti valaistu, ja sen seinissä on tuoreita töherryksiä.",
        place: "Malmin aseman alikulku",
        lat: 60.25083,
        lng: 25.01139,
        by: "marjaLiisa",
      },
      {
        text: "Ala-Malmin torilla myydään iltaisin avoimesti huumeita, ja nuoret kertovat tulleensa painostetuiksi.",
        place: "Ala-Malmin tori",
        lat: 60.24944,
        lng: 25.01056,
        by: "marjaLiisa",
      },
      {
        text: "Kauppakeskuksen pysäköintihallin portaikko tuntuu ahdistavalta: ei valvontaa eikä hätäpuhelinta.",
        place: "Kauppakeskuksen pysäköintihalli",
        by: "marjaLiisa",
      },
    ],
    goals: [
      { text: "Asemalta pääsee iltaisin kotiin turvallisesti: alikulku on valoisa ja siisti.", by: "marjaLiisa" },
      { text: "Nuorilla on iltaisin turvallinen paikka olla aseman lähellä.", by: "marjaLiisa" },
    ],
    actions: [
      {
        text: "Uusitaan alikulun valaistus ja poistetaan töherrykset viikon sisällä ilmoituksesta.",
        carriedBy: "city",
        org: "urbanEnvironment",
        timeline: "Vuoden 2026 aikana",
        measure: "2.1",
        goal: 0,
        status: "planned",
        by: "marjaLiisa",
      },
      {
        text: "Jalkautuva nuorisotyö ja lähipoliisi liikkuvat torilla perjantai-iltaisin.",
        carriedBy: "network",
        timeline: "Syyskuusta alkaen",
        measure: "1.1",
        goal: 1,
        status: "planned",
        by: "marjaLiisa",
      },
      {
        text: "Asukkaat osallistuvat aseman seudun turvallisuussuunnitteluun ja kokoavat havainnot Kerro kartalla -palveluun.",
        carriedBy: "residents",
        timeline: "Kevät 2026",
        measure: "3.6",
        goal: 0,
        status: "planned",
        by: "marjaLiisa",
      },
    ],
    comments: [
      {
        by: "marjaLiisa",
        ago: 3,
        body: "Suunnitelma on tehty Ylä-Malmin asukasyhdistyksen kevätkokouksen pohjalta. Toivomme verkostolta erityisesti palautetta nuorille suunnatuista toimista.",
      },
    ],
  },
  {
    area: ["sub_area", "70404"], // Meri-Rastila
    title: "Meri-Rastilan rantareitin turvallisuus",
    situation: "Meri-Rastilan rantareitti on suosittu ulkoilureitti, mutta talvisin se on pimeä ja liukas. Luonnos on vielä kesken.",
    status: "draft",
    owner: "kalle",
    created: 6,
    observations: [
      {
        text: "Rantareitin eteläpäässä ei ole lainkaan valaistusta, ja reitti on talvella jäinen.",
        place: "Meri-Rastilan rantapuisto",
        lat: 60.20444,
        lng: 25.12056,
        by: "kalle",
      },
      { text: "Metroaseman ja rannan välinen polku kulkee tyhjän tontin läpi.", by: "kalle" },
    ],
    goals: [{ text: "Rantareittiä voi käyttää turvallisesti myös talvi-iltaisin.", by: "kalle" }],
    actions: [],
  },
  {
    area: ["sub_area", "70406"], // Aurinkolahti
    title: "Aurinkolahden rantakadun kesäillat",
    situation:
      "Aurinkolahden uimaranta ja rantakatu täyttyvät kesäiltaisin. Viime kesänä rannalla oli useita tappeluita ja paljon roskaamista, ja lähitalojen asukkaat valittivat melusta aamuyöhön asti.",
    status: "changes_requested",
    owner: "bjorn",
    created: 45,
    submitted: 20,
    changesRequested: { by: "raimo", ago: 12 },
    reviewer: "vuosaariNetwork",
    observations: [
      {
        text: "Rannalla juhlitaan kesäöinä aamuun asti, ja riidat kärjistyvät tappeluiksi.",
        place: "Aurinkolahden uimaranta",
        lat: 60.20194,
        lng: 25.14861,
        by: "bjorn",
      },
      {
        text: "Roska-astiat täyttyvät jo alkuillasta, ja rikkinäistä lasia on hiekalla aamuisin.",
        place: "Aurinkolahden rantakatu",
        by: "bjorn",
      },
    ],
    goals: [{ text: "Ranta on kesäiltaisin rauhallinen ja siisti kaikille.", by: "bjorn" }],
    actions: [
      {
        text: "Lisää roska-astioita ja aamusiivous viikonloppuisin.",
        carriedBy: "city",
        org: "stara",
        timeline: "Kesä 2026",
        goal: 0,
        status: "planned",
        by: "bjorn",
      },
      {
        text: "Asukkaiden ranta-ilta kesäkuun alussa: tutustutaan naapureihin ja sovitaan yhteisistä pelisäännöistä.",
        carriedBy: "residents",
        timeline: "Kesäkuu 2026",
        measure: "6.2",
        goal: 0,
        status: "planned",
        by: "bjorn",
      },
    ],
    comments: [
      {
        by: "raimo",
        kind: "feedback",
        ago: 12,
        body: "Kiitos suunnitelmasta! Toimenpiteistä ei vielä käy ilmi, kuka vastaa rannan järjestyksenvalvonnasta kesäöinä. Lisätkää vastuutaho (esimerkiksi poliisi tai järjestyksenvalvojat) ja aikataulu, niin käsittelemme suunnitelman uudelleen.",
      },
    ],
  },
  {
    area: ["sub_area", "30201"], // Harju, Alppiharju
    title: "Harjun kesä 2025: turvalliset illat Alppipuistossa",
    situation:
      "Alppipuistossa ja Linnanmäen ympäristössä oli kesällä 2024 paljon ilkivaltaa. Kesän 2025 suunnitelma keskittyi puiston iltoihin.",
    status: "archived",
    owner: "sofia",
    coauthors: ["eveliina"],
    created: 420,
    submitted: 400,
    published: { by: "ilkka", ago: 390 },
    archived: { by: "sofia", ago: 30 },
    reviewer: "kallioNetwork",
    observations: [
      {
        text: "Alppipuiston portailla rikotaan pulloja ja valaisimia viikonloppuöisin.",
        place: "Alppipuisto",
        lat: 60.19028,
        lng: 24.94056,
        by: "sofia",
      },
    ],
    goals: [{ text: "Puiston ilkivalta vähenee kesällä 2025.", by: "sofia" }],
    actions: [
      {
        text: "Kesäillan puistokävelyt nuorisotyöntekijöiden kanssa.",
        carriedBy: "network",
        timeline: "Kesä–elokuu 2025",
        measure: "6.4",
        goal: 0,
        status: "done",
        by: "sofia",
      },
      {
        text: "Rikkinäisistä valaisimista ilmoitetaan heti kaupungin palautekanavaan.",
        carriedBy: "residents",
        timeline: "Koko kesä",
        goal: 0,
        status: "done",
        by: "eveliina",
      },
    ],
    comments: [{ by: "ilkka", kind: "feedback", ago: 390, body: "Hyvä ja selkeä kesäsuunnitelma. Hyväksytään." }],
  },
  {
    area: ["sub_area", "50302"], // Ylä-Malmi
    title: "Ylä-Malmin turvalliset koulureitit",
    situation:
      "Ylä-Malmin alakoululaiset kulkevat kouluun Kirkonkyläntien ja Latokartanontien risteyksen kautta. Vanhemmat ovat huolissaan ylinopeuksista ja pimeistä talviaamuista.",
    status: "published",
    owner: "marjaLiisa",
    created: 260,
    submitted: 230,
    published: { by: "kari", ago: 215 },
    reviewer: "malmiNetwork",
    observations: [
      {
        text: "Risteyksessä ajetaan aamuisin ylinopeutta, eikä suojatiellä ole valoja.",
        place: "Kirkonkyläntien ja Latokartanontien risteys",
        lat: 60.25472,
        lng: 25.01722,
        by: "marjaLiisa",
      },
    ],
    goals: [{ text: "Jokainen alakoululainen pääsee kouluun turvallisesti myös pimeänä aikana.", by: "marjaLiisa" }],
    actions: [
      {
        text: "Vanhempien liikenneturvallisuuskävely ja heijastinten jako koulun alussa.",
        carriedBy: "residents",
        timeline: "Joka syksy",
        measure: "3.4",
        goal: 0,
        status: "done",
        by: "marjaLiisa",
      },
      {
        text: "Suojatien valaistuksen parantaminen.",
        carriedBy: "city",
        org: "urbanEnvironment",
        timeline: "2026",
        due: 60,
        measure: "2.1",
        goal: 0,
        status: "in_progress",
        by: "marjaLiisa",
      },
    ],
    comments: [{ by: "kari", kind: "feedback", ago: 215, body: "Verkosto tukee suunnitelmaa. Kävelyyn osallistuu myös lähipoliisi." }],
  },
];

const NOTES: { group: string; measure: string; by: Person; ago: number; body: string }[] = [
  {
    group: "kallioNetwork",
    measure: "2.2",
    by: "niko",
    ago: 20,
    body: "Iltakäyntejä Vaasanaukiolla on tehty 14 viikonloppuna. Asukkaiden mukaan huutelu on vähentynyt selvästi, mutta kirkon portailla on yhä roskaamista.",
  },
  {
    group: "kallioNetwork",
    measure: "2.3",
    by: "ilkka",
    ago: 35,
    body: "Ravintoloitsijoiden kanssa sovittiin yhteinen yhteyshenkilö ja ilmoituskäytäntö. Seuraava tapaaminen toukokuussa.",
  },
  {
    group: "kallioNetwork",
    measure: "1.5",
    by: "jussi",
    ago: 10,
    body: "Matalan kynnyksen päihdeilta aloitettiin nuorisotalolla torstaisin; ensimmäisillä kerroilla kävi 8–12 nuorta.",
  },
  {
    group: "malmiNetwork",
    measure: "3.6",
    by: "sari",
    ago: 15,
    body: "Aseman alikulun valaistus on osittain uusittu. Kameravalvonnan laajennus odottaa päätöstä.",
  },
  {
    group: "vuosaariNetwork",
    measure: "1.3",
    by: "ville",
    ago: 25,
    body: "Ankkuritiimi on tavannut Vuosaaren kouluilla kuusi nuorta syyslukukauden aikana.",
  },
];

/**
 * Inserts the neighbourhood plans, their history, comments and the networks' notes. Runs inside
 * the demo city's transaction, after people, groups, areas and the city plan exist.
 */
export function seedNeighbourhood(tx: DbOrTx, refs: NeighbourhoodRefs, now: Date): void {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const dateIn = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
  const user = (p: Person) => {
    const id = refs.userIds.get(P[p]);
    if (!id) throw new Error(`Demo seed refers to unknown person ${P[p]}`);
    return id;
  };
  const group = (key: string) => {
    const id = refs.groupIds.get(key);
    if (id === undefined) throw new Error(`Demo seed refers to unknown group ${key}`);
    return id;
  };
  const org = (key: OrgKey) => {
    const id = refs.orgIds.get(key);
    if (id === undefined) throw new Error(`Demo seed refers to unknown organisation ${key}`);
    return id;
  };
  const measureId = (code: string) => {
    const row = tx
      .select({ id: measures.id })
      .from(measures)
      .innerJoin(safetyPlans, eq(safetyPlans.id, measures.planId))
      .where(and(eq(measures.code, code), eq(safetyPlans.status, "in_force")))
      .get();
    if (!row) throw new Error(`Demo seed refers to unknown measure ${code}`);
    return row.id;
  };

  for (const spec of PLANS) {
    const areaId = requireAreaId(refs.areaIds, ...spec.area);
    const lastEvent = Math.min(
      spec.created,
      spec.submitted ?? Infinity,
      spec.changesRequested?.ago ?? Infinity,
      spec.resubmitted ?? Infinity,
      spec.published?.ago ?? Infinity,
      spec.archived?.ago ?? Infinity,
    );
    const lastSubmitted = spec.resubmitted ?? spec.submitted;
    const planId = tx
      .insert(neighbourhoodPlans)
      .values({
        areaId,
        title: spec.title,
        situation: spec.situation,
        status: spec.status,
        createdById: user(spec.owner),
        createdAt: ago(spec.created),
        updatedAt: ago(lastEvent),
        submittedAt: lastSubmitted !== undefined ? ago(lastSubmitted) : null,
        acceptedAt: spec.published ? ago(spec.published.ago) : null,
        publishedAt: spec.published ? ago(spec.published.ago) : null,
        archivedAt: spec.archived ? ago(spec.archived.ago) : null,
        reviewingGroupId: spec.reviewer ? group(spec.reviewer) : null,
      })
      .returning({ id: neighbourhoodPlans.id })
      .get().id;

    const authors = [
      { userId: user(spec.owner), role: "owner" as const },
      ...(spec.coauthors ?? []).map((p) => ({ userId: user(p), role: "coauthor" as const })),
    ];
    for (const a of authors)
      tx.insert(planAuthors)
        .values({ planId, ...a, addedAt: ago(spec.created) })
        .run();

    const writtenAgo = spec.submitted !== undefined ? spec.submitted + 1 : Math.max(spec.created - 1, 0);
    const writtenAt = ago(spec.resubmitted !== undefined ? spec.resubmitted + 1 : writtenAgo);
    const observations = spec.observations.map((o, position) => ({
      id: tx
        .insert(planObservations)
        .values({
          planId,
          text: o.text,
          placeName: o.place ?? null,
          lat: o.lat ?? null,
          lng: o.lng ?? null,
          authorId: user(o.by),
          position,
          updatedAt: writtenAt,
        })
        .returning({ id: planObservations.id })
        .get().id,
      text: o.text,
      placeName: o.place ?? null,
      lat: o.lat ?? null,
      lng: o.lng ?? null,
      authorId: user(o.by),
    }));
    const goals = spec.goals.map((g, position) => ({
      id: tx
        .insert(planGoals)
        .values({ planId, text: g.text, authorId: user(g.by), position, updatedAt: writtenAt })
        .returning({ id: planGoals.id })
        .get().id,
      text: g.text,
      authorId: user(g.by),
    }));
    const actions = spec.actions.map((a, position) => {
      const values = {
        text: a.text,
        carriedBy: a.carriedBy,
        organisationId: a.org ? org(a.org) : null,
        timeline: a.timeline,
        dueDate: a.due !== undefined ? dateIn(a.due) : null,
        measureId: a.measure ? measureId(a.measure) : null,
        goalId: a.goal !== undefined ? goals[a.goal]!.id : null,
        status: a.status,
        authorId: user(a.by),
      };
      const id = tx
        .insert(planActions)
        .values({ planId, ...values, position, updatedAt: writtenAt })
        .returning({ id: planActions.id })
        .get().id;
      return { id, ...values };
    });

    // The history: the start, the written plan, then each milestone the status implies.
    const snapshot = (status: NeighbourhoodPlanStatus, at: Date, withContent: boolean): string =>
      JSON.stringify({
        title: spec.title,
        situation: withContent ? spec.situation : "",
        basicsAuthorId: user(spec.owner),
        status,
        lastSavedAt: at.getTime(),
        authors: withContent ? authors : authors.slice(0, 1),
        observations: withContent ? observations : [],
        goals: withContent ? goals : [],
        actions: withContent ? actions : [],
      } satisfies PlanSnapshot);
    const events: { status: NeighbourhoodPlanStatus; ago: number; by: Person; note: string | null; content: boolean }[] = [
      { status: "draft", ago: spec.created, by: spec.owner, note: "created", content: false },
      { status: "draft", ago: writtenAgo, by: spec.owner, note: null, content: true },
    ];
    if (spec.submitted !== undefined)
      events.push({ status: "submitted", ago: spec.submitted, by: spec.owner, note: "submitted", content: true });
    if (spec.changesRequested)
      events.push({
        status: "changes_requested",
        ago: spec.changesRequested.ago,
        by: spec.changesRequested.by,
        note: "changesRequested",
        content: true,
      });
    if (spec.resubmitted !== undefined)
      events.push({ status: "submitted", ago: spec.resubmitted, by: spec.owner, note: "submitted", content: true });
    if (spec.published)
      events.push({ status: "published", ago: spec.published.ago, by: spec.published.by, note: "published", content: true });
    if (spec.archived) events.push({ status: "archived", ago: spec.archived.ago, by: spec.archived.by, note: "archived", content: true });
    events.forEach((e, i) => {
      tx.insert(planVersions)
        .values({
          planId,
          version: i + 1,
          snapshot: snapshot(e.status, ago(e.ago), e.content),
          savedById: user(e.by),
          savedAt: ago(e.ago),
          note: e.note,
        })
        .run();
    });
    tx.update(neighbourhoodPlans).set({ version: events.length }).where(eq(neighbourhoodPlans.id, planId)).run();

    for (const c of spec.comments ?? []) {
      const commentId = tx
        .insert(planComments)
        .values({
          planId,
          authorId: user(c.by),
          body: c.body,
          kind: c.kind ?? "comment",
          createdAt: ago(c.ago),
          hiddenAt: c.hidden ? ago(c.hidden.ago) : null,
          hiddenById: c.hidden ? user(c.hidden.by) : null,
          hiddenReason: c.hidden?.reason ?? null,
        })
        .returning({ id: planComments.id })
        .get().id;
      for (const r of c.reports ?? []) {
        tx.insert(commentReports)
          .values({
            commentId,
            reporterId: user(r.by),
            reason: r.reason,
            createdAt: ago(r.ago),
            resolvedAt: c.hidden ? ago(c.hidden.ago) : null,
          })
          .run();
      }
    }
  }

  for (const n of NOTES) {
    tx.insert(networkMeasureNotes)
      .values({ groupId: group(n.group), measureId: measureId(n.measure), body: n.body, authorId: user(n.by), createdAt: ago(n.ago) })
      .run();
  }
}
