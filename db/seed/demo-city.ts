// The demo city: a Helsinki-like municipality with its safety-planning organisation (secretariat,
// steering group, expert group, district networks, a cooperation group, the situation room), the organisations its
// members represent, and a few residents. All people are fictional.
import { randomUUID } from "node:crypto";
import { hashPassword } from "../../app/server/people/passwords.server";
import type { Db } from "../client";
import {
  groupAreas,
  groups,
  memberships,
  organisations,
  residencies,
  users,
  type AreaLevel,
  type GroupKind,
  type Locale,
  type OrganisationKind,
  type Position,
} from "../schema";
import { requireAreaId, seedAreas } from "./areas";
import { seedCityPlan } from "./city-plan";
import { seedIndicators } from "./indicators";
import { seedNeighbourhood } from "./neighbourhood";
import { seedWorkspaces } from "./workspaces";
import { seedSituations } from "./situations";
import { seedAreaBoundaries } from "./area-boundaries";
import { seedObservations } from "./observations";
import { clock } from "../../app/server/platform/clock";

export type DemoLogin = { role: string; email: string; name: string };

export const DEMO_PASSWORD = "Turvallisuus-2026";
export const DEMO_EMAIL_DOMAIN = "demo.lahiturva.fi";

// ---------------------------------------------------------------------------------------------
// Organisations

type OrganisationSeed = {
  nameFi: string;
  nameSv?: string;
  nameEn?: string;
  shortName?: string;
  kind: OrganisationKind;
};

const ORGANISATIONS = {
  kanslia: {
    nameFi: "Kaupunginkanslia, turvallisuus- ja valmiusyksikkö",
    nameSv: "Stadskansliet, säkerhets- och beredskapsenheten",
    nameEn: "City Executive Office, Safety and Preparedness Unit",
    shortName: "Kanslia",
    kind: "city_division",
  },
  education: {
    nameFi: "Kasvatuksen ja koulutuksen toimiala",
    nameSv: "Fostrans- och utbildningssektorn",
    nameEn: "Education Division",
    shortName: "Kasko",
    kind: "city_division",
  },
  cultureLeisure: {
    nameFi: "Kulttuurin ja vapaa-ajan toimiala",
    nameSv: "Kultur- och fritidssektorn",
    nameEn: "Culture and Leisure Division",
    shortName: "Kuva",
    kind: "city_division",
  },
  youthServices: {
    nameFi: "Nuorisopalvelut",
    nameSv: "Ungdomstjänster",
    nameEn: "Youth Services",
    shortName: "Nuoriso",
    kind: "city_service",
  },
  urbanEnvironment: {
    nameFi: "Kaupunkiympäristön toimiala",
    nameSv: "Stadsmiljösektorn",
    nameEn: "Urban Environment Division",
    shortName: "Kymp",
    kind: "city_division",
  },
  police: {
    nameFi: "Helsingin poliisilaitos",
    nameSv: "Helsingfors polisinrättning",
    nameEn: "Helsinki Police Department",
    shortName: "Poliisi",
    kind: "police",
  },
  rescue: {
    nameFi: "Helsingin kaupungin pelastuslaitos",
    nameSv: "Helsingfors stads räddningsverk",
    nameEn: "Helsinki City Rescue Department",
    shortName: "Pelastuslaitos",
    kind: "rescue",
  },
  wellbeing: {
    nameFi: "Sosiaali-, terveys- ja pelastustoimiala (Helsingin hyvinvointialue)",
    nameSv: "Social-, hälsovårds- och räddningssektorn (Helsingfors välfärdsområde)",
    nameEn: "Social Services, Health Care and Rescue Services Division",
    shortName: "Sote",
    kind: "wellbeing_region",
  },
  hsl: {
    nameFi: "Helsingin seudun liikenne -kuntayhtymä",
    nameSv: "Samkommunen Helsingforsregionens trafik",
    nameEn: "Helsinki Regional Transport Authority",
    shortName: "HSL",
    kind: "regional",
  },
  parishes: {
    nameFi: "Helsingin seurakuntayhtymä",
    nameSv: "Helsingfors kyrkliga samfällighet",
    nameEn: "Parish Union of Helsinki",
    kind: "other",
  },
  redCross: {
    nameFi: "Suomen Punainen Risti, Helsingin ja Uudenmaan piiri",
    nameSv: "Finlands Röda Kors, Helsingfors och Nylands distrikt",
    nameEn: "Finnish Red Cross, Helsinki and Uusimaa District",
    shortName: "SPR",
    kind: "ngo",
  },
  nuortenYstavat: {
    nameFi: "Nuorten Ystävät ry",
    nameEn: "Nuorten Ystävät (youth and family services association)",
    kind: "ngo",
  },
  helka: {
    nameFi: "Helsingin kaupunginosayhdistykset ry",
    nameSv: "Helsingfors stadsdelsföreningar rf",
    nameEn: "Helsinki Neighbourhood Associations",
    shortName: "Helka",
    kind: "ngo",
  },
  kiinteistoliitto: {
    nameFi: "Kiinteistöliitto Uusimaa ry",
    nameSv: "Fastighetsförbundet Nyland rf",
    nameEn: "Finnish Real Estate Federation, Uusimaa",
    kind: "other",
  },
  entrepreneurs: {
    nameFi: "Helsingin Yrittäjät ry",
    nameSv: "Helsingfors Företagare rf",
    nameEn: "Helsinki Entrepreneurs",
    kind: "other",
  },
  victimSupport: {
    nameFi: "Rikosuhripäivystys",
    nameSv: "Brottsofferjouren",
    nameEn: "Victim Support Finland",
    shortName: "RIKU",
    kind: "ngo",
  },
  mll: {
    nameFi: "Mannerheimin Lastensuojeluliitto, Uudenmaan piiri",
    nameSv: "Mannerheims Barnskyddsförbund, Nylands distrikt",
    nameEn: "Mannerheim League for Child Welfare, Uusimaa District",
    shortName: "MLL",
    kind: "ngo",
  },
  asemanLapset: {
    nameFi: "Aseman Lapset ry",
    nameSv: "Aseman Lapset rf",
    nameEn: "Aseman Lapset (youth street work)",
    kind: "ngo",
  },
  stara: {
    nameFi: "Stara, Helsingin kaupungin rakentamispalvelu",
    nameSv: "Stara, Helsingfors stads byggtjänst",
    nameEn: "Stara, City of Helsinki Construction Services",
    shortName: "Stara",
    kind: "city_service",
  },
  serviceCentre: {
    nameFi: "Palvelukeskus Helsinki, kiinteistöturvallisuus",
    nameSv: "Servicecentralen Helsingfors, fastighetssäkerhet",
    nameEn: "Service Centre Helsinki, Property Security",
    shortName: "Palvelukeskus",
    kind: "city_service",
  },
  securityCompany: {
    // An outside organisation: the shopping centres' security company in the situation room's demo.
    nameFi: "Turvapalvelu Vahti Oy",
    nameSv: "Säkerhetstjänst Vahti Ab",
    nameEn: "Vahti Security Services Ltd",
    shortName: "Vahti",
    kind: "company",
  },
  housing: {
    nameFi: "Helsingin kaupungin asunnot Oy",
    nameSv: "Helsingfors stads bostäder Ab",
    nameEn: "City of Helsinki Housing Company",
    shortName: "Heka",
    kind: "company",
  },
} satisfies Record<string, OrganisationSeed>;

export type OrgKey = keyof typeof ORGANISATIONS;

// ---------------------------------------------------------------------------------------------
// Groups

type GroupSeed = {
  kind: GroupKind;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  descriptionFi: string;
  /** District (peruspiiri) codes the group covers. */
  districts?: string[];
};

const GROUPS = {
  coordinators: {
    kind: "coordinators",
    nameFi: "Turvallisuus- ja valmiusyksikkö, sihteeristö",
    nameSv: "Säkerhets- och beredskapsenheten, sekretariat",
    nameEn: "Safety and Preparedness Unit, secretariat",
    descriptionFi:
      "Kaupunginkanslian turvallisuus- ja valmiusyksikkö koordinoi paikallista turvallisuussuunnittelua ja toimii johtoryhmän sihteeristönä.",
  },
  steering: {
    kind: "steering",
    nameFi: "Turvallisuussuunnittelun johtoryhmä",
    nameSv: "Ledningsgruppen för säkerhetsplanering",
    nameEn: "Safety planning steering group",
    descriptionFi: "Ohjaa paikallista turvallisuussuunnittelua, käsittelee tilannekatsaukset ja päättää vuosittain painopistealueista.",
  },
  expert: {
    kind: "expert",
    nameFi: "Turvallisuussuunnittelun asiantuntijaryhmä",
    nameSv: "Expertgruppen för säkerhetsplanering",
    nameEn: "Safety planning expert group",
    descriptionFi:
      "Seuraa turvallisuussuunnitelman toimenpiteiden toteutumista ja ilmiöitä, tunnistaa kehittämiskohteita ja valmistelee tilannekatsauksen johtoryhmälle.",
  },
  kallioNetwork: {
    kind: "network",
    nameFi: "Kallion turvallisuus- ja hyvinvointiverkosto",
    nameSv: "Berghälls trygghets- och välfärdsnätverk",
    nameEn: "Kallio safety and wellbeing network",
    descriptionFi: "Kallion ja Alppiharjun toimijoiden ja asukkaiden yhteinen verkosto.",
    districts: ["301", "302"],
  },
  malmiNetwork: {
    kind: "network",
    nameFi: "Malmin alueverkosto",
    nameSv: "Malms områdesnätverk",
    nameEn: "Malmi area network",
    descriptionFi: "Malmin ja Pukinmäen alueen turvallisuus- ja hyvinvointiverkosto.",
    districts: ["503", "502"],
  },
  vuosaariNetwork: {
    kind: "network",
    nameFi: "Vuosaaren turvallisuusverkosto",
    nameSv: "Nordsjö trygghetsnätverk",
    nameEn: "Vuosaari safety network",
    descriptionFi: "Vuosaaren viranomaisten, järjestöjen ja asukkaiden turvallisuusverkosto.",
    districts: ["704"],
  },
  someturva: {
    kind: "cooperation",
    nameFi: "Someturva-pilotin yhteistyöryhmä",
    nameSv: "Samarbetsgruppen för Someturva-pilotprojektet",
    nameEn: "Someturva pilot cooperation group",
    descriptionFi:
      "Arvioi vuoden mittaisen Someturva-kokeilun toimivuutta ja vaikuttavuutta palveluntuottajan käyttötilastojen pohjalta. Kustannukset: kaupunki 60 %, hyvinvointialue 40 %.",
  },
} satisfies Record<string, GroupSeed>;

type GroupKey = keyof typeof GROUPS;

// ---------------------------------------------------------------------------------------------
// People

type MembershipSeed = {
  group: GroupKey;
  position?: Position;
  /** Required for expert-group memberships (docs/domain.md: members represent an organisation). */
  org?: OrgKey;
  joined: string;
  left?: string;
};

type PersonSeed = {
  email: string;
  name: string;
  title?: string;
  locale?: Locale;
  /** Home areas as [level, code]; makes the person a resident. */
  residesIn?: [AreaLevel, string][];
  memberships?: MembershipSeed[];
};

// Groups were appointed early in 2025; the exact days only make the history look lived-in.
const APPOINTED = "2025-02-03";
const NETWORKS_STARTED = "2025-03-17";
const PILOT_STARTED = "2025-08-11";

const PEOPLE: PersonSeed[] = [
  // Secretariat
  {
    email: "koordinaattori@demo.lahiturva.fi",
    name: "Johanna Laaksonen",
    title: "Turvallisuuskoordinaattori",
    memberships: [{ group: "coordinators", org: "kanslia", joined: "2025-01-13" }],
  },
  {
    // One person, four roles: secretariat, steering-group secretary, expert group, Someturva group.
    email: "mikael.lindholm@demo.lahiturva.fi",
    name: "Mikael Lindholm",
    title: "Erityissuunnittelija",
    locale: "sv",
    memberships: [
      { group: "coordinators", org: "kanslia", joined: "2025-01-13" },
      { group: "steering", position: "secretary", org: "kanslia", joined: APPOINTED },
      { group: "expert", position: "secretary", org: "kanslia", joined: APPOINTED },
      { group: "someturva", position: "secretary", org: "kanslia", joined: PILOT_STARTED },
    ],
  },

  // Steering group
  {
    email: "pormestari@demo.lahiturva.fi",
    name: "Eero Salmela",
    title: "Pormestari",
    memberships: [{ group: "steering", position: "chair", org: "kanslia", joined: APPOINTED }],
  },
  {
    email: "leena.hyvarinen@demo.lahiturva.fi",
    name: "Leena Hyvärinen",
    title: "Kansliapäällikkö",
    memberships: [{ group: "steering", position: "vice_chair", org: "kanslia", joined: APPOINTED }],
  },
  {
    email: "markus.ahola@demo.lahiturva.fi",
    name: "Markus Ahola",
    title: "Pelastuskomentaja",
    memberships: [{ group: "steering", org: "rescue", joined: APPOINTED }],
  },
  {
    email: "tapio.rasanen@demo.lahiturva.fi",
    name: "Tapio Räsänen",
    title: "Poliisipäällikkö",
    memberships: [{ group: "steering", org: "police", joined: APPOINTED }],
  },

  // Expert group
  {
    email: "katariina.makela@demo.lahiturva.fi",
    name: "Katariina Mäkelä",
    title: "Turvallisuus- ja valmiuspäällikkö",
    memberships: [{ group: "expert", position: "chair", org: "kanslia", joined: APPOINTED }],
  },
  {
    email: "asiantuntija@demo.lahiturva.fi",
    name: "Jari Heikkinen",
    title: "Rikoskomisario, ennalta estävä toiminta",
    memberships: [{ group: "expert", org: "police", joined: APPOINTED }],
  },
  {
    // The community police officer of Kallio: expert group and district network at once.
    email: "niko.saarinen@demo.lahiturva.fi",
    name: "Niko Saarinen",
    title: "Ylikonstaapeli, lähipoliisi",
    memberships: [
      { group: "expert", org: "police", joined: APPOINTED },
      { group: "kallioNetwork", org: "police", joined: NETWORKS_STARTED },
    ],
  },
  {
    email: "riikka.lehtonen@demo.lahiturva.fi",
    name: "Riikka Lehtonen",
    title: "Onnettomuuksien ehkäisyn päällikkö",
    memberships: [{ group: "expert", position: "vice_chair", org: "rescue", joined: APPOINTED }],
  },
  {
    email: "anna-maija.korhonen@demo.lahiturva.fi",
    name: "Anna-Maija Korhonen",
    title: "Hyvinvoinnin ja terveyden edistämisen erityissuunnittelija",
    memberships: [
      { group: "expert", org: "wellbeing", joined: APPOINTED },
      { group: "someturva", org: "wellbeing", joined: PILOT_STARTED },
    ],
  },
  {
    email: "pekka.hamalainen@demo.lahiturva.fi",
    name: "Pekka Hämäläinen",
    title: "Turvallisuuspäällikkö",
    memberships: [
      { group: "expert", org: "education", joined: APPOINTED },
      { group: "someturva", position: "chair", org: "education", joined: PILOT_STARTED },
    ],
  },
  {
    email: "satu.rantanen@demo.lahiturva.fi",
    name: "Satu Rantanen",
    title: "Turvallisuusasiantuntija",
    memberships: [{ group: "expert", org: "cultureLeisure", joined: APPOINTED }],
  },
  {
    email: "henrik.sjoberg@demo.lahiturva.fi",
    name: "Henrik Sjöberg",
    title: "Kaupunkitilan turvallisuusasiantuntija",
    memberships: [{ group: "expert", org: "urbanEnvironment", joined: APPOINTED }],
  },
  {
    // Keeps the camera-surveillance agreement's confidential attachments up to date (the Kemi
    // decision: the official in charge of the cameras is authorised to update them).
    email: "antti.mustonen@demo.lahiturva.fi",
    name: "Antti Mustonen",
    title: "Sähköistyspäällikkö, kaupunkikameravalvonta",
    memberships: [{ group: "expert", org: "urbanEnvironment", joined: "2025-06-02" }],
  },
  {
    email: "maria.wikstrom@demo.lahiturva.fi",
    name: "Maria Wikström",
    title: "Turvallisuuspäällikkö",
    memberships: [{ group: "expert", org: "hsl", joined: APPOINTED }],
  },
  {
    email: "olli.kettunen@demo.lahiturva.fi",
    name: "Olli Kettunen",
    title: "Diakoniajohtaja",
    memberships: [{ group: "expert", org: "parishes", joined: APPOINTED }],
  },
  {
    email: "laura.manninen@demo.lahiturva.fi",
    name: "Laura Manninen",
    title: "Valmiuspäällikkö",
    memberships: [{ group: "expert", org: "redCross", joined: APPOINTED }],
  },
  {
    email: "heikki.turunen@demo.lahiturva.fi",
    name: "Heikki Turunen",
    title: "Toiminnanjohtaja",
    memberships: [{ group: "expert", org: "helka", joined: APPOINTED }],
  },
  {
    email: "paula.kinnunen@demo.lahiturva.fi",
    name: "Paula Kinnunen",
    title: "Aluepäällikkö",
    memberships: [{ group: "expert", org: "victimSupport", joined: APPOINTED }],
  },
  {
    email: "tuomas.lindroos@demo.lahiturva.fi",
    name: "Tuomas Lindroos",
    title: "Kiinteistöturvallisuuspäällikkö",
    memberships: [{ group: "expert", org: "serviceCentre", joined: APPOINTED }],
  },
  {
    // Left the expert group in the autumn: shows that access ends with the task.
    email: "juha.peltonen@demo.lahiturva.fi",
    name: "Juha Peltonen",
    title: "Toimitusjohtaja",
    memberships: [{ group: "expert", org: "entrepreneurs", joined: APPOINTED, left: "2025-10-31" }],
  },

  // Kallio network (Kallio and Alppiharju)
  {
    email: "verkosto@demo.lahiturva.fi",
    name: "Tiina Salonen",
    title: "Nuoriso-ohjaaja, Kallion nuorisotalo",
    memberships: [{ group: "kallioNetwork", org: "youthServices", joined: NETWORKS_STARTED }],
  },
  {
    email: "ilkka.lahtinen@demo.lahiturva.fi",
    name: "Ilkka Lahtinen",
    title: "Puheenjohtaja, Kallio-Seura ry",
    memberships: [{ group: "kallioNetwork", position: "chair", org: "helka", joined: NETWORKS_STARTED }],
  },
  {
    email: "jussi.aalto@demo.lahiturva.fi",
    name: "Jussi Aalto",
    title: "Jalkautuva nuorisotyöntekijä",
    memberships: [{ group: "kallioNetwork", org: "asemanLapset", joined: NETWORKS_STARTED }],
  },

  // Malmi network (Malmi and Pukinmäki)
  {
    email: "kari.vainio@demo.lahiturva.fi",
    name: "Kari Vainio",
    title: "Puheenjohtaja, Malmi-Seura ry",
    memberships: [{ group: "malmiNetwork", position: "chair", org: "helka", joined: NETWORKS_STARTED }],
  },
  {
    email: "sari.nieminen@demo.lahiturva.fi",
    name: "Sari Nieminen",
    title: "Ylikonstaapeli, lähipoliisi",
    memberships: [{ group: "malmiNetwork", org: "police", joined: NETWORKS_STARTED }],
  },
  {
    email: "mervi.hiltunen@demo.lahiturva.fi",
    name: "Mervi Hiltunen",
    title: "Nuoriso-ohjaaja, Malmin nuorisotalo",
    memberships: [{ group: "malmiNetwork", org: "youthServices", joined: NETWORKS_STARTED }],
  },
  {
    email: "paivi.raty@demo.lahiturva.fi",
    name: "Päivi Räty",
    title: "Sosiaaliohjaaja, Malmin perhekeskus",
    memberships: [{ group: "malmiNetwork", org: "wellbeing", joined: NETWORKS_STARTED }],
  },

  // Vuosaari network
  {
    email: "raimo.toivonen@demo.lahiturva.fi",
    name: "Raimo Toivonen",
    title: "Puheenjohtaja, Vuosaari-Seura ry",
    memberships: [{ group: "vuosaariNetwork", position: "chair", org: "helka", joined: NETWORKS_STARTED }],
  },
  {
    email: "ville.hakala@demo.lahiturva.fi",
    name: "Ville Hakala",
    title: "Vanhempi konstaapeli, lähipoliisi",
    memberships: [{ group: "vuosaariNetwork", org: "police", joined: NETWORKS_STARTED }],
  },
  {
    email: "elina.koskela@demo.lahiturva.fi",
    name: "Elina Koskela",
    title: "Nuorisotyöntekijä, Vuosaaren nuorisotalo",
    memberships: [{ group: "vuosaariNetwork", org: "youthServices", joined: NETWORKS_STARTED }],
  },
  {
    email: "kirsi.vaisanen@demo.lahiturva.fi",
    name: "Kirsi Väisänen",
    title: "Diakoniatyöntekijä, Vuosaaren seurakunta",
    memberships: [{ group: "vuosaariNetwork", org: "parishes", joined: NETWORKS_STARTED }],
  },
  {
    email: "linnea.astrom@demo.lahiturva.fi",
    name: "Linnea Åström",
    title: "Asukastoiminnan koordinaattori",
    memberships: [{ group: "vuosaariNetwork", org: "housing", joined: NETWORKS_STARTED }],
  },

  // Someturva pilot: the rest of its members are listed above
  {
    email: "outi.harju@demo.lahiturva.fi",
    name: "Outi Harju",
    title: "Johtava rehtori",
    memberships: [{ group: "someturva", org: "education", joined: PILOT_STARTED }],
  },
  {
    email: "teemu.laine@demo.lahiturva.fi",
    name: "Teemu Laine",
    title: "Digitaalisen nuorisotyön suunnittelija",
    memberships: [{ group: "someturva", org: "youthServices", joined: PILOT_STARTED }],
  },

  // The situation room's outside member: a security company's shift supervisor, in the demo
  // situations' cooperation groups only (db/seed/situations.ts).
  {
    email: "vartija@demo.lahiturva.fi",
    name: "Sami Korpela",
    title: "Vuoroesimies, Turvapalvelu Vahti Oy",
  },

  // Residents
  {
    email: "asukas@demo.lahiturva.fi",
    name: "Eveliina Mattila",
    residesIn: [["sub_area", "30102"]], // Linjat, Kallio
  },
  {
    // Resident who also represents residents in the Kallio network.
    email: "aino.heinonen@demo.lahiturva.fi",
    name: "Aino Heinonen",
    title: "Asukasedustaja",
    residesIn: [["sub_area", "30103"]], // Torkkelinmäki, Kallio
    memberships: [{ group: "kallioNetwork", joined: "2025-05-12" }],
  },
  {
    email: "sofia.koivisto@demo.lahiturva.fi",
    name: "Sofia Koivisto",
    locale: "en",
    residesIn: [["sub_area", "30201"]], // Harju, Alppiharju
  },
  {
    email: "marja-liisa.pulkkinen@demo.lahiturva.fi",
    name: "Marja-Liisa Pulkkinen",
    residesIn: [["sub_area", "50302"]], // Ylä-Malmi
  },
  {
    email: "kalle.nurmi@demo.lahiturva.fi",
    name: "Kalle Nurmi",
    residesIn: [["sub_area", "70404"]], // Meri-Rastila, Vuosaari
  },
  {
    email: "bjorn.holmstrom@demo.lahiturva.fi",
    name: "Björn Holmström",
    locale: "sv",
    residesIn: [["sub_area", "70406"]], // Aurinkolahti, Vuosaari
  },
];

// ---------------------------------------------------------------------------------------------
// Demo logins: one per role, with fixed emails that tests rely on.

const LOGIN_ROLES: [role: string, email: string][] = [
  ["Coordinator", "koordinaattori@demo.lahiturva.fi"],
  ["Steering group (mayor)", "pormestari@demo.lahiturva.fi"],
  ["Expert group", "asiantuntija@demo.lahiturva.fi"],
  ["District network", "verkosto@demo.lahiturva.fi"],
  ["Resident", "asukas@demo.lahiturva.fi"],
  ["Situation room (police)", "niko.saarinen@demo.lahiturva.fi"],
  ["Situation room (security company)", "vartija@demo.lahiturva.fi"],
];

export const DEMO_LOGINS: DemoLogin[] = LOGIN_ROLES.map(([role, email]) => {
  const person = PEOPLE.find((p) => p.email === email);
  if (!person) throw new Error(`Demo login ${email} is not among the demo people`);
  return { role, email, name: person.name };
});

const at = (isoDate: string) => new Date(`${isoDate}T09:00:00+02:00`);

/**
 * Inserts the whole demo city in one transaction: either all of it or nothing.
 * The caller decides whether the database is empty enough to seed. The city plan's schedules and
 * follow-ups are dated relative to `now`, so the demo looks current whenever it is seeded.
 */
export async function seedDemoCity(db: Db, now: Date = clock.now()): Promise<DemoLogin[]> {
  // Hash once: argon2id is deliberately slow, and every demo user shares the password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  db.transaction((tx) => {
    const areaIds = seedAreas(tx);
    seedAreaBoundaries(tx, areaIds);

    const orgIds = new Map<OrgKey, number>();
    for (const [key, org] of Object.entries(ORGANISATIONS) as [OrgKey, OrganisationSeed][]) {
      const row = tx
        .insert(organisations)
        .values({
          nameFi: org.nameFi,
          nameSv: org.nameSv ?? null,
          nameEn: org.nameEn ?? null,
          shortName: org.shortName ?? null,
          kind: org.kind,
        })
        .returning({ id: organisations.id })
        .get();
      orgIds.set(key, row.id);
    }

    const groupIds = new Map<GroupKey, number>();
    for (const [key, group] of Object.entries(GROUPS) as [GroupKey, GroupSeed][]) {
      const row = tx
        .insert(groups)
        .values({
          kind: group.kind,
          nameFi: group.nameFi,
          nameSv: group.nameSv,
          nameEn: group.nameEn,
          descriptionFi: group.descriptionFi,
        })
        .returning({ id: groups.id })
        .get();
      groupIds.set(key, row.id);
      for (const code of group.districts ?? []) {
        tx.insert(groupAreas)
          .values({ groupId: row.id, areaId: requireAreaId(areaIds, "district", code) })
          .run();
      }
    }

    const userIds = new Map<string, string>();
    const expertOrgs = new Map<string, Set<OrgKey>>();
    for (const person of PEOPLE) {
      const userId = randomUUID();
      userIds.set(person.email, userId);
      tx.insert(users)
        .values({
          id: userId,
          email: person.email.toLowerCase(),
          name: person.name,
          passwordHash,
          locale: person.locale ?? "fi",
          title: person.title ?? null,
        })
        .run();

      for (const [level, code] of person.residesIn ?? []) {
        tx.insert(residencies)
          .values({ userId, areaId: requireAreaId(areaIds, level, code) })
          .run();
      }

      for (const m of person.memberships ?? []) {
        if (GROUPS[m.group].kind === "expert" && !m.org) {
          throw new Error(`Expert-group member ${person.email} needs an organisation`);
        }
        tx.insert(memberships)
          .values({
            userId,
            groupId: groupIds.get(m.group)!,
            organisationId: m.org ? orgIds.get(m.org)! : null,
            position: m.position ?? "member",
            joinedAt: at(m.joined),
            leftAt: m.left ? at(m.left) : null,
          })
          .run();
        if (GROUPS[m.group].kind === "expert" && m.org && !m.left) {
          expertOrgs.set(person.email, (expertOrgs.get(person.email) ?? new Set<OrgKey>()).add(m.org));
        }
      }
    }

    seedCityPlan(tx, { orgIds, userIds, areaIds, expertOrgs }, now);
    seedIndicators(tx, { areaIds }, now);
    seedNeighbourhood(tx, { userIds, areaIds, groupIds, orgIds }, now);
    seedWorkspaces(tx, { groupIds, userIds, orgIds }, now);
    seedSituations(tx, { userIds, orgIds, areaIds }, now);
    seedObservations(tx, { userIds, areaIds, orgIds }, now);
  });

  return DEMO_LOGINS;
}
