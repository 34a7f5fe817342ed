// Demo indicators of the city safety plan 2025–2028: the sources a Finnish city actually follows
// (the city's own safety survey, police statistics, the rescue department, the school health
// promotion survey, HSL, the Someturva pilot's usage statistics, the secretariat's own records),
// with values by year or month and area, targets, and links to priority areas and measures.
// The figures are plausible but fictional. Someturva's months follow the pilot's dates, which the
// city plan seeds relative to the seeding day; everything else is fixed history.
import { and, eq, inArray } from "drizzle-orm";
import {
  indicatorMeasures,
  indicatorPriorityAreas,
  indicators,
  indicatorValues,
  measures,
  priorityAreas,
  safetyPlans,
  type IndicatorDirection,
  type IndicatorResolution,
} from "../schema";
import { requireAreaId, type AreaIds, type DbOrTx } from "./areas";

export type IndicatorRefs = { areaIds: AreaIds };

/** [period, value]; area codes: "1"–"8" major districts, three digits districts. */
type Series = [period: string, value: number][];

type IndicatorSeed = {
  key: string;
  fi: string;
  sv: string;
  en: string;
  unit: string;
  source: string;
  direction: IndicatorDirection;
  resolution: IndicatorResolution;
  descriptionFi: string;
  /** Priority-area codes and measure codes of the plan in force. */
  priorityAreas: string[];
  measures: string[];
  city: Series;
  targets: Series;
  majorDistricts?: Record<string, Series>;
  districts?: Record<string, Series>;
};

const years = (from: number, values: number[]): Series => values.map((v, i) => [String(from + i), v]);

/** The last `count` whole months before `now` (Helsinki time is close enough at month level). */
function monthsBefore(now: Date, count: number): string[] {
  const out: string[] = [];
  for (let back = count; back >= 1; back--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  return out;
}

function indicatorSeeds(now: Date): IndicatorSeed[] {
  // Someturva: nine reported months; the quarters add up to the 214, 301 and 268 contacts its
  // follow-up entries report (measure 5.2), with the summer dip of a school-year service.
  const pilotMonths = monthsBefore(now, 9);
  const pilotContacts = [58, 74, 82, 140, 95, 66, 61, 102, 105];

  return [
    {
      key: "turvallisuuden-tunne-ilta",
      fi: "Asukkaat, jotka kokevat oman asuinalueensa turvalliseksi arki-iltaisin",
      sv: "Invånare som upplever sitt eget bostadsområde som tryggt på vardagskvällar",
      en: "Residents who feel safe in their own neighbourhood on weekday evenings",
      unit: "%",
      source: "Helsingin turvallisuustutkimus (joka kolmas vuosi)",
      direction: "up",
      resolution: "year",
      descriptionFi:
        "Osuus vastaajista, jotka kokevat liikkumisen omalla asuinalueellaan arki-iltaisin kello 22 jälkeen melko tai hyvin turvalliseksi. Kaupungin turvallisuustutkimus tehdään joka kolmas vuosi; tulokset raportoidaan suurpiireittäin.",
      priorityAreas: ["6", "2"],
      measures: ["6.1", "6.4", "2.1"],
      city: [
        ["2018", 80.1],
        ["2021", 77.4],
        ["2024", 73.6],
      ],
      targets: [["2028", 80]],
      majorDistricts: {
        "1": [
          ["2018", 84.2],
          ["2021", 82.0],
          ["2024", 78.9],
        ],
        "2": [
          ["2018", 85.3],
          ["2021", 83.1],
          ["2024", 80.4],
        ],
        "3": [
          ["2018", 76.4],
          ["2021", 72.2],
          ["2024", 66.8],
        ],
        "4": [
          ["2018", 86.0],
          ["2021", 84.5],
          ["2024", 81.2],
        ],
        "5": [
          ["2018", 75.1],
          ["2021", 71.3],
          ["2024", 66.0],
        ],
        "6": [
          ["2018", 83.3],
          ["2021", 81.0],
          ["2024", 78.1],
        ],
        "7": [
          ["2018", 70.2],
          ["2021", 66.5],
          ["2024", 61.3],
        ],
        "8": [
          ["2018", 90.4],
          ["2021", 89.1],
          ["2024", 88.0],
        ],
      },
    },
    {
      key: "omaisuusrikokset",
      fi: "Poliisin tietoon tulleet omaisuusrikokset 1 000 asukasta kohden",
      sv: "Egendomsbrott som kommit till polisens kännedom per 1 000 invånare",
      en: "Property crimes reported to the police per 1,000 residents",
      unit: "rikosta / 1 000 as.",
      source: "Poliisin tilastot (Poliisin tietoon tullut rikollisuus)",
      direction: "down",
      resolution: "year",
      descriptionFi:
        "Varkaudet, näpistykset, vahingonteot, kavallukset ja petokset rikoksen tekopaikan mukaan, suhteutettuna alueen väkilukuun vuoden lopussa.",
      priorityAreas: ["2"],
      measures: ["2.2", "2.4", "2.5"],
      city: years(2019, [63.2, 55.8, 52.4, 57.9, 61.3, 59.7, 56.4]),
      targets: [
        ["2025", 58],
        ["2026", 56],
        ["2027", 54],
        ["2028", 52],
      ],
      districts: {
        "101": years(2019, [231.5, 176.2, 168.9, 204.3, 221.7, 212.0, 198.6]),
        "301": years(2019, [104.8, 93.5, 88.1, 97.2, 101.9, 99.4, 94.0]),
        "503": years(2019, [58.3, 52.7, 50.2, 55.0, 59.6, 57.1, 54.8]),
        "703": years(2019, [49.7, 45.1, 44.0, 47.9, 51.2, 50.3, 48.5]),
      },
    },
    {
      key: "vakivalta-yleisilla-paikoilla",
      fi: "Pahoinpitelyt yleisillä paikoilla 1 000 asukasta kohden",
      sv: "Misshandel på allmänna platser per 1 000 invånare",
      en: "Assaults in public places per 1,000 residents",
      unit: "rikosta / 1 000 as.",
      source: "Poliisin tilastot (Poliisin tietoon tullut rikollisuus)",
      direction: "down",
      resolution: "year",
      descriptionFi:
        "Poliisin tietoon tulleet pahoinpitelyt, joiden tekopaikka on katu, tori, puisto, liikenneasema tai muu yleinen paikka.",
      priorityAreas: ["2"],
      measures: ["2.2", "2.3"],
      city: years(2019, [4.9, 4.3, 4.1, 4.6, 5.0, 4.8, 4.6]),
      targets: [
        ["2025", 4.5],
        ["2026", 4.4],
        ["2027", 4.2],
        ["2028", 4.0],
      ],
      districts: {
        "101": years(2019, [17.2, 12.9, 12.1, 15.8, 17.9, 17.0, 16.1]),
        "301": years(2019, [10.4, 8.8, 8.3, 9.9, 10.8, 10.2, 9.6]),
      },
    },
    {
      key: "asuntopalot",
      fi: "Asuinrakennusten tulipalot 10 000 asukasta kohden",
      sv: "Bränder i bostadsbyggnader per 10 000 invånare",
      en: "Residential building fires per 10,000 residents",
      unit: "paloa / 10 000 as.",
      source: "Helsingin kaupungin pelastuslaitos (Pronto-onnettomuustilasto)",
      direction: "down",
      resolution: "year",
      descriptionFi:
        "Pelastuslaitoksen tehtävät, joissa asuinrakennuksessa on syttynyt rakennuspalo tai rakennuspalovaara, suhteutettuna väkilukuun.",
      priorityAreas: ["6"],
      measures: ["6.5"],
      city: years(2019, [2.9, 2.7, 2.8, 2.6, 2.5, 2.6, 2.4]),
      targets: [
        ["2025", 2.5],
        ["2028", 2.2],
      ],
    },
    {
      key: "koulukiusaaminen",
      fi: "8.- ja 9.-luokkalaiset, joita on kiusattu koulussa vähintään kerran viikossa",
      sv: "Elever i årskurs 8 och 9 som har mobbats i skolan minst en gång i veckan",
      en: "8th and 9th graders bullied at school at least once a week",
      unit: "%",
      source: "Kouluterveyskysely (THL, joka toinen vuosi)",
      direction: "down",
      resolution: "year",
      descriptionFi:
        "Osuus perusopetuksen 8. ja 9. luokan oppilaista, jotka kertovat tulleensa kiusatuksi koulussa vähintään kerran viikossa lukukauden aikana.",
      priorityAreas: ["1", "5"],
      measures: ["1.2", "5.2"],
      city: [
        ["2017", 6.8],
        ["2019", 6.3],
        ["2021", 6.9],
        ["2023", 7.4],
        ["2025", 7.1],
      ],
      targets: [
        ["2025", 6.5],
        ["2027", 6.0],
      ],
      majorDistricts: {
        "3": [
          ["2021", 6.4],
          ["2023", 7.0],
          ["2025", 6.6],
        ],
        "5": [
          ["2021", 7.5],
          ["2023", 8.1],
          ["2025", 7.9],
        ],
        "7": [
          ["2021", 7.8],
          ["2023", 8.4],
          ["2025", 8.0],
        ],
      },
    },
    {
      key: "someturva-yhteydenotot",
      fi: "Someturva-palveluun tulleet yhteydenotot",
      sv: "Kontakter till Someturva-tjänsten",
      en: "Contacts to the Someturva service",
      unit: "yhteydenottoa / kk",
      source: "Palveluntuottajan käyttötilastot (Someturva-pilotti)",
      direction: "up",
      resolution: "month",
      descriptionFi:
        "Nuorten ja koulujen henkilöstön Someturvaan tekemät ilmoitukset kuukausittain. Palveluntuottaja raportoi tilastot neljännesvuosittain pilotin yhteistyöryhmälle; tavoitteena on vähintään 70 yhteydenottoa kuukaudessa, jotta palvelu tavoittaa nuoret.",
      priorityAreas: ["5"],
      measures: ["5.2"],
      city: pilotMonths.map((m, i) => [m, pilotContacts[i]]),
      targets: pilotMonths.map((m) => [m, 70]),
    },
    {
      key: "joukkoliikenne-hairiot",
      fi: "Joukkoliikenteessä raportoidut järjestyshäiriöt miljoonaa nousua kohden",
      sv: "Ordningsstörningar i kollektivtrafiken per miljon påstigningar",
      en: "Disturbances reported in public transport per million boardings",
      unit: "häiriötä / milj. nousua",
      source: "HSL, järjestyksenvalvonnan ja kuljettajien häiriöilmoitukset",
      direction: "down",
      resolution: "year",
      descriptionFi:
        "Järjestyksenvalvojien, kuljettajien ja asemahenkilöstön kirjaamat häiriötilanteet (uhkailu, väkivalta, ilkivalta, päihtyneiden häiriökäyttäytyminen) metrossa, raitiovaunuissa, busseissa ja terminaaleissa.",
      priorityAreas: ["3"],
      measures: ["3.1", "3.2", "3.3"],
      city: years(2019, [19.8, 17.2, 21.5, 23.9, 22.4, 21.1, 19.6]),
      targets: [
        ["2025", 20],
        ["2026", 19],
        ["2028", 17],
      ],
    },
    {
      key: "turvallisuuskavelyt-osallistujat",
      fi: "Asukkaiden osallistuminen alueellisiin turvallisuuskävelyihin",
      sv: "Invånarnas deltagande i områdesvisa trygghetsvandringar",
      en: "Residents taking part in district safety walks",
      unit: "osallistujaa / v",
      source: "Kaupunginkanslia, turvallisuus- ja valmiusyksikkö (osallistujakirjanpito)",
      direction: "up",
      resolution: "year",
      descriptionFi:
        "Asukkaat, jotka osallistuivat vuoden aikana turvallisuus- ja hyvinvointiverkostojen järjestämille turvallisuuskävelyille.",
      priorityAreas: ["6"],
      measures: ["6.4", "2.7"],
      city: years(2022, [85, 140, 210, 260]),
      targets: [
        ["2025", 250],
        ["2026", 300],
        ["2028", 400],
      ],
      districts: {
        "301": years(2022, [32, 48, 66, 74]),
        "503": years(2022, [18, 35, 52, 61]),
        "703": years(2022, [21, 30, 47, 68]),
      },
    },
  ];
}

/**
 * Inserts the demo indicators, their values and targets, and their links to the plan in force.
 * Runs inside the caller's transaction after seedCityPlan, whose priority areas and measures it
 * finds by code.
 */
export function seedIndicators(tx: DbOrTx, refs: IndicatorRefs, now: Date): void {
  const plan = tx.select({ id: safetyPlans.id }).from(safetyPlans).where(eq(safetyPlans.status, "in_force")).get();
  if (!plan) throw new Error("Demo indicators need the plan in force; seed the city plan first");
  const priorityByCode = new Map(
    tx
      .select({ id: priorityAreas.id, code: priorityAreas.code })
      .from(priorityAreas)
      .where(eq(priorityAreas.planId, plan.id))
      .all()
      .map((p) => [p.code, p.id]),
  );
  const seeds = indicatorSeeds(now);
  const measureCodes = [...new Set(seeds.flatMap((s) => s.measures))];
  const measureByCode = new Map(
    tx
      .select({ id: measures.id, code: measures.code })
      .from(measures)
      .where(and(eq(measures.planId, plan.id), inArray(measures.code, measureCodes)))
      .all()
      .map((m) => [m.code, m.id]),
  );
  const updatedAt = now;

  for (const s of seeds) {
    const indicatorId = tx
      .insert(indicators)
      .values({
        key: s.key,
        nameFi: s.fi,
        nameSv: s.sv,
        nameEn: s.en,
        unit: s.unit,
        source: s.source,
        direction: s.direction,
        resolution: s.resolution,
        descriptionFi: s.descriptionFi,
      })
      .returning({ id: indicators.id })
      .get().id;
    for (const code of s.priorityAreas) {
      const priorityAreaId = priorityByCode.get(code);
      if (priorityAreaId === undefined) throw new Error(`Demo indicator ${s.key} refers to unknown priority area ${code}`);
      tx.insert(indicatorPriorityAreas).values({ indicatorId, priorityAreaId }).run();
    }
    for (const code of s.measures) {
      const measureId = measureByCode.get(code);
      if (measureId === undefined) throw new Error(`Demo indicator ${s.key} refers to unknown measure ${code}`);
      tx.insert(indicatorMeasures).values({ indicatorId, measureId }).run();
    }
    const insert = (kind: "actual" | "target", areaId: number | null, series: Series) => {
      for (const [period, value] of series) {
        // A broken seed should fail loudly, not show a period the indicator cannot have.
        if (!(s.resolution === "year" ? /^\d{4}$/ : /^\d{4}-(0[1-9]|1[0-2])$/).test(period))
          throw new Error(`Demo indicator ${s.key}: bad period ${period}`);
        tx.insert(indicatorValues).values({ indicatorId, kind, areaId, period, value, updatedAt }).run();
      }
    };
    insert("actual", null, s.city);
    insert("target", null, s.targets);
    for (const [code, series] of Object.entries(s.majorDistricts ?? {}))
      insert("actual", requireAreaId(refs.areaIds, "major_district", code), series);
    for (const [code, series] of Object.entries(s.districts ?? {})) insert("actual", requireAreaId(refs.areaIds, "district", code), series);
  }
}
