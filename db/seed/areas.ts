// The demo city's district hierarchy, modelled on Helsinki: 8 major districts (suurpiiri),
// their basic districts (peruspiiri) with real names, sub-areas (osa-alue) for the districts the
// demo networks work in, and a few small areas (pienalue).
//
// Codes: major district "1"–"8"; district = major + 2 digits ("301" Kallio); sub-area = district
// + 2 digits ("30102" Linjat); small area = sub-area + 2 digits ("3010201"). The scheme is ours,
// chosen so that a code reveals its ancestors; only the major and district numbers follow
// Helsinki's statistics.
import { areas, type AreaLevel } from "../schema";
import type { Db } from "../client";

type AreaNode = { code: string; nameFi: string; nameSv?: string; children?: AreaNode[] };

/** Small helper so the tree below reads like a list of names. */
const a = (code: string, nameFi: string, nameSv?: string, children?: AreaNode[]): AreaNode => ({
  code,
  nameFi,
  nameSv,
  children,
});

export const DEMO_CITY_AREAS: AreaNode[] = [
  a("1", "Eteläinen", "Södra", [
    a("101", "Vironniemi", "Estnäs"),
    a("102", "Ullanlinna", "Ulrikasborg"),
    a("103", "Kampinmalmi", "Kampmalmen"),
    a("104", "Taka-Töölö", "Bortre Tölö"),
    a("105", "Lauttasaari", "Drumsö"),
  ]),
  a("2", "Läntinen", "Västra", [
    a("201", "Reijola", "Grejus"),
    a("202", "Munkkiniemi", "Munksnäs"),
    a("203", "Haaga", "Haga"),
    a("204", "Pitäjänmäki", "Sockenbacka"),
    a("205", "Kaarela", "Kårböle"),
  ]),
  a("3", "Keskinen", "Mellersta", [
    a("301", "Kallio", "Berghäll", [
      a("30101", "Siltasaari", "Broholmen"),
      a("30102", "Linjat", "Linjerna", [
        a("3010201", "Karhupuisto", "Björnparken"),
        a("3010202", "Vaasanaukio", "Vasaplatsen"),
        a("3010203", "Kallion kirkko", "Berghälls kyrka"),
      ]),
      a("30103", "Torkkelinmäki", "Torkelsbacken"),
      a("30104", "Vilhonvuori", "Vilhelmsberg"),
      a("30105", "Kalasatama", "Fiskehamnen"),
      a("30106", "Sompasaari", "Sumparn"),
    ]),
    // Harju belongs to Alppiharju, the district next to Kallio; the Kallio network covers both.
    a("302", "Alppiharju", "Åshöjden", [a("30201", "Harju", "Åsen"), a("30202", "Alppila", "Alphyddan")]),
    a("303", "Vallila", "Vallgård"),
    a("304", "Pasila", "Böle"),
    a("305", "Vanhakaupunki", "Gammelstaden"),
  ]),
  a("4", "Pohjoinen", "Norra", [
    a("401", "Maunula", "Månsas"),
    a("402", "Länsi-Pakila", "Västra Baggböle"),
    a("403", "Tuomarinkylä", "Domarby"),
    a("404", "Oulunkylä", "Åggelby"),
    a("405", "Itä-Pakila", "Östra Baggböle"),
  ]),
  a("5", "Koillinen", "Nordöstra", [
    a("501", "Latokartano", "Ladugården"),
    a("502", "Pukinmäki", "Bocksbacka"),
    a("503", "Malmi", "Malm", [
      a("50301", "Ala-Malmi", "Nedre Malm"),
      a("50302", "Ylä-Malmi", "Övre Malm"),
      a("50303", "Pihlajamäki", "Rönnbacka"),
      a("50304", "Pihlajisto", "Rönninge"),
      a("50305", "Tattarisuo", "Tattarmossen"),
      a("50306", "Malmin lentokenttä", "Malms flygfält"),
    ]),
    a("504", "Suutarila", "Skomakarböle"),
    a("505", "Puistola", "Parkstad"),
    a("506", "Jakomäki", "Jakobacka"),
  ]),
  a("6", "Kaakkoinen", "Sydöstra", [
    a("601", "Kulosaari", "Brändö"),
    a("602", "Herttoniemi", "Hertonäs", [
      a("60201", "Länsi-Herttoniemi", "Västra Hertonäs"),
      a("60202", "Roihuvuori", "Kasberget"),
      a("60203", "Herttoniemen yritysalue", "Hertonäs företagsområde"),
      a("60204", "Herttoniemenranta", "Hertonäs strand"),
      a("60205", "Tammisalo", "Tammelund"),
    ]),
    a("603", "Laajasalo", "Degerö"),
  ]),
  a("7", "Itäinen", "Östra", [
    a("701", "Vartiokylä", "Botby"),
    a("702", "Myllypuro", "Kvarnbäcken"),
    a("703", "Mellunkylä", "Mellungsby", [
      a("70301", "Kontula", "Gårdsbacka", [
        a("7030101", "Kontulan ostoskeskus", "Gårdsbacka köpcentrum"),
        a("7030102", "Keinutie", "Gungvägen"),
        a("7030103", "Kontulankaari", "Gårdsbackabågen"),
      ]),
      a("70302", "Vesala", "Ärvings"),
      a("70303", "Mellunmäki", "Mellungsbacka"),
      a("70304", "Kivikko", "Stensböle"),
      a("70305", "Kurkimäki", "Tranbacka"),
    ]),
    a("704", "Vuosaari", "Nordsjö", [
      a("70401", "Keski-Vuosaari", "Mellersta Nordsjö"),
      a("70402", "Nordsjön kartano", "Nordsjö gård"),
      a("70403", "Uutela", "Nybondas"),
      a("70404", "Meri-Rastila", "Havsrastböle"),
      a("70405", "Kallahti", "Kallvik"),
      a("70406", "Aurinkolahti", "Solvik"),
      a("70407", "Rastila", "Rastböle"),
      a("70408", "Niinisaari", "Bastö"),
    ]),
  ]),
  a("8", "Östersundom", "Östersundom", [a("801", "Östersundom", "Östersundom")]),
];

/** Depth in the tree gives the level: a code is unique only within its level. */
const LEVEL_BY_DEPTH: readonly AreaLevel[] = ["major_district", "district", "sub_area", "small_area"];

export type AreaKey = `${AreaLevel}:${string}`;
export const areaKey = (level: AreaLevel, code: string): AreaKey => `${level}:${code}`;

/** Area ids by level and code, e.g. `ids.get(areaKey("district", "301"))`. */
export type AreaIds = Map<AreaKey, number>;

/** Looks up an id the seed itself inserted; a miss is a typo in the seed, so fail loudly. */
export function requireAreaId(ids: AreaIds, level: AreaLevel, code: string): number {
  const id = ids.get(areaKey(level, code));
  if (id === undefined) throw new Error(`Demo seed refers to unknown area ${level} ${code}`);
  return id;
}

/** Either the database or a transaction on it: the seed runs inside one transaction. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

export function seedAreas(db: DbOrTx): AreaIds {
  const ids: AreaIds = new Map();
  // Parents are inserted before their children, so each parent id is already known.
  const insert = (node: AreaNode, depth: number, parentCode: string | null) => {
    const level = LEVEL_BY_DEPTH[depth];
    if (!level) throw new Error(`Area ${node.code} is nested deeper than a small area`);
    const parentId = parentCode === null ? null : requireAreaId(ids, LEVEL_BY_DEPTH[depth - 1], parentCode);
    const row = db
      .insert(areas)
      .values({ level, code: node.code, nameFi: node.nameFi, nameSv: node.nameSv ?? null, parentId })
      .returning({ id: areas.id })
      .get();
    ids.set(areaKey(level, node.code), row.id);
    for (const child of node.children ?? []) insert(child, depth + 1, node.code);
  };
  for (const major of DEMO_CITY_AREAS) insert(major, 0, null);
  return ids;
}
