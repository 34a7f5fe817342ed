// Demo map observations: a few dozen in the networks' areas (Kallio and Alppiharju, Malmi,
// Vuosaari) and a few elsewhere, dated over the past year relative to `now`, in every state:
// waiting for approval, refused with a reason, approved and open, received, forwarded to an
// organisation, linked to a city measure with a reply, and resolved. Points fall inside the demo's
// approximate boundaries (db/seed/area-boundaries.ts) and are placed by the same geometry as the app.
import { and, eq, ne } from "drizzle-orm";
import { measures, observationCategories, observations } from "../schema";
import { placePoint } from "../../app/server/observations/geo";
import { demoAreaBoxes } from "./area-boundaries";
import { requireAreaId, type AreaIds, type DbOrTx } from "./areas";
import type { OrgKey } from "./demo-city";

export type ObservationRefs = { userIds: ReadonlyMap<string, string>; areaIds: AreaIds; orgIds: ReadonlyMap<OrgKey, number> };

const DAY_MS = 86_400_000;

type Seed = {
  /** Where: a sub-area (or a district) by level and code; the point is drawn inside its box. */
  at: ["sub_area" | "district", string];
  /** Or no point: the reporter chose the area and typed an address. */
  address?: string;
  category: string;
  time: "morning" | "day" | "evening" | "night" | "any";
  day: "weekday" | "weekend" | "any";
  text: string;
  by: string;
  daysAgo: number;
  state: "pending" | "refused" | "open" | "received" | "forwarded" | "linked" | "resolved";
  refusal?: string;
  reply?: string;
  org?: OrgKey;
};

const R = "asukas@demo.lahiturva.fi";
const AINO = "aino.heinonen@demo.lahiturva.fi";
const SOFIA = "sofia.koivisto@demo.lahiturva.fi";
const MARJA = "marja-liisa.pulkkinen@demo.lahiturva.fi";
const KALLE = "kalle.nurmi@demo.lahiturva.fi";
const BJORN = "bjorn.holmstrom@demo.lahiturva.fi";

const SEEDS: Seed[] = [
  {
    at: ["sub_area", "30102"],
    category: "lighting",
    time: "evening",
    day: "any",
    text: "Karhupuiston poikki kulkeva polku on pimeä, kaksi lamppua rikki.",
    by: R,
    daysAgo: 12,
    state: "linked",
    reply: "Valaistuksen korjaus kuuluu toimenpiteeseen; lamput vaihdetaan marraskuussa.",
  },
  {
    at: ["sub_area", "30102"],
    category: "disturbance",
    time: "night",
    day: "weekend",
    text: "Vaasanaukiolla meluavia porukoita viikonloppuöisin.",
    by: R,
    daysAgo: 40,
    state: "forwarded",
    org: "police",
    reply: "Välitetty poliisin ennalta estävälle toiminnalle.",
  },
  {
    at: ["sub_area", "30102"],
    category: "traffic",
    time: "morning",
    day: "weekday",
    text: "Suojatie koulun edessä: autot eivät pysähdy aamuisin.",
    by: AINO,
    daysAgo: 75,
    state: "resolved",
    reply: "Suojatien kohdalle on lisätty hidastetöyssy.",
  },
  {
    at: ["sub_area", "30101"],
    category: "unsafe",
    time: "night",
    day: "any",
    text: "Sillan alikulku tuntuu turvattomalta öisin.",
    by: AINO,
    daysAgo: 20,
    state: "received",
    reply: "Kiitos, otamme asian verkoston kokoukseen.",
  },
  {
    at: ["sub_area", "30103"],
    category: "vandalism",
    time: "night",
    day: "weekend",
    text: "Puiston penkit rikottu jo toisen kerran.",
    by: AINO,
    daysAgo: 100,
    state: "resolved",
    reply: "Penkit on vaihdettu.",
  },
  {
    at: ["sub_area", "30104"],
    category: "drugs",
    time: "evening",
    day: "any",
    text: "Käytettyjä neuloja leikkipuiston reunalla.",
    by: R,
    daysAgo: 8,
    state: "forwarded",
    org: "urbanEnvironment",
    reply: "Välitetty kaupunkiympäristön siivoukseen.",
  },
  {
    at: ["sub_area", "30105"],
    category: "traffic",
    time: "day",
    day: "weekday",
    text: "Työmaa-ajoneuvot ajavat kevyen liikenteen väylällä.",
    by: R,
    daysAgo: 150,
    state: "open",
  },
  {
    at: ["sub_area", "30106"],
    category: "lighting",
    time: "evening",
    day: "any",
    text: "Rantareitti on täysin valaisematon.",
    by: AINO,
    daysAgo: 200,
    state: "linked",
    reply: "Reitin valaistus on mukana toimenpiteessä.",
  },
  {
    at: ["sub_area", "30201"],
    category: "unsafe",
    time: "evening",
    day: "weekday",
    text: "The underpass to the park feels unsafe after dark.",
    by: SOFIA,
    daysAgo: 30,
    state: "received",
  },
  {
    at: ["sub_area", "30201"],
    category: "lighting",
    time: "night",
    day: "any",
    text: "Streetlights on the hill path are out.",
    by: SOFIA,
    daysAgo: 5,
    state: "open",
  },
  {
    at: ["sub_area", "30202"],
    category: "disturbance",
    time: "night",
    day: "weekend",
    text: "Ilotulitteita ammutaan kerrostalojen pihoilla.",
    by: SOFIA,
    daysAgo: 330,
    state: "resolved",
    reply: "Asiasta tiedotettiin taloyhtiöille.",
  },
  {
    at: ["sub_area", "30202"],
    category: "vandalism",
    time: "any",
    day: "any",
    text: "Bussipysäkin lasit rikottu.",
    by: R,
    daysAgo: 60,
    state: "forwarded",
    org: "hsl",
    reply: "Välitetty HSL:lle.",
  },
  {
    at: ["sub_area", "30102"],
    address: "Fleminginkatu 10",
    category: "lighting",
    time: "evening",
    day: "any",
    text: "Porttikongin valo ei toimi.",
    by: R,
    daysAgo: 3,
    state: "pending",
  },
  {
    at: ["sub_area", "30102"],
    category: "other",
    time: "day",
    day: "weekday",
    text: "Naapurin nimi ja osoite tähän – hän häiritsee kaikkia.",
    by: R,
    daysAgo: 9,
    state: "refused",
    refusal: "Havainnossa nimetään yksityishenkilö. Kuvaa tilanne ilman nimiä ja lähetä uudelleen.",
  },
  {
    at: ["sub_area", "30103"],
    category: "traffic",
    time: "morning",
    day: "weekday",
    text: "Pyöräkaista päättyy yllättäen risteykseen.",
    by: AINO,
    daysAgo: 2,
    state: "pending",
  },
  {
    at: ["sub_area", "50302"],
    category: "lighting",
    time: "evening",
    day: "any",
    text: "Asemalta kotiin johtava kevyen liikenteen väylä on pimeä.",
    by: MARJA,
    daysAgo: 18,
    state: "linked",
    reply: "Mukana valaistuksen parantamisen toimenpiteessä.",
  },
  {
    at: ["sub_area", "50302"],
    category: "unsafe",
    time: "night",
    day: "weekend",
    text: "Aseman ympäristö tuntuu turvattomalta viikonloppuöisin.",
    by: MARJA,
    daysAgo: 45,
    state: "forwarded",
    org: "police",
    reply: "Välitetty poliisille.",
  },
  {
    at: ["sub_area", "50301"],
    category: "drugs",
    time: "evening",
    day: "any",
    text: "Huumeiden myyntiä ostoskeskuksen takana.",
    by: MARJA,
    daysAgo: 90,
    state: "received",
  },
  {
    at: ["sub_area", "50301"],
    category: "vandalism",
    time: "night",
    day: "weekend",
    text: "Koulun ikkunoita rikottu.",
    by: MARJA,
    daysAgo: 250,
    state: "resolved",
    reply: "Koulun pihalle asennettiin valaistus.",
  },
  {
    at: ["district", "502"],
    category: "traffic",
    time: "morning",
    day: "weekday",
    text: "Koulutien risteyksessä ei ole suojatietä.",
    by: MARJA,
    daysAgo: 120,
    state: "open",
  },
  {
    at: ["district", "502"],
    address: "Pukinmäen asema",
    category: "disturbance",
    time: "night",
    day: "weekend",
    text: "Asemalla häiriökäyttäytymistä öisin.",
    by: MARJA,
    daysAgo: 4,
    state: "pending",
  },
  {
    at: ["sub_area", "70404"],
    category: "disturbance",
    time: "evening",
    day: "any",
    text: "Nuorisoporukat kokoontuvat kauppakeskuksen edustalle, välillä tappeluita.",
    by: KALLE,
    daysAgo: 25,
    state: "forwarded",
    org: "youthServices",
    reply: "Välitetty jalkautuvalle nuorisotyölle.",
  },
  {
    at: ["sub_area", "70404"],
    category: "lighting",
    time: "evening",
    day: "any",
    text: "Metroaseman ja rannan välinen polku on pimeä.",
    by: KALLE,
    daysAgo: 50,
    state: "linked",
    reply: "Polku kuuluu valaistustoimenpiteeseen.",
  },
  {
    at: ["sub_area", "70406"],
    category: "unsafe",
    time: "night",
    day: "any",
    text: "Rantapuisto känns otrygg på natten.",
    by: BJORN,
    daysAgo: 35,
    state: "received",
    reply: "Tack, nätverket tar upp saken.",
  },
  {
    at: ["sub_area", "70406"],
    category: "traffic",
    time: "day",
    day: "weekend",
    text: "Mopeder kör på gångvägen längs stranden.",
    by: BJORN,
    daysAgo: 70,
    state: "open",
  },
  {
    at: ["sub_area", "70405"],
    category: "vandalism",
    time: "night",
    day: "weekend",
    text: "Graffitia koulun seinissä joka viikonloppu.",
    by: KALLE,
    daysAgo: 140,
    state: "resolved",
    reply: "Seinät pestiin ja alueelle tuli kameravalvonta.",
  },
  {
    at: ["sub_area", "70401"],
    category: "drugs",
    time: "evening",
    day: "weekday",
    text: "Huumeiden käyttöä uimarannan pukukopeilla.",
    by: KALLE,
    daysAgo: 210,
    state: "forwarded",
    org: "police",
  },
  {
    at: ["sub_area", "70402"],
    category: "other",
    time: "any",
    day: "any",
    text: "Hylätty auto parkkipaikalla kuukausia.",
    by: KALLE,
    daysAgo: 160,
    state: "resolved",
    reply: "Auto siirrettiin.",
  },
  {
    at: ["sub_area", "70403"],
    category: "lighting",
    time: "evening",
    day: "any",
    text: "Kuntoradan valot sammuvat jo kymmeneltä.",
    by: BJORN,
    daysAgo: 290,
    state: "received",
  },
  {
    at: ["sub_area", "70404"],
    category: "unsafe",
    time: "night",
    day: "any",
    text: "Här bor en viss person som …",
    by: BJORN,
    daysAgo: 14,
    state: "refused",
    refusal: "Observationen pekar ut en privatperson. Beskriv platsen utan namn.",
  },
  {
    at: ["sub_area", "70406"],
    address: "Aurinkolahden uimaranta",
    category: "disturbance",
    time: "night",
    day: "weekend",
    text: "Rannalla häiritsevää juhlimista kesäöisin.",
    by: BJORN,
    daysAgo: 1,
    state: "pending",
  },
  {
    at: ["district", "101"],
    category: "unsafe",
    time: "night",
    day: "weekend",
    text: "Kauppatorin ympäristö tuntuu turvattomalta viikonloppuöisin.",
    by: SOFIA,
    daysAgo: 65,
    state: "received",
  },
  {
    at: ["district", "303"],
    category: "traffic",
    time: "morning",
    day: "weekday",
    text: "Raitiovaunupysäkillä ahdasta, lapset joutuvat ajoradalle.",
    by: R,
    daysAgo: 110,
    state: "forwarded",
    org: "hsl",
    reply: "Välitetty HSL:lle.",
  },
  {
    at: ["district", "304"],
    category: "lighting",
    time: "evening",
    day: "any",
    text: "Pasilan sillan portaat ovat pimeät.",
    by: AINO,
    daysAgo: 180,
    state: "open",
  },
  {
    at: ["district", "401"],
    category: "vandalism",
    time: "night",
    day: "any",
    text: "Kirjaston ovi rikottu.",
    by: R,
    daysAgo: 300,
    state: "resolved",
    reply: "Ovi korjattu.",
  },
  {
    at: ["district", "203"],
    category: "other",
    time: "day",
    day: "any",
    text: "Puistossa kaatunut puu tukkii polun.",
    by: SOFIA,
    daysAgo: 22,
    state: "pending",
  },
];

/** A small deterministic random source: the demo is the same on every seeding. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

export function seedObservations(tx: DbOrTx, refs: ObservationRefs, now: Date): number {
  const boxes = demoAreaBoxes();
  const next = random(17);
  const categories = new Map(
    tx
      .select({ id: observationCategories.id, code: observationCategories.code })
      .from(observationCategories)
      .all()
      .map((c) => [c.code, c.id]),
  );
  // A published measure to link to: the first one in progress.
  const measureId =
    tx
      .select({ id: measures.id })
      .from(measures)
      .where(and(eq(measures.status, "in_progress"), ne(measures.cityWide, true)))
      .get()?.id ??
    tx.select({ id: measures.id }).from(measures).where(eq(measures.status, "in_progress")).get()?.id ??
    null;
  const placeable = [...boxes].map(([key, b]) => {
    const [level, code] = key.split(":") as [string, string];
    const id = refs.areaIds.get(key as `${"sub_area"}:${string}`);
    return {
      id: id!,
      level,
      code,
      boundary: {
        type: "Polygon" as const,
        coordinates: [
          [
            [b.west, b.south],
            [b.east, b.south],
            [b.east, b.north],
            [b.west, b.north],
            [b.west, b.south],
          ],
        ],
      },
    };
  });
  const reviewer = refs.userIds.get("verkosto@demo.lahiturva.fi") ?? null;
  const handler = refs.userIds.get("asiantuntija@demo.lahiturva.fi") ?? null;
  for (const s of SEEDS) {
    const box = boxes.get(`${s.at[0]}:${s.at[1]}`);
    if (!box) throw new Error(`Demo observation in unknown area ${s.at.join(" ")}`);
    const createdAt = new Date(now.getTime() - s.daysAgo * DAY_MS - Math.floor(next() * 8) * 3_600_000);
    let areaId = requireAreaId(refs.areaIds, s.at[0], s.at[1]);
    let point: { lat: number; lng: number } | null = null;
    if (!s.address) {
      // Inside the box, away from its edges.
      point = {
        lat: box.south + (box.north - box.south) * (0.15 + 0.7 * next()),
        lng: box.west + (box.east - box.west) * (0.15 + 0.7 * next()),
      };
      const placed = placePoint(placeable, point);
      areaId = (placed.get("small_area") ?? placed.get("sub_area") ?? placed.get("district"))?.id ?? areaId;
    }
    const reviewed = s.state !== "pending";
    const handled = reviewed && s.state !== "refused" && s.state !== "open";
    const reporterId = refs.userIds.get(s.by);
    if (!reporterId) throw new Error(`Demo observation by unknown person ${s.by}`);
    tx.insert(observations)
      .values({
        reporterId,
        areaId,
        lat: point?.lat ?? null,
        lng: point?.lng ?? null,
        address: s.address ?? null,
        categoryId: categories.get(s.category)!,
        timeOfDay: s.time,
        dayType: s.day,
        description: s.text,
        review: s.state === "pending" ? "pending" : s.state === "refused" ? "refused" : "approved",
        reviewedById: reviewed ? reviewer : null,
        reviewedAt: reviewed ? new Date(createdAt.getTime() + DAY_MS) : null,
        refusalReason: s.refusal ?? null,
        handling: handled ? (s.state as "received" | "forwarded" | "linked" | "resolved") : "open",
        forwardedToId: s.org ? (refs.orgIds.get(s.org) ?? null) : null,
        measureId: s.state === "linked" ? measureId : null,
        publicReply: s.reply ?? null,
        handledById: handled ? handler : null,
        handledAt: handled ? new Date(createdAt.getTime() + 3 * DAY_MS) : null,
        createdAt,
        updatedAt: createdAt,
      })
      .run();
  }
  return SEEDS.length;
}
