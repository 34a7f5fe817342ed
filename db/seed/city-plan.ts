// Levels 1 and 2 of the demo city: the council's strategy, the city safety plan 2025–2028 with its
// six priority areas and 36 measures (owners, partners, schedules, cost shares, tasks and a
// follow-up history), and the closed 2011–2014 plan as history.
//
// Schedules and follow-ups are dated relative to `now` (day offsets below: negative = in the
// past), so that whenever the demo is seeded some measures are late, some have not been followed
// up within the plan's 90-day interval ("stale") and some have deadlines coming up. Plan periods
// and decisions are fixed dates. All people and decisions are fictional.
import {
  followUps,
  measureAreas,
  measureCostShares,
  measureGoals,
  measurePartners,
  measures,
  measureTasks,
  priorityAreas,
  priorityAreaYears,
  safetyPlans,
  strategies,
  strategyGoals,
  type MeasureStatus,
  type TaskState,
} from "../schema";
import { requireAreaId, type AreaIds, type DbOrTx } from "./areas";
import type { OrgKey } from "./demo-city";

export type CityPlanRefs = {
  orgIds: ReadonlyMap<OrgKey, number>;
  /** User ids by email. */
  userIds: ReadonlyMap<string, string>;
  areaIds: AreaIds;
  /** The organisations each person currently represents in the expert group, by email. */
  expertOrgs: ReadonlyMap<string, ReadonlySet<OrgKey>>;
};

// ---------------------------------------------------------------------------------------------
// Who is who (emails of people seeded in demo-city.ts)

const STAFF = {
  coordinator: "koordinaattori@demo.lahiturva.fi",
  mayor: "pormestari@demo.lahiturva.fi",
  katariina: "katariina.makela@demo.lahiturva.fi", // kanslia, expert-group chair
  mikael: "mikael.lindholm@demo.lahiturva.fi", // kanslia, expert-group secretary
  jari: "asiantuntija@demo.lahiturva.fi", // police, the expert demo login
  niko: "niko.saarinen@demo.lahiturva.fi", // police, community police officer in Kallio
  riikka: "riikka.lehtonen@demo.lahiturva.fi", // rescue
  annaMaija: "anna-maija.korhonen@demo.lahiturva.fi", // wellbeing region
  pekka: "pekka.hamalainen@demo.lahiturva.fi", // education
  satu: "satu.rantanen@demo.lahiturva.fi", // culture and leisure
  henrik: "henrik.sjoberg@demo.lahiturva.fi", // urban environment
  maria: "maria.wikstrom@demo.lahiturva.fi", // HSL
  olli: "olli.kettunen@demo.lahiturva.fi", // parishes
  laura: "laura.manninen@demo.lahiturva.fi", // Red Cross
  heikki: "heikki.turunen@demo.lahiturva.fi", // Helka
  paula: "paula.kinnunen@demo.lahiturva.fi", // victim support
  tuomas: "tuomas.lindroos@demo.lahiturva.fi", // service centre, property security
} as const;

type Person = keyof typeof STAFF;

// ---------------------------------------------------------------------------------------------
// Level 1: the council's strategy

const STRATEGY = {
  nameFi: "Yhdessä kasvava kaupunki – Helsingin kaupunkistrategia 2025–2029",
  nameSv: "En stad som växer tillsammans – Helsingfors stadsstrategi 2025–2029",
  nameEn: "A City Growing Together – Helsinki City Strategy 2025–2029",
  termStartYear: 2025,
  termEndYear: 2029,
  descriptionFi:
    "Kaupunginvaltuuston valtuustokauden strategiaohjelma. Strategian arvoja ovat asukaslähtöisyys, avoimuus, yhdenvertaisuus, kestävyys, vastuullisuus ja turvallisuus. Turvallisuus on kaupungin kaikkien toimialojen yhteinen tehtävä.",
  descriptionSv:
    "Fullmäktiges strategiprogram för fullmäktigeperioden. Strategins värden är invånarorientering, öppenhet, jämlikhet, hållbarhet, ansvar och trygghet. Tryggheten är en gemensam uppgift för alla stadens sektorer.",
  descriptionEn:
    "The city council's strategy programme for its term. Its values are a resident focus, openness, equality, sustainability, responsibility and safety. Safety is a shared task of every city division.",
};

const STRATEGY_GOALS: { code: string; fi: string; sv: string; en: string; descriptionFi: string }[] = [
  {
    code: "1",
    fi: "Turvallinen kaupunki, jossa asukkaat voivat hyvin",
    sv: "En trygg stad där invånarna mår bra",
    en: "A safe city where residents thrive",
    descriptionFi:
      "Rikollisuus ja häiriöt vähenevät, ja asukkaiden turvallisuuden tunne vahvistuu kaikissa kaupunginosissa. Ennaltaehkäisy ja varhainen tuki ovat ensisijaisia keinoja.",
  },
  {
    code: "2",
    fi: "Lasten ja nuorten yhdenvertaiset mahdollisuudet",
    sv: "Jämlika möjligheter för barn och unga",
    en: "Equal opportunities for children and young people",
    descriptionFi:
      "Jokaisella lapsella ja nuorella on turvallinen kasvuympäristö, mieluisa harrastus ja luotettava aikuinen. Syrjäytymistä ja nuorten rikoskierteitä ehkäistään yhdessä hyvinvointialueen ja järjestöjen kanssa.",
  },
  {
    code: "3",
    fi: "Toimivat ja viihtyisät kaupunginosat",
    sv: "Fungerande och trivsamma stadsdelar",
    en: "Functioning and pleasant neighbourhoods",
    descriptionFi:
      "Kaupunginosien erot eivät kasva. Julkiset tilat, puistot ja ostoskeskukset ovat siistejä, valaistuja ja turvallisia, ja alueellinen työ perustuu paikalliseen tietoon.",
  },
  {
    code: "4",
    fi: "Sujuva, kestävä ja turvallinen liikkuminen",
    sv: "Smidig, hållbar och trygg mobilitet",
    en: "Smooth, sustainable and safe mobility",
    descriptionFi:
      "Joukkoliikenne, kävely ja pyöräily ovat turvallisia kaikkina vuorokaudenaikoina. Asemat ja terminaalit suunnitellaan ja ylläpidetään turvallisuus edellä.",
  },
  {
    code: "5",
    fi: "Osallistuvat asukkaat ja avoin hallinto",
    sv: "Delaktiga invånare och öppen förvaltning",
    en: "Engaged residents and open government",
    descriptionFi:
      "Asukkaat osallistuvat oman alueensa kehittämiseen, ja kaupunki kertoo avoimesti päätöksistään ja niiden toteutumisesta.",
  },
  {
    code: "6",
    fi: "Digitaalisesti vahva ja varautunut kaupunki",
    sv: "En digitalt stark och förberedd stad",
    en: "A digitally strong and prepared city",
    descriptionFi:
      "Kaupungin palvelut ja asukkaat ovat suojassa verkon uhkilta, ja kaupunki varautuu häiriötilanteisiin yhdessä asukkaiden, yritysten ja viranomaisten kanssa.",
  },
];

// ---------------------------------------------------------------------------------------------
// Level 2: the city safety plan 2025–2028 and its priority areas

const CURRENT_PLAN = {
  nameFi: "Helsingin turvallisuussuunnitelma 2025–2028",
  nameSv: "Helsingfors trygghetsplan 2025–2028",
  nameEn: "Helsinki Safety Plan 2025–2028",
  descriptionFi:
    "Kaupungin turvallisuussuunnitelma kokoaa kaupunkitasoiset toimenpiteet turvallisuuden ja turvallisuuden tunteen parantamiseksi. Suunnitelma on valmisteltu kaupungin toimialojen, poliisin, pelastuslaitoksen, hyvinvointialueen, HSL:n, seurakuntien ja järjestöjen yhteistyönä turvallisuussuunnittelun johtoryhmän ohjauksessa. Painopistealueet tarkistetaan vuosittain, ja toimenpiteiden etenemistä seurataan asiantuntijaryhmässä neljännesvuosittain.",
  descriptionSv:
    "Stadens trygghetsplan samlar åtgärderna på stadsnivå för att förbättra säkerheten och trygghetskänslan. Planen har beretts i samarbete mellan stadens sektorer, polisen, räddningsverket, välfärdsområdet, HRT, församlingarna och organisationerna under ledning av ledningsgruppen för säkerhetsplanering. Prioriteringarna ses över årligen och åtgärderna följs upp kvartalsvis i expertgruppen.",
  descriptionEn:
    "The city safety plan gathers the city-level measures that improve safety and the sense of safety. It was prepared by the city divisions, police, rescue department, wellbeing region, HSL, parishes and NGOs under the safety planning steering group. The priority areas are reviewed every year and the expert group follows the measures up quarterly.",
  periodStart: "2025-01-01",
  periodEnd: "2028-12-31",
  status: "in_force" as const,
  decisionDate: "2025-03-17",
  decisionBody: "Kaupunginhallitus",
  decisionReference: "HEL 2024-012345, § 201",
  updateIntervalDays: 90,
  published: true,
};

const PLAN_DECISION_2025 = "Kaupunginhallitus 17.3.2025 § 201: turvallisuussuunnitelman hyväksyminen.";
const REVIEW_DECISION_2026 =
  "Turvallisuussuunnittelun johtoryhmä 2.12.2025: vuoden 2026 painopistealueet tilannekatsauksen ja asukkaiden sähköisen kuulemisen perusteella.";

type PriorityAreaSeed = {
  code: string;
  fi: string;
  sv: string;
  en: string;
  descriptionFi: string;
  descriptionSv: string;
  descriptionEn: string;
  years: [year: number, decisionNote: string][];
};

const PRIORITY_AREAS: PriorityAreaSeed[] = [
  {
    code: "1",
    fi: "Nuorten hyvinvointi ja syrjäytymisen ehkäisy",
    sv: "Ungas välbefinnande och förebyggande av utanförskap",
    en: "Youth wellbeing and preventing social exclusion",
    descriptionFi:
      "Tuetaan nuoria varhain ennen kuin ongelmat kasautuvat: harrastukset, jalkautuva nuorisotyö, päihdetyö ja moniammatillinen Ankkuri-toiminta katkaisevat rikoskierteitä.",
    descriptionSv:
      "Unga stöds tidigt innan problemen hopar sig: fritidsaktiviteter, uppsökande ungdomsarbete, missbruksarbete och det sektorsövergripande Ankkuri-arbetet bryter brottsspiraler.",
    descriptionEn:
      "Support young people early, before problems pile up: hobbies, outreach youth work, substance-abuse work and the multi-agency Ankkuri teams break cycles of crime.",
    years: [
      [2025, PLAN_DECISION_2025],
      [2026, REVIEW_DECISION_2026],
    ],
  },
  {
    code: "2",
    fi: "Julkisen kaupunkitilan turvallisuus",
    sv: "Trygghet i det offentliga stadsrummet",
    en: "Safety of public urban space",
    descriptionFi:
      "Kadut, puistot, torit ja ostoskeskukset ovat valaistuja, siistejä ja valvottuja. Yöelämän ja keskustan häiriöihin puututaan poliisin, kaupungin ja yritysten yhteistyöllä.",
    descriptionSv:
      "Gator, parker, torg och köpcentra är belysta, snygga och övervakade. Störningar i nattlivet och i centrum åtgärdas i samarbete mellan polisen, staden och företagen.",
    descriptionEn:
      "Streets, parks, squares and shopping centres are lit, clean and supervised. Disturbances in the night-time economy and the centre are tackled jointly by the police, the city and businesses.",
    years: [
      [2025, PLAN_DECISION_2025],
      [2026, REVIEW_DECISION_2026],
    ],
  },
  {
    code: "3",
    fi: "Joukkoliikenteen turvallisuus",
    sv: "Trygghet i kollektivtrafiken",
    en: "Public transport safety",
    descriptionFi:
      "Matkustajat ja henkilöstö ovat turvassa asemilla, terminaaleissa ja kulkuvälineissä kaikkina vuorokaudenaikoina. Painopisteenä metron itäiset asemat ja yöliikenne.",
    descriptionSv:
      "Passagerare och personal är trygga på stationer, terminaler och i fordon under dygnets alla timmar. Fokus på metrons östra stationer och nattrafiken.",
    descriptionEn:
      "Passengers and staff are safe at stations, terminals and on board at all hours, with a focus on the eastern metro stations and night services.",
    years: [
      [2025, PLAN_DECISION_2025],
      [2026, REVIEW_DECISION_2026],
    ],
  },
  {
    code: "4",
    fi: "Lähisuhde- ja perheväkivallan ehkäisy",
    sv: "Förebyggande av våld i nära relationer och familjevåld",
    en: "Preventing intimate partner and family violence",
    descriptionFi:
      "Väkivalta tunnistetaan ja otetaan puheeksi kaikissa palveluissa, riskiarviointi on yhtenäinen ja uhrit ohjataan viiveettä tuen piiriin.",
    descriptionSv:
      "Våld identifieras och tas upp i alla tjänster, riskbedömningen är enhetlig och offren hänvisas utan dröjsmål till stöd.",
    descriptionEn:
      "Violence is recognised and raised in every service, risk assessment is uniform and victims are referred to support without delay.",
    years: [
      [2025, PLAN_DECISION_2025],
      [2026, REVIEW_DECISION_2026],
    ],
  },
  {
    code: "5",
    fi: "Digitaalinen turvallisuus",
    sv: "Digital säkerhet",
    en: "Digital safety",
    descriptionFi:
      "Lapset, nuoret, ikääntyneet ja kaupungin henkilöstö osaavat toimia turvallisesti verkossa ja saavat nopeasti apua kiusaamiseen, häirintään ja huijauksiin.",
    descriptionSv:
      "Barn, unga, äldre och stadens personal kan agera tryggt på nätet och får snabbt hjälp vid mobbning, trakasserier och bedrägerier.",
    descriptionEn:
      "Children, young people, older people and city staff act safely online and get quick help with bullying, harassment and scams.",
    years: [
      [2025, PLAN_DECISION_2025],
      [2026, REVIEW_DECISION_2026],
    ],
  },
  {
    code: "6",
    fi: "Asukkaiden osallisuus ja turvallisuuden tunne",
    sv: "Invånarnas delaktighet och trygghetskänsla",
    en: "Residents' participation and sense of safety",
    descriptionFi:
      "Lisätty vuonna 2026 asukkaiden sähköisen kuulemisen perusteella. Asukkaiden havainnot ja omat turvallisuussuunnitelmat ohjaavat alueellista työtä, ja turvallisuuden tunnetta mitataan säännöllisesti.",
    descriptionSv:
      "Tillagd år 2026 på basis av invånarnas elektroniska hörande. Invånarnas observationer och egna trygghetsplaner styr det regionala arbetet, och trygghetskänslan mäts regelbundet.",
    descriptionEn:
      "Added in 2026 following the residents' e-consultation. Residents' observations and their own neighbourhood plans steer local work, and the sense of safety is measured regularly.",
    years: [[2026, REVIEW_DECISION_2026]],
  },
];

// ---------------------------------------------------------------------------------------------
// Measures of the current plan. Day offsets are relative to the seeding day (negative = past).

type FollowUpSeed = {
  ago: number;
  status: MeasureStatus;
  progress: number;
  done: string;
  next?: string;
  obstacles?: string;
  /** One-sentence public summary; omitted = internal entry. */
  public?: string;
  /** Defaults to the measure's responsible person (or its reporter). */
  by?: Person;
};

const fu = (
  ago: number,
  status: MeasureStatus,
  progress: number,
  texts: Omit<FollowUpSeed, "ago" | "status" | "progress">,
): FollowUpSeed => ({ ago, status, progress, ...texts });

type TaskSeed = [title: string, due: number, state: TaskState];

type MeasureSeed = {
  code: string;
  title: string;
  description: string;
  owner: OrgKey;
  /** An expert-group member of the owner organisation; omitted when the owner has none. */
  responsible?: Person;
  /** Who enters follow-ups when there is no responsible person (the secretariat). */
  reporter?: Person;
  partners?: OrgKey[];
  start: number;
  /** Omitted = continuous. */
  end?: number;
  /** District (peruspiiri) codes; omitted = city-wide. */
  districts?: string[];
  budget?: number;
  shares?: [OrgKey, number][];
  goals: string[];
  tasks?: TaskSeed[];
  proposedBy: Person;
  /** Omitted = still a proposal. */
  approved?: { by: Person; ago: number };
  /** Oldest first; the last entry sets the measure's status and progress. */
  history?: FollowUpSeed[];
};

// District codes used below (see areas.ts).
const VIRONNIEMI = "101";
const KAMPINMALMI = "103";
const KALLIO = "301";
const ALPPIHARJU = "302";
const MALMI = "503";
const HERTTONIEMI = "602";
const MYLLYPURO = "702";
const MELLUNKYLA = "703"; // Kontula is a sub-area of Mellunkylä
const VUOSAARI = "704";

/**
 * Helsinki publishes in Finnish and Swedish: the measures of priority area 1 and a few of their tasks
 * have Swedish titles, so the Swedish pages show Swedish where it exists and Finnish (marked) elsewhere.
 */
const SWEDISH_TITLES: Record<string, string> = {
  "1.1": "Uppsökande ungdomsarbete i köpcentrum och på metrostationer kvällstid",
  "1.2": "En gemensam modell för att förebygga våld i skolan",
  "1.3": "Ankarverksamheten stärks i östra Helsingfors",
  "1.4": "Hobbymodellen: en avgiftsfri hobby i anslutning till skoldagen",
  "1.5": "Lågtröskeltjänster för unga med missbruksproblem i Berghäll",
  "1.6": "Att bryta ungas brottsspiral: ett frivilligt mentorprogram",
};
const SWEDISH_TASK_TITLES: Record<string, string> = {
  "Lisävuorojen järjestäminen loma-ajoille": "Extra skift under loven",
  "Havaintoraportti alueverkostoille": "Observationsrapport till områdesnätverken",
  "Toimintamallin pilotointi kymmenessä koulussa": "Pilot av modellen i tio skolor",
  "Rehtorien perehdytys": "Introduktion för rektorerna",
};

const MEASURES: MeasureSeed[] = [
  // ---- 1 Nuorten hyvinvointi ja syrjäytymisen ehkäisy ----------------------------------------
  {
    code: "1.1",
    title: "Jalkautuva nuorisotyö ostoskeskuksissa ja metroasemilla iltaisin",
    description:
      "Nuorisopalvelujen ja Aseman Lapset ry:n työparit liikkuvat perjantai- ja lauantai-iltaisin Kontulan, Malmin ja Vuosaaren ostoskeskuksissa ja metroasemilla. Työparit kohtaavat nuoria siellä, missä nuoret viettävät aikaa, puuttuvat varhain päihteiden käyttöön ja häiriöihin ja ohjaavat nuoria palveluihin. Havainnoista raportoidaan kuukausittain alueverkostoille ja lähipoliisille.",
    owner: "youthServices",
    reporter: "mikael",
    partners: ["asemanLapset", "police"],
    start: -600,
    districts: [MELLUNKYLA, MALMI, VUOSAARI],
    budget: 180_000,
    goals: ["2", "1"],
    tasks: [
      ["Lisävuorojen järjestäminen loma-ajoille", -190, "done"],
      ["Havaintoraportti alueverkostoille", 35, "open"],
    ],
    proposedBy: "satu",
    approved: { by: "coordinator", ago: 605 },
    history: [
      fu(540, "in_progress", 20, {
        done: "Työparit aloittivat Kontulassa ja Vuosaaressa: 14 iltaa ja noin 420 nuoren kohtaamista.",
        next: "Malmin aseman seutu otetaan mukaan seuraavalla jaksolla.",
        obstacles: "Iltavuoroihin sitoutuvien työntekijöiden rekrytointi on hidasta.",
      }),
      fu(400, "in_progress", 35, {
        done: "46 jalkautumisiltaa kolmella alueella, 1 650 kohtaamista; 38 nuorta ohjattiin palveluihin.",
        next: "Talvella vuorot painotetaan ostoskeskusten sisätiloihin.",
        public: "Jalkautuva nuorisotyö kohtasi seurantajaksolla yli 1 600 nuorta Kontulassa, Malmilla ja Vuosaaressa.",
      }),
      fu(220, "in_progress", 45, {
        done: "Yhteiset illat lähipoliisin kanssa kerran kuukaudessa Kontulan ostoskeskuksessa vakiintuivat.",
        next: "Havaintoraportti alueverkostoille ja kauppiaille.",
      }),
      fu(45, "in_progress", 55, {
        done: "52 iltaa ja noin 1 900 kohtaamista; kauppiaiden mukaan Vuosaaren metroaseman häiriöt ovat vähentyneet.",
        next: "Ensi vuoden resursointi ja havaintoraportti alueverkostoille.",
        obstacles: "Rahoitus ensi vuodelle on vielä vahvistamatta.",
        public:
          "Jalkautuvat nuorisotyöntekijät kohtasivat viime jaksolla noin 1 900 nuorta itäisen ja koillisen Helsingin ostoskeskuksissa.",
      }),
    ],
  },
  {
    code: "1.2",
    title: "Kouluväkivallan ehkäisyn yhteinen toimintamalli",
    description:
      "Laaditaan peruskouluille ja toisen asteen oppilaitoksille yhteinen toimintamalli väkivalta- ja uhkatilanteiden ennaltaehkäisyyn, puuttumiseen ja jälkihoitoon. Malli sovittaa yhteen koulun, poliisin ja oppilashuollon roolit ja sisältää ilmoituskäytännöt sekä henkilöstön koulutuksen. Malli pilotoidaan kymmenessä koulussa ennen käyttöönottoa.",
    owner: "education",
    responsible: "pekka",
    partners: ["police", "wellbeing"],
    start: -560,
    end: 40,
    goals: ["2", "1"],
    tasks: [
      ["Toimintamallin pilotointi kymmenessä koulussa", -150, "done"],
      ["Koulutusmateriaalin viimeistely", 20, "open"],
      ["Rehtorien perehdytys", 38, "open"],
    ],
    proposedBy: "pekka",
    approved: { by: "coordinator", ago: 600 },
    history: [
      fu(520, "in_progress", 15, {
        done: "Työryhmä koottiin; mukana rehtoreita, oppilashuolto ja lähipoliisi.",
        next: "Nykyisten ilmoituskäytäntöjen kartoitus kouluissa.",
      }),
      fu(380, "in_progress", 40, {
        done: "Kartoitus valmistui 96 koulusta; käytännöt vaihtelevat paljon koulujen välillä.",
        next: "Mallin luonnos ja pilottikoulujen valinta.",
        public: "Kouluväkivallan ehkäisyn toimintamallin luonnos valmistuu ja pilotoidaan kymmenessä koulussa.",
      }),
      fu(160, "in_progress", 65, {
        done: "Pilotti päättyi kymmenessä koulussa; palaute henkilöstöltä oli pääosin myönteistä.",
        next: "Mallin korjaukset palautteen perusteella ja koulutusmateriaali.",
        obstacles: "Sijaisjärjestelyt rajoittavat henkilöstön pääsyä koulutuksiin.",
      }),
      fu(30, "in_progress", 80, {
        done: "Toimintamalli viimeisteltiin ja hyväksyttiin toimialan johtoryhmässä.",
        next: "Koulutusmateriaali ja rehtorien perehdytys ennen käyttöönottoa.",
        public: "Koulujen yhteinen toimintamalli väkivaltatilanteisiin on valmis ja otetaan käyttöön kaikissa kouluissa.",
      }),
    ],
  },
  {
    code: "1.3",
    title: "Ankkuritoiminnan vahvistaminen itäisessä Helsingissä",
    description:
      "Poliisin, sosiaalityön, nuorisotyön ja terveydenhuollon yhteinen Ankkuri-tiimi puuttuu nopeasti alaikäisten tekemiin rikoksiin ja väkivaltaiseen radikalisoitumiseen. Toimenpiteellä perustetaan toinen tiimi itäiseen Helsinkiin ja lyhennetään aikaa rikoksesta ensimmäiseen tapaamiseen kahteen viikkoon. Tiimi raportoi vuosittain johtoryhmälle.",
    owner: "police",
    responsible: "jari",
    partners: ["wellbeing", "youthServices"],
    start: -580,
    districts: [MELLUNKYLA, VUOSAARI, MYLLYPURO],
    goals: ["2", "1"],
    tasks: [
      ["Itäisen Ankkuri-tiimin rekrytointi", -420, "done"],
      ["Vuosiraportti johtoryhmälle", -12, "open"],
      ["Tilat Itäkeskuksen poliisiasemalta", 60, "open"],
    ],
    proposedBy: "jari",
    approved: { by: "coordinator", ago: 600 },
    history: [
      fu(500, "in_progress", 15, {
        done: "Itäisen tiimin rekrytointi käynnistyi; sosiaalityöntekijän virka täytettiin.",
        next: "Poliisin ja nuorisotyön tehtävät täytetään.",
      }),
      fu(380, "in_progress", 35, {
        done: "Tiimi aloitti täydellä kokoonpanolla; 64 nuorta tavattiin ensimmäisten kuukausien aikana.",
        next: "Seurantamittari: aika rikoksesta ensitapaamiseen.",
        public: "Itäiseen Helsinkiin perustettiin uusi Ankkuri-tiimi, joka tapaa rikoksiin syyllistyneet nuoret nopeasti.",
      }),
      fu(200, "in_progress", 50, {
        done: "Aika rikoksesta ensitapaamiseen lyheni keskimäärin 31 päivästä 17 päivään.",
        next: "Vakiinnutetaan yhteistyö koulujen oppilashuollon kanssa.",
        by: "niko",
      }),
      fu(55, "in_progress", 60, {
        done: "Tiimi tapasi seurantajaksolla 112 nuorta ja heidän huoltajiaan; uusintarikollisuuden seuranta aloitettiin.",
        next: "Vuosiraportti johtoryhmälle ja pysyvät tilat Itäkeskuksesta.",
        obstacles: "Vuosiraportin tilastot viivästyvät, koska rekisteritietojen poiminta odottaa tietosuojavastaavan lausuntoa.",
      }),
    ],
  },
  {
    code: "1.4",
    title: "Harrastamisen malli: maksuton harrastus koulupäivän yhteydessä",
    description:
      "Jokaiselle peruskoululaiselle tarjotaan mahdollisuus maksuttomaan ja mieluisaan harrastukseen koulupäivän yhteydessä. Painopisteenä ovat alueet, joilla harrastamattomien nuorten osuus on suurin. Harrastustoiveet kerätään oppilailta vuosittain, ja ohjaajina toimivat seurat ja järjestöt.",
    owner: "cultureLeisure",
    responsible: "satu",
    partners: ["education", "youthServices"],
    start: -590,
    end: 400,
    districts: [MALMI, MELLUNKYLA, VUOSAARI],
    budget: 450_000,
    shares: [
      ["cultureLeisure", 70],
      ["education", 30],
    ],
    goals: ["2", "3"],
    tasks: [
      ["Oppilaiden harrastustoivekysely", -250, "done"],
      ["Uusien harrastusryhmien hankinta", 75, "open"],
    ],
    proposedBy: "satu",
    approved: { by: "mayor", ago: 600 },
    history: [
      fu(530, "in_progress", 10, {
        done: "Harrastustoivekysely toteutettiin; 8 400 oppilasta vastasi.",
        next: "Ryhmien hankinta seuroilta ja järjestöiltä.",
      }),
      fu(400, "in_progress", 25, {
        done: "Käynnistettiin 210 harrastusryhmää 46 koulussa; suosituimmat lajit tanssi, e-urheilu ja kiipeily.",
        next: "Osallistumisen seuranta painopistealueilla.",
        public: "Yli 200 maksutonta harrastusryhmää aloitti kouluissa Malmilla, Mellunkylässä ja Vuosaaressa.",
      }),
      fu(250, "in_progress", 35, {
        done: "Uusi toivekysely toteutettiin; 3 100 oppilasta osallistui säännöllisesti ryhmiin.",
        next: "Ryhmätarjonnan laajentaminen yläkouluihin.",
        obstacles: "Osaavia ohjaajia on vaikea löytää iltapäiviin itäisillä alueilla.",
      }),
      fu(25, "in_progress", 45, {
        done: "Ryhmiä on nyt 265 ja osallistujia 3 800; harrastamattomien osuus laski kyselyssä 19 %:sta 14 %:iin.",
        next: "Uusien ryhmien hankinta ja ohjaajakoulutus.",
        public: "Maksuttomiin harrastusryhmiin osallistuu jo noin 3 800 koululaista.",
      }),
    ],
  },
  {
    code: "1.5",
    title: "Nuorten matalan kynnyksen päihdepalvelut Kalliossa",
    description:
      "Hyvinvointialue ja Nuorten Ystävät ry avaavat Kallioon nuorille suunnatun päihde- ja mielenterveyspalvelun, johon voi tulla ilman ajanvarausta ja lähetettä. Palvelu tekee yhteistyötä jalkautuvan nuorisotyön ja lähipoliisin kanssa ja tarjoaa myös huoltajille neuvontaa. Tavoitteena on, että nuori pääsee keskusteluun saman viikon aikana.",
    owner: "wellbeing",
    responsible: "annaMaija",
    partners: ["nuortenYstavat"],
    start: -540,
    districts: [KALLIO, ALPPIHARJU],
    goals: ["2", "1"],
    tasks: [["Ilta-aukiolon kokeilu", -60, "done"]],
    proposedBy: "annaMaija",
    approved: { by: "coordinator", ago: 600 },
    history: [
      fu(480, "in_progress", 20, {
        done: "Tilat löytyivät Kallion nuorisotalon yhteydestä; henkilöstö rekrytoitiin.",
        next: "Palvelun avaaminen ja tiedotus kouluille.",
      }),
      fu(300, "in_progress", 45, {
        done: "Palvelu avattiin; 180 nuorta asioi ensimmäisten kuukausien aikana, 70 % ilman ajanvarausta.",
        next: "Ilta-aukiolon kokeilu.",
        public: "Kallioon avattiin nuorten päihde- ja mielenterveyspalvelu, johon voi tulla ilman ajanvarausta.",
      }),
      fu(50, "in_progress", 65, {
        done: "Ilta-aukioloa kokeiltiin tiistaisin ja torstaisin; käyntejä kertyi 95.",
        next: "Päätös ilta-aukiolon vakiinnuttamisesta.",
      }),
    ],
  },
  {
    code: "1.6",
    title: "Nuorten rikoskierteen katkaisu: vapaaehtoinen mentorointiohjelma",
    description:
      "Esitetään mentorointiohjelmaa, jossa koulutettu vapaaehtoinen aikuinen tukee toistuvasti rikoksiin syyllistynyttä nuorta vuoden ajan. Ohjelma toteutettaisiin Nuorten Ystävät ry:n kanssa ja kytkettäisiin Ankkuri-tiimien työhön. Esitys odottaa rahoituspäätöstä.",
    owner: "wellbeing",
    responsible: "annaMaija",
    partners: ["nuortenYstavat", "police"],
    start: 100,
    end: 700,
    budget: 95_000,
    goals: ["2"],
    proposedBy: "annaMaija",
  },

  // ---- 2 Julkisen kaupunkitilan turvallisuus ---------------------------------------------------
  {
    code: "2.1",
    title: "Valaistuksen parantaminen asukkaiden pelkäämissä paikoissa",
    description:
      "Parannetaan valaistusta puistoissa, alikuluissa ja kevyen liikenteen väylillä, jotka asukkaat ovat merkinneet Kerro kartalla -palvelussa turvattomiksi. Kohteet priorisoidaan palautteiden määrän ja poliisin häiriötilastojen perusteella. Toteutuksesta vastaa Stara osana valaistuksen saneerausohjelmaa.",
    owner: "urbanEnvironment",
    responsible: "henrik",
    partners: ["stara", "helka"],
    start: -560,
    end: -40,
    districts: [MALMI, MELLUNKYLA, VUOSAARI],
    budget: 320_000,
    goals: ["3", "1"],
    tasks: [
      ["Kohdelistan laatiminen Kerro kartalla -palautteista", -480, "done"],
      ["Valaistustöiden kilpailutus", -380, "done"],
      ["Asukaspalautteen keruu valmistuneista kohteista", -45, "done"],
    ],
    proposedBy: "henrik",
    approved: { by: "coordinator", ago: 605 },
    history: [
      fu(520, "in_progress", 10, {
        done: "Kerro kartalla -palautteista tunnistettiin 64 kohdetta; 38 valittiin toteutettaviksi.",
        next: "Urakan kilpailutus.",
      }),
      fu(380, "in_progress", 40, {
        done: "Urakka kilpailutettiin; ensimmäiset 12 kohdetta valmistuivat Malmilla ja Kontulassa.",
        next: "Vuosaaren kohteet.",
        public: "Valaistusta on parannettu jo 12 paikassa, jotka asukkaat olivat merkinneet turvattomiksi.",
      }),
      fu(200, "in_progress", 75, {
        done: "Yhteensä 29 kohdetta valmiina; kahden alikulun työt siirtyivät sähköverkon muutosten vuoksi.",
        next: "Viimeiset kohteet ja asukaspalautteen keruu.",
        obstacles: "Sähköverkkoyhtiön aikataulu siirsi kahta kohdetta.",
      }),
      fu(35, "completed", 100, {
        done: "Kaikki 38 kohdetta valmistuivat; kyselyssä 72 % vastaajista koki paikat aiempaa turvallisemmiksi.",
        public:
          "Valaistus parannettiin 38 paikassa Malmilla, Mellunkylässä ja Vuosaaressa; asukkaat kokevat paikat aiempaa turvallisemmiksi.",
      }),
    ],
  },
  {
    code: "2.2",
    title: "Lähipoliisitoiminta Kalliossa ja Alppiharjussa",
    description:
      "Nimetyt lähipoliisit partioivat jalan ja pyörällä Kallion ja Alppiharjun alueella ja pitävät säännöllisiä vastaanottoja asukkaille ja yrittäjille. Lähipoliisit osallistuvat alueverkoston kokouksiin ja tukevat asukkaiden turvallisuussuunnitelmaa. Seurannassa käytetään häiriöilmoitusten määrää ja asukaskyselyn turvallisuuden tunnetta.",
    owner: "police",
    responsible: "niko",
    partners: ["youthServices", "helka"],
    start: -610,
    districts: [KALLIO, ALPPIHARJU],
    goals: ["1", "3"],
    proposedBy: "niko",
    approved: { by: "coordinator", ago: 605 },
    history: [
      fu(500, "in_progress", 25, {
        done: "Kaksi lähipoliisia nimettiin; vastaanotot Kallion kirjastolla joka toinen keskiviikko.",
        next: "Yhteispartiot nuorisotyön kanssa Karhupuistossa.",
        public: "Kallion lähipoliisit pitävät vastaanottoa Kallion kirjastolla joka toinen keskiviikko.",
      }),
      fu(330, "in_progress", 45, {
        done: "Vastaanotoilla kävi 140 asukasta; Karhupuiston häiriöilmoitukset vähenivät 18 %.",
        next: "Osallistuminen asukkaiden turvallisuussuunnitelman työpajoihin.",
      }),
      fu(150, "in_progress", 60, {
        done: "Lähipoliisi osallistui kolmeen asukastyöpajaan ja Vaasanaukion turvallisuuskävelyyn.",
        next: "Yöaikaiset pyöräpartiot kesäkaudella.",
        obstacles: "Hälytystehtävät vievät ajoittain lähipoliisit muualle.",
      }),
      fu(20, "in_progress", 70, {
        done: "Pyöräpartioita tehtiin 48 iltana; asukaskyselyssä turvallisuuden tunne parani Linjoilla.",
        next: "Talvikauden vastaanottoaikataulu ja yhteistyö alueverkoston kanssa.",
        public: "Kallion lähipoliisit partioivat 48 iltana pyörällä; asukkaiden turvallisuuden tunne on parantunut.",
      }),
    ],
  },
  {
    code: "2.3",
    title: "Kallion yöelämän turvallisuusyhteistyö",
    description:
      "Kaupunki, poliisi ja anniskeluravintolat sopivat yhteisistä toimintatavoista yöelämän häiriöiden, väkivallan ja seksuaalisen häirinnän ehkäisemiseksi. Ravintoloiden järjestyksenvalvojille järjestetään yhteiskoulutus ja ravintolat sitoutuvat Turvallinen ilta -periaatteisiin. Toimenpide sisältää myös jätehuollon ja valaistuksen tehostamisen yöaikaan.",
    owner: "kanslia",
    responsible: "katariina",
    partners: ["police", "entrepreneurs"],
    start: -500,
    end: 60,
    districts: [KALLIO],
    goals: ["1", "3"],
    tasks: [
      ["Järjestyksenvalvojien yhteiskoulutus", -260, "done"],
      ["Loppuraportti ja jatkosuositukset", 55, "open"],
    ],
    proposedBy: "katariina",
    approved: { by: "coordinator", ago: 560 },
    history: [
      fu(460, "in_progress", 20, {
        done: "Ravintoloitsijoiden ja poliisin yhteistapaaminen pidettiin; 22 ravintolaa sitoutui periaatteisiin.",
        next: "Järjestyksenvalvojien yhteiskoulutus.",
      }),
      fu(250, "in_progress", 55, {
        done: "Yhteiskoulutukseen osallistui 85 järjestyksenvalvojaa; häirintätilanteiden ohjeistus yhtenäistettiin.",
        next: "Jätehuollon yöaikainen tehostus Helsinginkadulla.",
        public: "Kallion ravintoloiden järjestyksenvalvojat koulutettiin yhdessä poliisin kanssa puuttumaan häirintään.",
        by: "mikael",
      }),
      fu(40, "in_progress", 75, {
        done: "Yöaikainen jätehuolto käynnistyi; poliisin mukaan yöelämän väkivaltatehtävät vähenivät 11 %.",
        next: "Loppuraportti ja jatkosuositukset johtoryhmälle.",
      }),
    ],
  },
  {
    code: "2.4",
    title: "Kameravalvonnan kehittäminen keskustan julkisilla paikoilla",
    description:
      "Kaupunki ja poliisi laativat Poliisihallituksen mallipohjan mukaisen yhteistyösopimuksen, jonka perusteella poliisi voi käyttää kaupungin kameravalvontajärjestelmää yleisen järjestyksen ja turvallisuuden valvontaan. Kaupunki päättää edelleen kameroiden määrästä ja sijoittelusta, ja poliisi vastaa oman käyttönsä kuluista. Sopimuksen liitteet ovat osin salassa pidettäviä, ja niiden päivittämiseen nimetään vastuuhenkilö.",
    owner: "police",
    responsible: "jari",
    partners: ["urbanEnvironment"],
    start: -540,
    end: -45,
    districts: [VIRONNIEMI, KAMPINMALMI, KALLIO],
    budget: 260_000,
    shares: [
      ["urbanEnvironment", 75],
      ["police", 25],
    ],
    goals: ["1", "3"],
    tasks: [
      ["Yhteistyösopimuksen luonnos Poliisihallituksen mallipohjalla", -330, "done"],
      ["Tietosuojan vaikutustenarviointi", -60, "open"],
      ["Salassa pidettävien liitteiden päivitysvastaavan nimeäminen", 25, "open"],
    ],
    proposedBy: "jari",
    approved: { by: "mayor", ago: 600 },
    history: [
      fu(560, "in_progress", 10, {
        done: "Nykyisten kameroiden kartoitus: 46 kameraa keskustan torilla, asemilla ja puistoissa.",
        next: "Sopimusluonnos Poliisihallituksen mallipohjalla.",
      }),
      fu(420, "in_progress", 30, {
        done: "Sopimusluonnos valmistui ja kävi kaupungin tietohallinnon ja tietosuojavastaavan kommentoitavana.",
        next: "Tietosuojan vaikutustenarviointi ja uusien kameroiden sijainnit.",
        public: "Kaupunki ja poliisi valmistelevat yhteistyösopimusta keskustan kameravalvonnasta.",
      }),
      fu(250, "in_progress", 45, {
        done: "Kuusi uutta kamerasijaintia sovittiin Kaisaniemen ja Rautatientorin alueelle.",
        next: "Vaikutustenarviointi ja sopimuksen allekirjoitus.",
        by: "niko",
      }),
      fu(70, "delayed", 55, {
        done: "Sopimusteksti on valmis; liitteiden vastuuhenkilöt ja alihankkijat on kirjattu.",
        next: "Vaikutustenarviointi valmiiksi ja liitteiden päivitysvastaavan nimeäminen.",
        obstacles: "Tietosuojan vaikutustenarviointi viivästyi, koska kaupungin tietosuojavastaava vaihtui; allekirjoitus siirtyy.",
        public: "Kameravalvonnan yhteistyösopimus on viivästynyt tietosuoja-arvioinnin vuoksi.",
      }),
    ],
  },
  {
    code: "2.5",
    title: "Ilkivallan ja roskaantumisen nopea korjaus ostoskeskusten ympäristössä",
    description:
      "Ostoskeskusten ympäristön ilkivalta, töhryt ja roskaantuminen korjataan 48 tunnin kuluessa ilmoituksesta. Kiinteistönomistajien kanssa sovitaan yhteisestä siivousvuorosta ja ilmoituskanavasta. Siisteyden tiedetään vaikuttavan suoraan turvallisuuden tunteeseen.",
    owner: "urbanEnvironment",
    responsible: "henrik",
    partners: ["stara", "kiinteistoliitto"],
    start: -520,
    districts: [MELLUNKYLA, MALMI, HERTTONIEMI],
    goals: ["3"],
    tasks: [["Kiinteistönomistajien yhteinen siivousvuorosopimus", -160, "done"]],
    proposedBy: "henrik",
    approved: { by: "coordinator", ago: 560 },
    history: [
      fu(450, "in_progress", 20, {
        done: "48 tunnin korjauslupaus otettiin käyttöön Kontulan ja Malmin ostoskeskuksissa.",
        next: "Kiinteistönomistajien siivousvuorosopimus.",
      }),
      fu(300, "in_progress", 40, {
        done: "Töhryistä 86 % korjattiin tavoiteajassa; Herttoniemi otettiin mukaan.",
        next: "Sopimus kiinteistönomistajien kanssa.",
        public: "Ostoskeskusten töhryt ja ilkivalta korjataan nyt pääosin kahden vuorokauden kuluessa.",
      }),
      fu(130, "in_progress", 50, {
        done: "Siivousvuorosopimus allekirjoitettiin kuuden kiinteistönomistajan kanssa.",
        next: "Ilmoituskanavan yhdistäminen Kerro kartalla -palveluun.",
        obstacles: "Staran kesäkauden resurssit ovat sidottuja puistojen hoitoon.",
      }),
    ],
  },
  {
    code: "2.6",
    title: "Kaupungin kiinteistöjen turvallisuuden yhteistarkastukset",
    description:
      "Palvelukeskus ja pelastuslaitos tarkastavat yhdessä kaupungin koulujen, päiväkotien ja palvelutalojen kulunvalvonnan, poistumisreitit ja uhkatilanteiden hälytysjärjestelyt. Havaitut puutteet korjataan kiinteistökohtaisen suunnitelman mukaan. Tarkastusmalli jää pysyväksi käytännöksi.",
    owner: "serviceCentre",
    responsible: "tuomas",
    partners: ["rescue"],
    start: -520,
    end: -20,
    goals: ["1"],
    tasks: [
      ["Tarkastuslistan laatiminen", -470, "done"],
      ["Korjaussuunnitelmat kiinteistöille", -60, "done"],
    ],
    proposedBy: "tuomas",
    approved: { by: "coordinator", ago: 560 },
    history: [
      fu(480, "in_progress", 15, {
        done: "Yhteinen tarkastuslista valmistui; mukana kulunvalvonta, poistumisreitit ja hälytysjärjestelyt.",
        next: "Tarkastukset aloitetaan kouluista.",
      }),
      fu(300, "in_progress", 60, {
        done: "Tarkastettiin 140 kiinteistöä; yleisin puute oli puutteellinen uhkatilanteiden hälytysohje.",
        next: "Päiväkodit ja palvelutalot.",
        public: "Kaupungin koulujen turvallisuusjärjestelyt tarkastettiin 140 kiinteistössä.",
      }),
      fu(25, "completed", 100, {
        done: "Kaikki 312 kiinteistöä tarkastettu ja korjaussuunnitelmat laadittu; tarkastusmalli siirtyi pysyväksi käytännöksi.",
        public: "Kaupungin 312 kiinteistön turvallisuus tarkastettiin yhdessä pelastuslaitoksen kanssa.",
      }),
    ],
  },
  {
    code: "2.7",
    title: "Kontulan ostoskeskuksen turvallisuuskävely ja toimenpideohjelma",
    description:
      "Järjestetään Kontulan ostoskeskuksessa turvallisuuskävely asukkaiden, yrittäjien, poliisin ja kaupungin kanssa ja laaditaan sen pohjalta toimenpideohjelma. Ohjelmaan kootaan valaistuksen, kulkureittien, valvonnan ja nuorisotyön toimenpiteet. Toimenpide perustuu alueverkoston esitykseen.",
    owner: "kanslia",
    responsible: "mikael",
    partners: ["police", "helka"],
    start: -30,
    end: 120,
    districts: [MELLUNKYLA],
    goals: ["3", "5"],
    tasks: [["Turvallisuuskävelyn järjestäminen", 40, "open"]],
    proposedBy: "mikael",
    approved: { by: "coordinator", ago: 210 },
    history: [
      fu(100, "approved", 5, {
        done: "Kävelyn ajankohdasta ja osallistujista sovittiin alustavasti alueverkoston kanssa.",
        next: "Kutsut ostoskeskuksen yrittäjille ja asukasyhdistykselle.",
        obstacles: "Ostoskeskuksen kiinteistöosakeyhtiön edustaja on vielä nimeämättä.",
      }),
    ],
  },

  // ---- 3 Joukkoliikenteen turvallisuus --------------------------------------------------------
  {
    code: "3.1",
    title: "Järjestyksenvalvonnan yhteispartiot itäisillä metroasemilla",
    description:
      "HSL:n järjestyksenvalvojat ja poliisi partioivat yhdessä Itäkeskuksen, Kontulan, Myllypuron ja Vuosaaren metroasemilla perjantai- ja lauantai-iltaisin. Partiot tekevät yhteistyötä jalkautuvan nuorisotyön kanssa. Vaikutusta seurataan häiriöilmoitusten ja matkustajakyselyn perusteella.",
    owner: "hsl",
    responsible: "maria",
    partners: ["police"],
    start: -590,
    districts: [MELLUNKYLA, VUOSAARI, MYLLYPURO],
    budget: 540_000,
    shares: [
      ["hsl", 62.5],
      ["kanslia", 37.5],
    ],
    goals: ["4", "1"],
    proposedBy: "maria",
    approved: { by: "mayor", ago: 600 },
    history: [
      fu(520, "in_progress", 20, {
        done: "Yhteispartiot aloittivat neljällä asemalla; yhteinen viestikanava poliisin kanssa otettiin käyttöön.",
        next: "Matkustajakyselyn lähtötaso.",
      }),
      fu(360, "in_progress", 40, {
        done: "Häiriöilmoitukset vähenivät partioasemilla 23 % edellisvuodesta.",
        next: "Yhteistyö jalkautuvan nuorisotyön kanssa.",
        public: "Metroasemien yhteispartiot ovat vähentäneet häiriöitä itäisillä asemilla noin neljänneksellä.",
      }),
      fu(180, "in_progress", 55, {
        done: "Nuorisotyön kanssa sovittiin yhteisistä illoista Kontulan ja Vuosaaren asemilla.",
        next: "Matkustajakysely.",
      }),
      fu(35, "in_progress", 65, {
        done: "Matkustajakyselyssä iltaisin turvalliseksi itsensä kokevien osuus nousi 61 %:sta 68 %:iin.",
        next: "Partioinnin laajentaminen arki-iltoihin.",
        obstacles: "Järjestyksenvalvojien vaihtuvuus on suurta.",
        public: "Iltaisin metroasemilla turvalliseksi itsensä kokevien matkustajien osuus on noussut 68 prosenttiin.",
      }),
    ],
  },
  {
    code: "3.2",
    title: "Terminaalien kameravalvonnan ja hätäpuhelinten uusiminen",
    description:
      "Uusitaan Rautatientorin, Kampin ja Itäkeskuksen bussiterminaalien sekä metroasemien vanhentuneet kamerat ja hätäpuhelimet. Uudet laitteet liitetään HSL:n valvomoon, ja hätäpuhelu ohjautuu suoraan päivystävälle valvojalle. Hanke toteutetaan asemien peruskorjausten yhteydessä.",
    owner: "hsl",
    responsible: "maria",
    partners: ["urbanEnvironment"],
    start: -560,
    end: -15,
    goals: ["4"],
    tasks: [
      ["Laitehankinnan kilpailutus", -400, "done"],
      ["Itäkeskuksen terminaalin asennukset", -30, "open"],
    ],
    proposedBy: "maria",
    approved: { by: "coordinator", ago: 590 },
    history: [
      fu(500, "in_progress", 20, {
        done: "Laitteiden kuntokartoitus valmistui: 180 kameraa ja 42 hätäpuhelinta uusitaan.",
        next: "Kilpailutus.",
      }),
      fu(300, "in_progress", 45, {
        done: "Kilpailutus ratkesi; Kampin ja Rautatientorin asennukset valmistuivat.",
        next: "Itäkeskuksen ja metroasemien asennukset.",
        public: "Kampin ja Rautatientorin terminaalien kamerat ja hätäpuhelimet on uusittu.",
      }),
      fu(105, "delayed", 50, {
        done: "Metroasemien asennukset aloitettiin kahdella asemalla.",
        next: "Itäkeskuksen asennukset peruskorjauksen aikataulussa.",
        obstacles: "Itäkeskuksen terminaalin peruskorjaus siirtyi, joten asennukset viivästyvät.",
      }),
    ],
  },
  {
    code: "3.3",
    title: "Kuljettajien ja asemahenkilöstön uhkatilannekoulutus",
    description:
      "Bussin- ja raitiovaununkuljettajille sekä asemahenkilöstölle järjestetään koulutus uhka- ja väkivaltatilanteiden ennaltaehkäisyyn ja hallintaan. Koulutus sisältää tilanteiden rauhoittamisen, ilmoittamisen ja jälkipuinnin. Koulutus toteutetaan yhdessä poliisin kanssa.",
    owner: "hsl",
    responsible: "maria",
    partners: ["police"],
    start: -520,
    end: -200,
    goals: ["4"],
    tasks: [["Koulutusmateriaali ja kouluttajien valmennus", -470, "done"]],
    proposedBy: "maria",
    approved: { by: "coordinator", ago: 590 },
    history: [
      fu(480, "in_progress", 30, {
        done: "Koulutusmateriaali laadittiin ja 12 kouluttajaa valmennettiin.",
        next: "Koulutukset liikennöitsijöiden varikoilla.",
      }),
      fu(330, "in_progress", 80, {
        done: "Koulutettiin 1 450 kuljettajaa ja 60 asemahenkilöä.",
        next: "Viimeiset ryhmät ja palautekysely.",
        public: "Lähes 1 500 kuljettajaa on koulutettu ehkäisemään ja rauhoittamaan uhkatilanteita.",
      }),
      fu(190, "completed", 100, {
        done: "Koulutus päättyi: 1 720 osallistujaa, palautteen keskiarvo 4,4/5. Koulutus siirtyi osaksi perehdytystä.",
        public: "Uhkatilannekoulutuksen kävi 1 720 kuljettajaa ja asemahenkilöä; koulutus on nyt osa uusien työntekijöiden perehdytystä.",
      }),
    ],
  },
  {
    code: "3.4",
    title: "Turvallinen koulumatka -kampanja alakoululaisille",
    description:
      "Alakoulujen 1.–3.-luokkalaisille järjestetään koulumatkaturvallisuuden oppitunnit, joissa harjoitellaan joukkoliikenteen käyttöä, avun pyytämistä ja liikenneturvallisuutta. Huoltajille jaetaan koulumatkan suunnitteluohje. Kampanja toteutetaan HSL:n ja poliisin kanssa.",
    owner: "education",
    responsible: "pekka",
    partners: ["hsl", "police"],
    start: -440,
    end: 28,
    goals: ["2", "4"],
    tasks: [
      ["Oppituntimateriaali", -380, "done"],
      ["Kampanjan loppuraportti", 28, "open"],
    ],
    proposedBy: "pekka",
    approved: { by: "coordinator", ago: 450 },
    history: [
      fu(380, "in_progress", 20, {
        done: "Oppituntimateriaali valmistui suomeksi, ruotsiksi ja selkokielellä.",
        next: "Oppitunnit alakouluissa.",
      }),
      fu(200, "in_progress", 60, {
        done: "Oppitunnit pidettiin 88 koulussa, noin 9 000 oppilaalle.",
        next: "Huoltajien ohje ja loput koulut.",
        public: "Noin 9 000 alakoululaista on harjoitellut turvallista koulumatkaa.",
      }),
      fu(15, "in_progress", 90, {
        done: "Kaikki 121 alakoulua mukana; huoltajien ohje jaettiin Wilmassa.",
        next: "Loppuraportti.",
      }),
    ],
  },
  {
    code: "3.5",
    title: "Yöbussilinjojen turvallisuuskartoitus",
    description:
      "Esitetään kartoitusta yöbussilinjojen häiriötilanteista, pysäkkien valaistuksesta ja kuljettajien kokemuksista. Kartoituksen pohjalta ehdotettaisiin kohdennettuja toimenpiteitä, kuten valvottuja pysäkkejä ja järjestyksenvalvontaa ruuhkaisimmille linjoille.",
    owner: "hsl",
    responsible: "maria",
    partners: ["police", "urbanEnvironment"],
    start: 60,
    end: 300,
    goals: ["4"],
    proposedBy: "maria",
  },
  {
    code: "3.6",
    title: "Malmin aseman seudun turvallisuussuunnittelu",
    description:
      "Malmin aseman ja ostoskeskuksen ympäristön uudistuksessa huomioidaan turvallisuus: näkyvyys, valaistus, kulkureitit ja oleskelualueet. Suunnittelussa hyödynnetään alueverkoston ja asukkaiden havaintoja sekä poliisin häiriötietoja. Toimenpide tuottaa asemanseudun valaistus- ja toimenpidesuunnitelman.",
    owner: "urbanEnvironment",
    responsible: "henrik",
    partners: ["hsl", "police"],
    start: -400,
    end: 250,
    districts: [MALMI],
    goals: ["4", "3"],
    tasks: [
      ["Asukaskysely aseman seudun turvallisuudesta", -240, "done"],
      ["Asemanseudun valaistussuunnitelma", -8, "open"],
      ["Toimenpidesuunnitelma alueverkostolle", 90, "open"],
    ],
    proposedBy: "henrik",
    approved: { by: "coordinator", ago: 420 },
    history: [
      fu(330, "in_progress", 20, {
        done: "Aseman seudun lähtötilanne kartoitettiin Malmin alueverkoston kanssa.",
        next: "Asukaskysely.",
      }),
      fu(220, "in_progress", 40, {
        done: "Asukaskyselyyn vastasi 640 asukasta; turvattomimmiksi koettiin asematunneli ja bussiterminaalin takapiha.",
        next: "Valaistussuunnitelma.",
        public: "Malmin aseman seudun turvallisuuskyselyyn vastasi 640 asukasta.",
      }),
      fu(40, "in_progress", 50, {
        done: "Valaistussuunnitelman luonnos esiteltiin alueverkostolle.",
        next: "Valaistussuunnitelma valmiiksi.",
        obstacles: "Suunnitelma odottaa ratayhtiön lausuntoa asematunnelin valaistuksesta.",
      }),
    ],
  },

  // ---- 4 Lähisuhde- ja perheväkivallan ehkäisy ------------------------------------------------
  {
    code: "4.1",
    title: "Lähisuhdeväkivallan puheeksioton koulutus sosiaali- ja terveydenhuollolle",
    description:
      "Hyvinvointialueen neuvoloiden, perhekeskusten, päivystysten ja sosiaalityön henkilöstö koulutetaan kysymään väkivallasta rutiininomaisesti ja ohjaamaan uhri ja tekijä palveluihin. Koulutus toteutetaan verkkokurssina ja lähiharjoituksina Rikosuhripäivystyksen kanssa. Tavoitteena on, että 80 % asiakastyön henkilöstöstä on koulutettu suunnitelmakauden aikana.",
    owner: "wellbeing",
    responsible: "annaMaija",
    partners: ["victimSupport"],
    start: -580,
    end: 760,
    goals: ["1"],
    tasks: [
      ["Verkkokurssin julkaisu", -450, "done"],
      ["Päivystysten lähiharjoitukset", 70, "open"],
    ],
    proposedBy: "annaMaija",
    approved: { by: "coordinator", ago: 600 },
    history: [
      fu(500, "in_progress", 15, {
        done: "Verkkokurssi julkaistiin hyvinvointialueen oppimisympäristössä.",
        next: "Lähiharjoitukset perhekeskuksissa.",
      }),
      fu(330, "in_progress", 35, {
        done: "Verkkokurssin suoritti 2 100 työntekijää; lähiharjoituksia pidettiin kuudessa perhekeskuksessa.",
        next: "Päivystysten henkilöstö.",
        public: "Yli 2 000 sosiaali- ja terveydenhuollon työntekijää on koulutettu ottamaan lähisuhdeväkivalta puheeksi.",
      }),
      fu(160, "in_progress", 45, {
        done: "Koulutettujen osuus asiakastyön henkilöstöstä on 46 %.",
        next: "Päivystysten lähiharjoitukset.",
        obstacles: "Päivystysten henkilöstövaje vaikeuttaa koulutuksiin irrottautumista.",
      }),
      fu(10, "in_progress", 55, {
        done: "Koulutettujen osuus nousi 58 %:iin; puheeksiottojen kirjaukset potilastietojärjestelmässä kaksinkertaistuivat.",
        next: "Päivystysten lähiharjoitukset.",
        public: "Jo 58 % asiakastyön henkilöstöstä on koulutettu kysymään väkivallasta.",
      }),
    ],
  },
  {
    code: "4.2",
    title: "MARAK-riskinarvioinnin vakiinnuttaminen kaikkiin suurpiireihin",
    description:
      "Vakavan parisuhdeväkivallan uhrien moniammatillinen riskinarviointi (MARAK) laajennetaan kaikkiin suurpiireihin. Poliisi koordinoi työryhmiä yhdessä hyvinvointialueen kanssa, ja uhrin turvallisuussuunnitelma laaditaan kahden viikon kuluessa riskiarviosta. Seurataan käsiteltyjen tapausten määrää ja uusintaväkivaltaa.",
    owner: "police",
    responsible: "jari",
    partners: ["wellbeing", "victimSupport"],
    start: -570,
    end: 400,
    goals: ["1"],
    tasks: [
      ["Työryhmien perustaminen kaikkiin suurpiireihin", -200, "done"],
      ["Uusintaväkivallan seurantamalli", 120, "open"],
    ],
    proposedBy: "jari",
    approved: { by: "coordinator", ago: 600 },
    history: [
      fu(480, "in_progress", 20, {
        done: "MARAK-työryhmät toimivat neljässä suurpiirissä; uusien ryhmien jäsenet nimettiin.",
        next: "Ryhmät itäiseen, koilliseen ja kaakkoiseen suurpiiriin.",
      }),
      fu(290, "in_progress", 45, {
        done: "Käsiteltiin 186 tapausta; turvallisuussuunnitelma laadittiin keskimäärin 10 päivässä.",
        next: "Viimeisten työryhmien perustaminen.",
        public: "Vakavan parisuhdeväkivallan uhrien riskinarviointia on laajennettu uusiin suurpiireihin.",
      }),
      fu(190, "in_progress", 60, {
        done: "Työryhmät toimivat kaikissa kahdeksassa suurpiirissä.",
        next: "Uusintaväkivallan seurantamalli.",
        by: "niko",
      }),
      fu(25, "in_progress", 70, {
        done: "Käsiteltyjä tapauksia kertyi 290; uhrien palaute tuesta oli myönteistä.",
        next: "Uusintaväkivallan seurantamalli yhdessä hyvinvointialueen kanssa.",
        obstacles: "Tietojen yhdistäminen poliisin ja hyvinvointialueen järjestelmistä vaatii tietosuoja-arvion.",
      }),
    ],
  },
  {
    code: "4.3",
    title: "Rikosuhrien neuvontapisteet perhekeskuksiin",
    description:
      "Rikosuhripäivystys avaa neuvontapisteet Malmin ja Vuosaaren perhekeskuksiin kerran viikossa. Pisteissä rikoksen uhri, todistaja tai läheinen saa maksutonta neuvontaa ja tukea rikosprosessiin. Palvelu on saatavilla myös ruotsiksi, englanniksi, arabiaksi ja somaliksi tulkin avulla.",
    owner: "victimSupport",
    responsible: "paula",
    partners: ["wellbeing"],
    start: -480,
    end: 250,
    districts: [MALMI, VUOSAARI],
    budget: 85_000,
    shares: [
      ["wellbeing", 65],
      ["kanslia", 35],
    ],
    goals: ["1", "3"],
    proposedBy: "paula",
    approved: { by: "coordinator", ago: 500 },
    history: [
      fu(420, "in_progress", 25, {
        done: "Neuvontapisteet avattiin Malmin ja Vuosaaren perhekeskuksissa.",
        next: "Tiedotus perhekeskusten asiakkaille ja alueverkostoille.",
        public: "Rikosuhripäivystyksen neuvontapisteet avattiin Malmin ja Vuosaaren perhekeskuksiin.",
      }),
      fu(240, "in_progress", 50, {
        done: "Pisteissä asioi 160 asiakasta; kolmasosa tarvitsi tulkkausta.",
        next: "Tulkkauksen ajanvarauskäytäntö.",
      }),
      fu(60, "in_progress", 65, {
        done: "Etätulkkaus otettiin käyttöön; asiakkaita yhteensä 290.",
        next: "Arvio pisteiden jatkosta suunnitelmakauden jälkeen.",
        obstacles: "Vapaaehtoisten tukihenkilöiden saatavuus iltaisin on heikko.",
      }),
    ],
  },
  {
    code: "4.4",
    title: "Ikääntyneiden kaltoinkohtelun tunnistaminen kotihoidossa",
    description:
      "Kotihoidon ja kotiin vietävien palvelujen henkilöstölle laaditaan toimintaohje ikääntyneiden taloudellisen, henkisen ja fyysisen kaltoinkohtelun tunnistamiseen ja ilmoittamiseen. Ohje kytketään sosiaalihuoltolain mukaiseen huoli-ilmoitukseen. Seurakunnat ja SPR tuovat mukaan vapaaehtoisten havainnot.",
    owner: "wellbeing",
    responsible: "annaMaija",
    partners: ["parishes", "redCross"],
    start: -540,
    end: 300,
    goals: ["1"],
    tasks: [["Toimintaohjeen luonnos", -330, "done"]],
    proposedBy: "annaMaija",
    approved: { by: "coordinator", ago: 600 },
    history: [
      fu(520, "in_progress", 15, {
        done: "Työryhmä kokoontui; mukana kotihoito, vanhusneuvosto, seurakunnat ja SPR.",
        next: "Toimintaohjeen luonnos.",
      }),
      fu(330, "in_progress", 30, {
        done: "Toimintaohjeen luonnos valmistui ja kävi kotihoidon esihenkilöillä kommentoitavana.",
        next: "Ohjeen pilotointi kahdella kotihoitoalueella.",
        public: "Kotihoidolle on laadittu ohje ikääntyneiden kaltoinkohtelun tunnistamiseen.",
      }),
      fu(140, "on_hold", 35, {
        done: "Pilotointia valmisteltiin.",
        next: "Jatketaan, kun kotihoidon organisaatiouudistus on toteutunut.",
        obstacles: "Kotihoidon organisaatiouudistus keskeytti pilotoinnin; henkilöstö ei ehdi koulutuksiin.",
      }),
    ],
  },
  {
    code: "4.5",
    title: "Kunniaan liittyvän väkivallan ehkäisyn koulutus kouluille ja nuorisotyölle",
    description:
      "Opettajille, oppilashuollolle ja nuorisotyöntekijöille järjestetään koulutus kunniaan liittyvän väkivallan ja pakkoavioliittojen tunnistamisesta ja puuttumisesta. Koulutukseen liitetään selkeä toimintaohje siitä, kenelle huolesta ilmoitetaan. Koulutus toteutetaan yhteistyössä Rikosuhripäivystyksen kanssa.",
    owner: "education",
    responsible: "pekka",
    partners: ["victimSupport", "youthServices"],
    start: 20,
    end: 380,
    goals: ["2", "1"],
    tasks: [["Koulutussisällön sopiminen Rikosuhripäivystyksen kanssa", 45, "open"]],
    proposedBy: "paula",
    approved: { by: "coordinator", ago: 150 },
    history: [
      fu(50, "approved", 5, {
        done: "Koulutuksen tavoitteista sovittiin; kohderyhmänä yläkoulut ja nuorisotalot.",
        next: "Koulutussisältö ja kouluttajat.",
      }),
    ],
  },
  {
    code: "4.6",
    title: "Perheneuvonnan iltachat",
    description:
      "Seurakuntayhtymän perheneuvonta kokeili iltaisin avoinna olevaa chat-palvelua perheille, joissa on riitoja tai väkivallan uhkaa. Palvelun tarkoitus oli madaltaa kynnystä hakea apua ja ohjata perheitä hyvinvointialueen palveluihin.",
    owner: "parishes",
    responsible: "olli",
    partners: ["mll"],
    start: -560,
    end: 200,
    goals: ["1", "6"],
    proposedBy: "olli",
    approved: { by: "coordinator", ago: 590 },
    history: [
      fu(520, "in_progress", 20, {
        done: "Chat avattiin kolmena iltana viikossa; päivystäjinä perheneuvojat.",
        next: "Tiedotus neuvoloissa ja kouluissa.",
      }),
      fu(380, "on_hold", 30, {
        done: "Chat-keskusteluja kertyi 140.",
        next: "Päätös jatkosta, kun valtakunnallisen palvelun aikataulu selviää.",
        obstacles: "Valtakunnallinen ympärivuorokautinen chat-palvelu on tulossa; päällekkäisyyttä halutaan välttää.",
      }),
      fu(260, "discontinued", 30, {
        done: "Chat lopetettiin, koska valtakunnallinen ympärivuorokautinen palvelu avattiin; asiakkaat ohjataan sinne.",
        public: "Perheneuvonnan iltachat lopetettiin, kun valtakunnallinen ympärivuorokautinen chat-palvelu avattiin.",
      }),
    ],
  },

  // ---- 5 Digitaalinen turvallisuus -----------------------------------------------------------
  {
    code: "5.1",
    title: "Nettipoliisin oppitunnit ja verkkopartiointi",
    description:
      "Nettipoliisit pitävät yläkouluissa oppitunteja verkon rikoksista, kuvien jakamisesta ja groomingista sekä partioivat nuorten suosimissa palveluissa. Oppitunnit sovitetaan yhteen koulujen digitaalisen hyvinvoinnin opetuksen kanssa. Havaittu verkossa tapahtuva häirintä ohjataan tarvittaessa esitutkintaan.",
    owner: "police",
    responsible: "jari",
    partners: ["education"],
    start: -560,
    goals: ["6", "2"],
    tasks: [["Oppituntien kevään aikataulu kouluille", -140, "done"]],
    proposedBy: "jari",
    approved: { by: "coordinator", ago: 600 },
    history: [
      fu(520, "in_progress", 20, {
        done: "Oppituntimalli sovittiin opetusvirastossa; 12 yläkoulua ilmoittautui.",
        next: "Oppitunnit ja verkkopartioinnin painopisteet.",
      }),
      fu(330, "in_progress", 40, {
        done: "Oppitunteja pidettiin 35 koulussa noin 4 200 oppilaalle.",
        next: "Verkkopartiointi nuorten pelipalveluissa.",
        public: "Nettipoliisit ovat pitäneet oppitunteja verkon turvallisuudesta jo noin 4 200 oppilaalle.",
      }),
      fu(115, "in_progress", 50, {
        done: "Verkkopartiointia tehtiin kahdessa pelipalvelussa; 14 tapausta ohjattiin esitutkintaan.",
        next: "Syksyn oppitunnit ja yhteistyö Someturva-pilotin kanssa.",
        obstacles: "Nettipoliisien resurssit sidottiin kiireelliseen esitutkintaan.",
      }),
    ],
  },
  {
    code: "5.2",
    title: "Someturva – digitaalinen tuki nuorille (pilotti)",
    description:
      "Vuoden mittaisessa pilotissa peruskoulujen 7.–9.-luokkalaiset, toisen asteen opiskelijat ja koulujen henkilöstö saavat Someturva-palvelun kautta nimettömästi ja vuorokauden ympäri apua somessa, peleissä ja muualla verkossa kohdattuihin ikäviin tilanteisiin. Apu sisältää oikeudellisen arvion, toimintasuositukset ja psykososiaalisen ensiavun; palveluntuottaja järjestää perehdytykset ja oppituntimateriaalit ja raportoi käyttötilastot neljännesvuosittain. Kustannuksista vastaavat kaupunki (60 %) ja hyvinvointialue (40 %), ja palvelun toimivuutta ja vaikuttavuutta arvioi Someturva-pilotin yhteistyöryhmä.",
    owner: "education",
    responsible: "pekka",
    partners: ["wellbeing", "youthServices"],
    start: -295,
    end: 69,
    budget: 24_000,
    shares: [
      ["education", 60],
      ["wellbeing", 40],
    ],
    goals: ["2", "6"],
    tasks: [
      ["Käyttötilastojen raportointi, 1. vuosineljännes", -205, "done"],
      ["Käyttötilastojen raportointi, 2. vuosineljännes", -115, "done"],
      ["Käyttötilastojen raportointi, 3. vuosineljännes", -25, "done"],
      ["Vaikuttavuusarvio ja esitys jatkosta yhteistyöryhmälle", 45, "open"],
    ],
    proposedBy: "pekka",
    approved: { by: "mayor", ago: 310 },
    history: [
      fu(280, "in_progress", 10, {
        done: "Palvelu avattiin kaikille yläkouluille ja toisen asteen oppilaitoksille; perehdytystilaisuuksiin osallistui 42 koulun henkilöstö.",
        next: "Oppituntimateriaalin käyttöönotto ja ensimmäiset käyttötilastot.",
        public: "Someturva-palvelu avattiin helsinkiläisille yläkoululaisille ja toisen asteen opiskelijoille.",
      }),
      fu(200, "in_progress", 35, {
        done: "Ensimmäisen neljänneksen tilastot: 214 ilmoitusta, yleisimmin kiusaaminen, häirintä ja kuvien luvaton jakaminen.",
        next: "Käyttömäärät kouluittain yhteistyöryhmän käsittelyyn.",
        obstacles: "Ruotsinkielisissä kouluissa palvelu tunnetaan vielä huonosti.",
      }),
      fu(110, "in_progress", 55, {
        done: "Toisen neljänneksen tilastot: 301 ilmoitusta; ruotsinkielisten koulujen käyttö kasvoi tiedotuksen jälkeen.",
        next: "Vaikuttavuusarvion kriteerit yhteistyöryhmässä.",
        public: "Someturvaan on tehty puolen vuoden aikana yli 500 ilmoitusta.",
      }),
      fu(20, "in_progress", 75, {
        done: "Kolmannen neljänneksen tilastot: 268 ilmoitusta; yhteistyöryhmä hyväksyi vaikuttavuusarvion kriteerit.",
        next: "Vaikuttavuusarvio ja esitys jatkosta ennen pilotin päättymistä.",
        public: "Someturvaan on tehty pilotin aikana lähes 800 ilmoitusta; palvelun jatkosta päätetään pilotin päättyessä.",
      }),
    ],
  },
  {
    code: "5.3",
    title: "Kaupungin henkilöstön kyberturvallisuus- ja huijauskoulutus",
    description:
      "Kaupungin koko henkilöstö suorittaa kyberturvallisuuden verkkokurssin, ja esihenkilöille järjestetään harjoitus tietojenkalastelun ja toimitusjohtajahuijausten varalle. Simuloiduilla kalasteluviesteillä mitataan, kuinka moni tunnistaa huijauksen. Koulutus kytketään kaupungin varautumisharjoituksiin.",
    owner: "kanslia",
    responsible: "katariina",
    partners: ["serviceCentre"],
    start: -420,
    end: 180,
    goals: ["6"],
    tasks: [
      ["Verkkokurssin julkaisu", -380, "done"],
      ["Toinen simuloitu kalastelukampanja", 15, "open"],
    ],
    proposedBy: "katariina",
    approved: { by: "coordinator", ago: 430 },
    history: [
      fu(370, "in_progress", 20, {
        done: "Verkkokurssi julkaistiin; ensimmäisen kuukauden aikana sen suoritti 6 500 työntekijää.",
        next: "Ensimmäinen simuloitu kalastelukampanja.",
      }),
      fu(210, "in_progress", 50, {
        done: "Simuloidun kalasteluviestin linkkiä klikkasi 9 % vastaanottajista, kun tavoite oli alle 10 %.",
        next: "Esihenkilöiden harjoitukset.",
        public: "Kaupungin työntekijöistä jo yli puolet on suorittanut kyberturvallisuuskoulutuksen.",
      }),
      fu(30, "in_progress", 70, {
        done: "Esihenkilöharjoituksia pidettiin 14; verkkokurssin suoritti 21 000 työntekijää.",
        next: "Toinen simuloitu kalastelukampanja.",
        by: "mikael",
      }),
    ],
  },
  {
    code: "5.4",
    title: "Ikääntyneiden digiturvallisuus: huijausten tunnistaminen",
    description:
      "SPR, seurakunnat ja kirjastot järjestävät ikääntyneille tilaisuuksia puhelin- ja verkkohuijausten tunnistamisesta. Tilaisuuksissa harjoitellaan pankkitunnusten suojaamista ja kerrotaan, mihin huijauksesta ilmoitetaan. Vapaaehtoiset digiopastajat jatkavat tukea kirjastojen digitukipisteissä.",
    owner: "redCross",
    responsible: "laura",
    partners: ["parishes", "cultureLeisure"],
    start: -500,
    end: 500,
    goals: ["6", "1"],
    proposedBy: "laura",
    approved: { by: "coordinator", ago: 520 },
    history: [
      fu(440, "in_progress", 15, {
        done: "Tilaisuusmalli ja materiaalit laadittiin; 30 vapaaehtoista digiopastajaa koulutettiin.",
        next: "Tilaisuudet kirjastoissa ja seurakuntien tiloissa.",
      }),
      fu(280, "in_progress", 35, {
        done: "Pidettiin 34 tilaisuutta 620 osallistujalle.",
        next: "Ruotsinkieliset tilaisuudet ja palvelutalot.",
        public: "Ikääntyneille on järjestetty 34 huijausten tunnistamisen tilaisuutta.",
      }),
      fu(55, "in_progress", 50, {
        done: "Pidettiin kolme koulutustilaisuutta 85 osallistujalle palvelutaloissa ja kuusi ruotsinkielistä tilaisuutta.",
        next: "Digiopastajien täydennyskoulutus uusista huijaustyypeistä.",
        obstacles: "Palvelutalojen asukkaiden on vaikea osallistua iltatilaisuuksiin.",
      }),
    ],
  },
  {
    code: "5.5",
    title: "Vanhempainillat lasten digitaalisesta hyvinvoinnista",
    description:
      "MLL järjestää kouluissa vanhempainiltoja lasten ruutuajasta, somen ikärajoista, kiusaamisesta ja verkkohäirinnästä. Illoissa esitellään myös Someturva-palvelu ja kerrotaan, miten vanhempi voi tukea lasta ikävässä tilanteessa. Illat järjestetään suomeksi, ruotsiksi ja tarvittaessa tulkattuina.",
    owner: "mll",
    reporter: "mikael",
    partners: ["education"],
    start: 30,
    end: 400,
    goals: ["2", "6"],
    tasks: [["Koulujen ilmoittautuminen vanhempainiltoihin", 60, "open"]],
    proposedBy: "pekka",
    approved: { by: "coordinator", ago: 60 },
    history: [
      fu(40, "approved", 0, {
        done: "MLL:n kanssa sovittiin toteutuksesta ja aikataulusta.",
        next: "Kutsu kouluille ja ilmoittautumiset.",
      }),
    ],
  },
  {
    code: "5.6",
    title: "Digitaalisen nuorisotyön iltapäivystys",
    description:
      "Esitetään nuorisopalveluille iltaisin toimivaa digitaalista päivystystä nuorten suosimissa peli- ja chat-palveluissa. Päivystäjät tavoittaisivat nuoria, jotka eivät käy nuorisotaloilla, ja ohjaisivat heitä tarvittaessa Someturvaan tai hyvinvointialueen palveluihin.",
    owner: "youthServices",
    partners: ["wellbeing"],
    start: 90,
    end: 455,
    budget: 60_000,
    goals: ["2", "6"],
    proposedBy: "satu",
  },

  // ---- 6 Asukkaiden osallisuus ja turvallisuuden tunne (in force from 2026) -------------------
  {
    code: "6.1",
    title: "Kaupungin turvallisuustutkimus ja tulosten avaaminen asukkaille",
    description:
      "Kaupunki toteuttaa turvallisuustutkimuksen, jossa kysytään asukkaiden turvallisuuden tunnetta, pelättyjä paikkoja ja kokemuksia rikoksista. Tulokset avataan suurpiireittäin asukastilaisuuksissa ja verkossa, ja ne ohjaavat alueverkostojen työtä. Tutkimus toistetaan suunnitelmakauden lopussa.",
    owner: "kanslia",
    responsible: "katariina",
    partners: ["helka", "police"],
    start: -300,
    end: 40,
    budget: 70_000,
    goals: ["5", "1"],
    tasks: [
      ["Tutkimuksen kenttävaihe", -150, "done"],
      ["Suurpiirikohtaiset tulosraportit", 12, "open"],
      ["Asukastilaisuudet tuloksista", 38, "open"],
    ],
    proposedBy: "katariina",
    approved: { by: "mayor", ago: 320 },
    history: [
      fu(260, "in_progress", 20, {
        done: "Kyselylomake uudistettiin ja käännettiin kuudelle kielelle.",
        next: "Kenttävaihe.",
      }),
      fu(140, "in_progress", 55, {
        done: "Kenttävaihe päättyi: 5 900 vastausta, vastausaste 30 %.",
        next: "Analyysi ja suurpiirikohtaiset raportit.",
        public: "Turvallisuustutkimukseen vastasi 5 900 helsinkiläistä; tulokset julkaistaan suurpiireittäin.",
      }),
      fu(15, "in_progress", 80, {
        done: "Koko kaupungin tulokset valmistuivat; 83 % kokee asuinalueensa turvalliseksi iltaisin.",
        next: "Suurpiirikohtaiset raportit ja asukastilaisuudet.",
        public: "Turvallisuustutkimuksen mukaan 83 % helsinkiläisistä kokee asuinalueensa turvalliseksi iltaisin.",
      }),
    ],
  },
  {
    code: "6.2",
    title: "Asukkaiden turvallisuussuunnitelmat kolmella pilottialueella",
    description:
      "Kaupunginkanslia tukee Kallion, Malmin ja Vuosaaren asukkaita oman alueen turvallisuus- ja hyvinvointisuunnitelman laatimisessa Lähiturva-palvelussa. Tukena ovat alueverkostot ja kaupunginosayhdistykset, ja suunnitelmien toimenpiteet kytketään kaupungin suunnitelmaan. Kokemusten perusteella laaditaan malli muille alueille.",
    owner: "kanslia",
    responsible: "mikael",
    partners: ["helka"],
    start: -290,
    end: 430,
    districts: [KALLIO, MALMI, VUOSAARI],
    budget: 40_000,
    goals: ["5", "3"],
    tasks: [
      ["Aloitustyöpajat pilottialueilla", -230, "done"],
      ["Ensimmäisten suunnitelmien julkaisu", 80, "open"],
    ],
    proposedBy: "mikael",
    approved: { by: "coordinator", ago: 300 },
    history: [
      fu(230, "in_progress", 20, {
        done: "Aloitustyöpajat pidettiin kolmella alueella; osallistujia 96.",
        next: "Asukasryhmien suunnitelmaluonnokset.",
        public: "Kallion, Malmin ja Vuosaaren asukkaat aloittivat omien turvallisuussuunnitelmiensa laatimisen.",
      }),
      fu(120, "in_progress", 40, {
        done: "Kallion asukasryhmä jätti suunnitelmaluonnoksen alueverkoston kommentoitavaksi.",
        next: "Malmin ja Vuosaaren luonnokset.",
        by: "katariina",
      }),
      fu(30, "in_progress", 50, {
        done: "Kolme suunnitelmaluonnosta on laadittu; alueverkostot ovat kommentoineet kahta.",
        next: "Ensimmäisten suunnitelmien julkaisu.",
        obstacles: "Vuosaaren asukasryhmään tarvitaan lisää nuoria ja maahan muuttaneita asukkaita.",
      }),
    ],
  },
  {
    code: "6.3",
    title: "Kerro kartalla -palautteen hyödyntäminen turvallisuustyössä",
    description:
      "Kerro kartalla -palveluun tulevat turvallisuuteen liittyvät havainnot luokitellaan ja välitetään neljännesvuosittain alueverkostoille ja asiantuntijaryhmälle. Palautteiden perusteella tehdyistä korjauksista kerrotaan asukkaille kartalla. Luokittelussa hyödynnetään kaupunkiympäristön palautejärjestelmää.",
    owner: "urbanEnvironment",
    responsible: "henrik",
    partners: ["kanslia"],
    start: -280,
    goals: ["5", "3"],
    proposedBy: "henrik",
    approved: { by: "coordinator", ago: 300 },
    history: [
      fu(200, "in_progress", 25, {
        done: "Turvallisuuspalautteiden luokitus sovittiin; ensimmäinen neljännesraportti verkostoille.",
        next: "Korjauksista kertominen kartalla.",
      }),
      fu(50, "in_progress", 45, {
        done: "Neljännesraportteja on toimitettu kolme; 410 turvallisuushavaintoa, joista 120 johti korjaukseen.",
        next: "Korjausten näyttäminen kartalla asukkaille.",
        public: "Asukkaiden Kerro kartalla -havainnoista 120 on johtanut korjaukseen.",
      }),
    ],
  },
  {
    code: "6.4",
    title: "Turvallisuuskävelyt yhdessä asukkaiden kanssa",
    description:
      "Kaupunginosayhdistykset järjestävät turvallisuuskävelyjä, joihin osallistuvat asukkaat, lähipoliisi ja kaupungin edustajat. Kävelyillä havaitut puutteet kirjataan Lähiturvaan ja välitetään korjattaviksi. Kävelyjä järjestetään kahdesti vuodessa jokaisella pilottialueella.",
    owner: "helka",
    responsible: "heikki",
    partners: ["police", "urbanEnvironment"],
    start: -280,
    end: 400,
    districts: [KALLIO, MALMI, VUOSAARI, MELLUNKYLA],
    goals: ["5", "3"],
    tasks: [
      ["Kevään turvallisuuskävelyt Kalliossa ja Kontulassa", -180, "done"],
      ["Turvallisuuskävelyt Malmilla ja Vuosaaressa", -20, "open"],
    ],
    proposedBy: "heikki",
    approved: { by: "coordinator", ago: 300 },
    history: [
      fu(170, "in_progress", 25, {
        done: "Kävelyt pidettiin Kalliossa ja Kontulassa; 58 osallistujaa ja 34 kirjattua havaintoa.",
        next: "Kävelyt Malmilla ja Vuosaaressa.",
        public: "Kallion ja Kontulan turvallisuuskävelyillä asukkaat kirjasivat 34 korjattavaa kohdetta.",
      }),
      fu(30, "delayed", 40, {
        done: "Kallion havainnoista 20 on korjattu.",
        next: "Malmin ja Vuosaaren kävelyt uudella aikataululla.",
        obstacles: "Malmin ja Vuosaaren kävelyt siirtyivät, koska lähipoliisi ja kaupungin edustajat eivät päässeet sovittuina päivinä.",
      }),
    ],
  },
  {
    code: "6.5",
    title: "Kotivara ja omatoiminen varautuminen: kaupunginosaillat",
    description:
      "Pelastuslaitos ja SPR järjestävät kaupunginosailtoja kotivarasta, sähkökatkoihin varautumisesta ja naapuriavusta. Illoissa jaetaan varautumisopas ja kootaan asukkaiden yhteystiedot naapuriapuverkostoja varten. Toimenpide tukee kaupungin valmiussuunnittelua.",
    owner: "rescue",
    responsible: "riikka",
    partners: ["redCross"],
    start: -300,
    end: -10,
    goals: ["6", "5"],
    tasks: [
      ["Varautumisoppaan päivitys", -260, "done"],
      ["Illat kaikissa suurpiireissä", -15, "done"],
    ],
    proposedBy: "riikka",
    approved: { by: "coordinator", ago: 310 },
    history: [
      fu(240, "in_progress", 30, {
        done: "Varautumisopas päivitettiin; kolme iltaa pidettiin 210 osallistujalle.",
        next: "Illat muissa suurpiireissä.",
      }),
      fu(120, "in_progress", 70, {
        done: "Iltoja on pidetty kuudessa suurpiirissä; 640 osallistujaa.",
        next: "Östersundomin ja kaakkoisen suurpiirin illat.",
        public: "Kotivara-iltoihin on osallistunut jo yli 600 asukasta.",
      }),
      fu(8, "completed", 100, {
        done: "Illat pidettiin kaikissa kahdeksassa suurpiirissä, yhteensä 820 osallistujaa; 11 naapuriapuverkostoa perustettiin.",
        public: "Kotivara-illat pidettiin kaikissa suurpiireissä; asukkaat perustivat 11 naapuriapuverkostoa.",
      }),
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// The closed 2011–2014 plan, as history

const OLD_PLAN = {
  nameFi: "Helsingin kaupungin turvallisuussuunnitelma 2011–2014",
  nameSv: "Helsingfors stads säkerhetsplan 2011–2014",
  nameEn: "City of Helsinki Safety Plan 2011–2014",
  descriptionFi:
    "Suunnitelma paransi yleisen kaupunkitilan, joukkoliikenteen ja yritysten toimintaympäristön turvallisuutta sekä virastojen ja liikelaitosten turvallisuusasioiden koordinaatiota. Suunnitelman toimeenpanoon osallistuivat myös alueelliset toimijat, kuten HSL.",
  descriptionSv:
    "Planen förbättrade tryggheten i det offentliga stadsrummet, kollektivtrafiken och företagens verksamhetsmiljö samt samordningen av säkerhetsfrågor mellan förvaltningar och affärsverk.",
  descriptionEn:
    "The plan improved safety in public space, public transport and the business environment, and coordinated safety matters across city departments and enterprises.",
  periodStart: "2011-01-01",
  periodEnd: "2014-12-31",
  status: "closed" as const,
  decisionDate: "2011-02-07",
  decisionBody: "Kaupunginhallitus",
  decisionReference: "HEL 2010-008123, § 142",
  updateIntervalDays: 180,
  published: true,
};

const OLD_PRIORITY_AREA = {
  code: "1",
  fi: "Kaupunkitilan, joukkoliikenteen ja yritysten toimintaympäristön turvallisuus",
  sv: "Trygghet i stadsrummet, kollektivtrafiken och företagens verksamhetsmiljö",
  en: "Safety of public space, public transport and the business environment",
};

const OLD_MEASURES: { code: string; title: string; description: string; owner: OrgKey; done: string }[] = [
  {
    code: "1.1",
    title: "Ravintola-alueiden järjestyksenvalvonnan yhteistyömalli",
    description:
      "Poliisi, kaupunki ja ravintola-alan yrittäjät sopivat keskustan ravintola-alueiden järjestyksenvalvonnan yhteistyöstä ja tiedonvaihdosta.",
    owner: "police",
    done: "Yhteistyömalli otettiin käyttöön keskustassa ja Kalliossa; järjestyksenvalvojien yhteiskoulutukset vakiintuivat.",
  },
  {
    code: "1.2",
    title: "Metroasemien turvallisuuskartoitus ja parannukset",
    description: "HSL kartoitti metroasemien turvallisuuspuutteet ja korjasi valaistuksen, näkyvyyden ja hätäpuhelinten puutteet.",
    owner: "hsl",
    done: "Kaikki 17 metroasemaa kartoitettiin ja 42 parannusta toteutettiin.",
  },
  {
    code: "1.3",
    title: "Virastojen ja liikelaitosten turvallisuuskoordinaation yhtenäistäminen",
    description: "Kaupunginkanslia kokosi virastojen turvallisuusvastaavat verkostoksi ja yhtenäisti turvallisuusasioiden raportoinnin.",
    owner: "kanslia",
    done: "Turvallisuusvastaavien verkosto kokoontui neljännesvuosittain ja yhteinen raportointimalli otettiin käyttöön.",
  },
];

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;

/** A calendar day in Helsinki as "YYYY-MM-DD". */
function helsinkiDate(d: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Helsinki", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}

/** Fixed-date timestamps: mid-morning in Helsinki. */
const onDay = (isoDate: string) => new Date(`${isoDate}T10:00:00+02:00`);

// ---------------------------------------------------------------------------------------------
// Checks: a broken seed should fail loudly, not produce a demo with impossible data.

const CLOSED: MeasureStatus[] = ["completed", "discontinued"];

function checkMeasure(m: MeasureSeed, refs: CityPlanRefs): void {
  const fail = (why: string) => {
    throw new Error(`Demo measure ${m.code}: ${why}`);
  };
  if (m.responsible) {
    const orgs = refs.expertOrgs.get(STAFF[m.responsible]);
    if (!orgs?.has(m.owner)) fail(`${m.responsible} is not an expert-group member for ${m.owner}`);
  } else if (refs.expertOrgs.size && [...refs.expertOrgs.values()].some((s) => s.has(m.owner))) {
    fail(`${m.owner} has an expert-group member who should be responsible`);
  }
  if (m.shares) {
    const total = Math.round(m.shares.reduce((sum, [, p]) => sum + p, 0) * 100);
    if (total !== 10_000) fail("cost shares do not total 100 %");
  }
  if (m.end !== undefined && m.end < m.start) fail("ends before it starts");
  const history = m.history ?? [];
  if (!m.approved) {
    if (history.length) fail("a proposal has no follow-ups");
    return;
  }
  if (!history.length) fail("an approved measure needs at least one follow-up");
  let previous = m.approved.ago;
  for (const f of history) {
    if (f.ago > previous) fail("follow-ups must come after the approval, oldest first");
    previous = f.ago;
  }
  const last = history[history.length - 1];
  if (last.status === "completed" && last.progress !== 100) fail("completed but not at 100 %");
  if (CLOSED.includes(last.status) && m.tasks?.some(([, , state]) => state === "open")) fail("closed with open tasks");
}

// ---------------------------------------------------------------------------------------------

/**
 * Inserts the strategy, the current and the closed safety plan with their priority areas and
 * measures. Runs inside the caller's transaction, after people, organisations and areas exist.
 */
export function seedCityPlan(tx: DbOrTx, refs: CityPlanRefs, now: Date): void {
  const org = (key: OrgKey) => {
    const id = refs.orgIds.get(key);
    if (id === undefined) throw new Error(`Demo seed refers to unknown organisation ${key}`);
    return id;
  };
  const user = (person: Person) => {
    const id = refs.userIds.get(STAFF[person]);
    if (id === undefined) throw new Error(`Demo seed refers to unknown person ${STAFF[person]}`);
    return id;
  };
  const dateIn = (days: number) => helsinkiDate(new Date(now.getTime() + days * DAY_MS));
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

  // Level 1 ----------------------------------------------------------------------------------
  const strategyId = tx.insert(strategies).values(STRATEGY).returning({ id: strategies.id }).get().id;
  const goalIds = new Map<string, number>();
  for (const g of STRATEGY_GOALS) {
    const row = tx
      .insert(strategyGoals)
      .values({ strategyId, code: g.code, nameFi: g.fi, nameSv: g.sv, nameEn: g.en, descriptionFi: g.descriptionFi })
      .returning({ id: strategyGoals.id })
      .get();
    goalIds.set(g.code, row.id);
  }

  // The closed plan first, so it has the lower id -------------------------------------------
  const oldPlanId = tx.insert(safetyPlans).values(OLD_PLAN).returning({ id: safetyPlans.id }).get().id;
  const oldAreaId = tx
    .insert(priorityAreas)
    .values({
      planId: oldPlanId,
      code: OLD_PRIORITY_AREA.code,
      nameFi: OLD_PRIORITY_AREA.fi,
      nameSv: OLD_PRIORITY_AREA.sv,
      nameEn: OLD_PRIORITY_AREA.en,
    })
    .returning({ id: priorityAreas.id })
    .get().id;
  for (const year of [2011, 2012, 2013, 2014]) {
    tx.insert(priorityAreaYears).values({ priorityAreaId: oldAreaId, year, decisionNote: "Kaupunginhallitus 7.2.2011 § 142." }).run();
  }
  const oldClosedAt = onDay("2014-12-15");
  for (const m of OLD_MEASURES) {
    const measureId = tx
      .insert(measures)
      .values({
        planId: oldPlanId,
        priorityAreaId: oldAreaId,
        code: m.code,
        title: m.title,
        description: m.description,
        ownerOrganisationId: org(m.owner),
        startDate: "2011-03-01",
        endDate: "2014-12-31",
        status: "completed",
        progress: 100,
        lastFollowUpAt: oldClosedAt,
        approvedAt: onDay(OLD_PLAN.decisionDate),
      })
      .returning({ id: measures.id })
      .get().id;
    tx.insert(followUps)
      .values({
        measureId,
        reportedAt: oldClosedAt,
        status: "completed",
        progress: 100,
        done: m.done,
        publicText: m.done,
      })
      .run();
  }

  // Level 2: the plan in force ---------------------------------------------------------------
  const planId = tx
    .insert(safetyPlans)
    .values({ ...CURRENT_PLAN, strategyId })
    .returning({ id: safetyPlans.id })
    .get().id;

  const areaIdByCode = new Map<string, number>();
  for (const pa of PRIORITY_AREAS) {
    const row = tx
      .insert(priorityAreas)
      .values({
        planId,
        code: pa.code,
        nameFi: pa.fi,
        nameSv: pa.sv,
        nameEn: pa.en,
        descriptionFi: pa.descriptionFi,
        descriptionSv: pa.descriptionSv,
        descriptionEn: pa.descriptionEn,
      })
      .returning({ id: priorityAreas.id })
      .get();
    areaIdByCode.set(pa.code, row.id);
    for (const [year, decisionNote] of pa.years) {
      tx.insert(priorityAreaYears).values({ priorityAreaId: row.id, year, decisionNote }).run();
    }
  }

  for (const m of MEASURES) {
    checkMeasure(m, refs);
    const priorityAreaId = areaIdByCode.get(m.code.split(".")[0]);
    if (priorityAreaId === undefined) throw new Error(`Demo measure ${m.code} has no priority area`);
    const history = m.history ?? [];
    const last = history[history.length - 1];

    const measureId = tx
      .insert(measures)
      .values({
        planId,
        priorityAreaId,
        code: m.code,
        title: m.title,
        titleSv: SWEDISH_TITLES[m.code] ?? null,
        description: m.description,
        ownerOrganisationId: org(m.owner),
        responsibleUserId: m.responsible ? user(m.responsible) : null,
        startDate: dateIn(m.start),
        endDate: m.end === undefined ? null : dateIn(m.end),
        continuous: m.end === undefined,
        cityWide: !m.districts?.length,
        budgetEur: m.budget ?? null,
        status: last?.status ?? "proposed",
        progress: last?.progress ?? 0,
        lastFollowUpAt: last ? daysAgo(last.ago) : null,
        // Proposals are internal until the coordinator or the steering group approves them.
        published: !!m.approved,
        proposedById: user(m.proposedBy),
        approvedById: m.approved ? user(m.approved.by) : null,
        approvedAt: m.approved ? daysAgo(m.approved.ago) : null,
        updatedAt: last ? daysAgo(last.ago) : now,
      })
      .returning({ id: measures.id })
      .get().id;

    for (const code of m.goals) {
      const goalId = goalIds.get(code);
      if (goalId === undefined) throw new Error(`Demo measure ${m.code} refers to unknown goal ${code}`);
      tx.insert(measureGoals).values({ measureId, goalId }).run();
    }
    for (const partner of m.partners ?? []) {
      tx.insert(measurePartners)
        .values({ measureId, organisationId: org(partner) })
        .run();
    }
    for (const code of m.districts ?? []) {
      tx.insert(measureAreas)
        .values({ measureId, areaId: requireAreaId(refs.areaIds, "district", code) })
        .run();
    }
    for (const [key, percent] of m.shares ?? []) {
      tx.insert(measureCostShares)
        .values({ measureId, organisationId: org(key), percent })
        .run();
    }
    (m.tasks ?? []).forEach(([title, due, state], position) => {
      tx.insert(measureTasks)
        .values({ measureId, title, titleSv: SWEDISH_TASK_TITLES[title] ?? null, dueDate: dateIn(due), state, position })
        .run();
    });
    for (const f of history) {
      const reporter = f.by ?? m.responsible ?? m.reporter;
      tx.insert(followUps)
        .values({
          measureId,
          reportedById: reporter ? user(reporter) : null,
          reportedAt: daysAgo(f.ago),
          status: f.status,
          progress: f.progress,
          done: f.done,
          next: f.next ?? "",
          obstacles: f.obstacles ?? "",
          publicText: f.public ?? "",
        })
        .run();
    }
  }
}
