// Generates a city-scale dataset ("Helsinki scale") into a fresh database file for the benchmark.
// Raw prepared statements inside one transaction per table family: this must take seconds, not minutes.
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { openDatabase, type Db } from "../../db/client";
import { hashPassword } from "../../app/server/people/passwords.server";
import { clock } from "../../app/server/platform/clock";
import { viewerById } from "~/server/people/viewer.server";

export const BENCH_PASSWORD = "Benchmark-salasana-2026";
export const BENCH_USERS = { mayor: "pormestari@bench.lahiturva.fi", expert: "asiantuntija@bench.lahiturva.fi" } as const;

export type DatasetCounts = Record<string, number>;

const STATUSES = [
  "approved",
  "in_progress",
  "in_progress",
  "in_progress",
  "delayed",
  "on_hold",
  "completed",
  "discontinued",
  "proposed",
] as const;
const WORDS = [
  "turvallisuus",
  "nuoret",
  "liikenne",
  "valaistus",
  "kameravalvonta",
  "yhteisö",
  "koulu",
  "kiusaaminen",
  "lähisuhdeväkivalta",
  "asukkaat",
  "ilta",
  "puisto",
  "ääniä",
  "palo",
  "verkko",
  "häirintä",
  "ikääntyneet",
  "kävely",
  "ohjaus",
  "tilannekuva",
];

/** Small deterministic generator so two runs build the same city. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export async function generateDataset(
  path: string,
  scale: number,
  now = clock.now(),
): Promise<{
  db: Db;
  counts: DatasetCounts;
  ids: { measureIds: number[]; areaIds: number[]; publishedPlanIds: number[]; planId: number };
}> {
  const db = openDatabase(path);
  const sqlite: Database.Database = db.$client;
  const random = prng(2026);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const DAY = 86400000;
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const counts: DatasetCounts = {};

  const run = sqlite.transaction(() => {
    // Areas: 8 major districts, 34 districts, 150 sub-areas.
    const insArea = sqlite.prepare("insert into areas (level, code, name_fi, name_sv, parent_id) values (?, ?, ?, ?, ?)");
    const majors = Array.from({ length: 8 }, (_, i) =>
      Number(insArea.run("major_district", String(i + 1), `Suurpiiri ${i + 1}`, `Stordistrikt ${i + 1}`, null).lastInsertRowid),
    );
    const districts = Array.from({ length: 34 }, (_, i) =>
      Number(insArea.run("district", String(101 + i), `Peruspiiri ${101 + i}`, `Distrikt ${101 + i}`, majors[i % 8]).lastInsertRowid),
    );
    const subAreas = Array.from({ length: 150 }, (_, i) =>
      Number(insArea.run("sub_area", String(10100 + i), `Osa-alue ${10100 + i}`, null, districts[i % 34]).lastInsertRowid),
    );
    counts.areas = 8 + 34 + 150;

    // Organisations and users.
    const insOrg = sqlite.prepare("insert into organisations (name_fi, kind) values (?, ?)");
    const orgs = Array.from({ length: 300 }, (_, i) =>
      Number(
        insOrg.run(`Organisaatio ${i + 1}`, pick(["city_division", "police", "rescue", "wellbeing_region", "ngo", "regional"] as const))
          .lastInsertRowid,
      ),
    );
    counts.organisations = 300;
    const insUser = sqlite.prepare("insert into users (id, email, name, password_hash, locale) values (?, ?, ?, ?, 'fi')");
    const userIds: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const id = randomUUID();
      const email = i === 0 ? BENCH_USERS.mayor : i === 1 ? BENCH_USERS.expert : `kayttaja${i}@bench.lahiturva.fi`;
      insUser.run(id, email, `Käyttäjä ${i}`, passwordHash);
      userIds.push(id);
    }
    counts.users = 5000;
    const insGroup = sqlite.prepare("insert into groups (kind, name_fi) values (?, ?)");
    const insMember = sqlite.prepare(
      "insert into memberships (user_id, group_id, organisation_id, position, joined_at) values (?, ?, ?, ?, ?)",
    );
    const steering = Number(insGroup.run("steering", "Johtoryhmä").lastInsertRowid);
    const expertGroup = Number(insGroup.run("expert", "Asiantuntijaryhmä").lastInsertRowid);
    insMember.run(userIds[0], steering, null, "chair", now.getTime() - 400 * DAY);
    for (let i = 1; i < 120; i++) insMember.run(userIds[i], expertGroup, orgs[i % orgs.length], "member", now.getTime() - 400 * DAY);
    const insGroupArea = sqlite.prepare("insert into group_areas (group_id, area_id) values (?, ?)");
    for (let i = 0; i < 34; i++) {
      const network = Number(insGroup.run("network", `Verkosto ${i + 1}`).lastInsertRowid);
      insGroupArea.run(network, districts[i]);
      for (let j = 0; j < 5; j++) insMember.run(userIds[200 + i * 5 + j], network, null, "member", now.getTime() - 300 * DAY);
    }
    const insResidency = sqlite.prepare("insert into residencies (user_id, area_id) values (?, ?)");
    for (let i = 400; i < 5000; i++) insResidency.run(userIds[i], subAreas[i % subAreas.length]);

    // Strategy, 3 plans, 12 priority areas (4 per plan).
    const strategy = Number(
      sqlite.prepare("insert into strategies (name_fi, term_start_year, term_end_year) values ('Strategia 2025–2029', 2025, 2029)").run()
        .lastInsertRowid,
    );
    const insGoal = sqlite.prepare("insert into strategy_goals (strategy_id, code, name_fi) values (?, ?, ?)");
    const goals = Array.from({ length: 6 }, (_, i) => Number(insGoal.run(strategy, String(i + 1), `Tavoite ${i + 1}`).lastInsertRowid));
    const insPlan = sqlite.prepare(
      "insert into safety_plans (strategy_id, name_fi, period_start, period_end, status, published, update_interval_days) values (?, ?, ?, ?, ?, 1, 90)",
    );
    const plans = [
      Number(insPlan.run(strategy, "Suunnitelma 2017–2020", "2017-01-01", "2020-12-31", "closed").lastInsertRowid),
      Number(insPlan.run(strategy, "Suunnitelma 2021–2024", "2021-01-01", "2024-12-31", "closed").lastInsertRowid),
      Number(insPlan.run(strategy, "Suunnitelma 2025–2028", "2025-01-01", "2028-12-31", "in_force").lastInsertRowid),
    ];
    const insPa = sqlite.prepare("insert into priority_areas (plan_id, code, name_fi) values (?, ?, ?)");
    const insPaYear = sqlite.prepare("insert into priority_area_years (priority_area_id, year) values (?, ?)");
    const priorityByPlan = new Map<number, number[]>();
    for (const plan of plans) {
      const ids = Array.from({ length: 4 }, (_, i) =>
        Number(insPa.run(plan, String(i + 1), `Painopiste ${i + 1}: ${sentence(2)}`).lastInsertRowid),
      );
      priorityByPlan.set(plan, ids);
      for (const id of ids) insPaYear.run(id, 2026);
    }
    counts.plans = 3;
    counts.priorityAreas = 12;

    // Measures (most in the plan in force), tasks, cost shares, targets, goals.
    const measureCount = 1500 * scale;
    const insMeasure = sqlite.prepare(
      `insert into measures (plan_id, priority_area_id, code, title, description, owner_organisation_id, responsible_user_id, start_date, end_date, continuous, city_wide, budget_eur, status, progress, approved_at, last_follow_up_at, created_at, updated_at, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    const insTask = sqlite.prepare("insert into measure_tasks (measure_id, title, due_date, state, position) values (?, ?, ?, ?, ?)");
    const insShare = sqlite.prepare("insert into measure_cost_shares (measure_id, organisation_id, percent) values (?, ?, ?)");
    const insMArea = sqlite.prepare("insert into measure_areas (measure_id, area_id) values (?, ?)");
    const insMGoal = sqlite.prepare("insert into measure_goals (measure_id, goal_id) values (?, ?)");
    const measureIds: number[] = [];
    const currentMeasureIds: number[] = [];
    for (let i = 0; i < measureCount; i++) {
      const plan = i < measureCount * 0.8 ? plans[2] : plans[i % 2];
      const pa = pick(priorityByPlan.get(plan)!);
      const status = pick(STATUSES);
      const end = new Date(now.getTime() + (Math.floor(random() * 700) - 250) * DAY);
      const cityWide = random() < 0.6 ? 1 : 0;
      const id = Number(
        insMeasure.run(
          plan,
          pa,
          `${(i % 4) + 1}.${i + 1}`,
          `Toimenpide ${i + 1}: ${sentence(4)}`,
          sentence(30),
          pick(orgs),
          userIds[1 + (i % 119)],
          "2025-01-01",
          iso(end),
          cityWide,
          Math.round(random() * 200000),
          status,
          status === "completed" ? 100 : Math.floor(random() * 100),
          status === "proposed" ? null : now.getTime() - 500 * DAY,
          null,
          now.getTime() - 520 * DAY,
          now.getTime() - 10 * DAY,
        ).lastInsertRowid,
      );
      measureIds.push(id);
      if (plan === plans[2]) currentMeasureIds.push(id);
      for (let t = 0; t < 3; t++)
        insTask.run(
          id,
          `Tehtävä ${t + 1}`,
          iso(new Date(now.getTime() + (Math.floor(random() * 400) - 200) * DAY)),
          random() < 0.5 ? "open" : "done",
          t,
        );
      const a = pick(orgs);
      const b = orgs[(orgs.indexOf(a) + 1) % orgs.length];
      insShare.run(id, a, 60);
      insShare.run(id, b, 40);
      if (!cityWide) insMArea.run(id, random() < 0.5 ? pick(districts) : pick(subAreas));
      insMGoal.run(id, pick(goals));
    }
    counts.measures = measureCount;
    counts.tasks = measureCount * 3;
    counts.costShares = measureCount * 2;

    // Follow-ups: 40 per measure on average, dated over the past two years.
    const followUpCount = 60000 * scale;
    const insFollow = sqlite.prepare(
      "insert into follow_ups (measure_id, reported_by_id, reported_at, status, progress, done, next, obstacles, public_text) values (?, ?, ?, ?, ?, ?, ?, '', ?)",
    );
    for (let i = 0; i < followUpCount; i++) {
      const measureId = measureIds[i % measureIds.length];
      const at = now.getTime() - Math.floor(random() * 730) * DAY;
      insFollow.run(
        measureId,
        userIds[1 + (i % 119)],
        at,
        "in_progress",
        Math.floor(random() * 100),
        sentence(12),
        sentence(6),
        i % 2 ? sentence(8) : "",
      );
    }
    sqlite.exec("update measures set last_follow_up_at = (select max(reported_at) from follow_ups f where f.measure_id = measures.id)");
    counts.followUps = followUpCount;

    // Neighbourhood plans with comments.
    const planCount = 3000 * scale;
    const insNPlan = sqlite.prepare(
      "insert into neighbourhood_plans (area_id, title, situation, status, created_by_id, updated_at, published_at, version) values (?, ?, ?, ?, ?, ?, ?, 1)",
    );
    const insAuthor = sqlite.prepare("insert into plan_authors (plan_id, user_id, role) values (?, ?, 'owner')");
    const insObs = sqlite.prepare("insert into plan_observations (plan_id, text, author_id, position, updated_at) values (?, ?, ?, ?, ?)");
    const insNGoal = sqlite.prepare("insert into plan_goals (plan_id, text, author_id, position, updated_at) values (?, ?, ?, ?, ?)");
    const insAction = sqlite.prepare(
      "insert into plan_actions (plan_id, text, carried_by, measure_id, status, author_id, position, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const publishedPlanIds: number[] = [];
    const neighbourhoodPlanIds: number[] = [];
    for (let i = 0; i < planCount; i++) {
      const author = userIds[400 + (i % 4600)];
      const status = pick(["published", "published", "published", "draft", "submitted", "archived"] as const);
      const id = Number(
        insNPlan.run(
          pick(subAreas),
          `Lähiöturvallisuussuunnitelma ${i + 1}`,
          sentence(40),
          status,
          author,
          now.getTime(),
          status === "published" ? now.getTime() - 30 * DAY : null,
        ).lastInsertRowid,
      );
      neighbourhoodPlanIds.push(id);
      if (status === "published") publishedPlanIds.push(id);
      insAuthor.run(id, author);
      for (let k = 0; k < 3; k++) insObs.run(id, sentence(10), author, k, now.getTime());
      for (let k = 0; k < 2; k++) insNGoal.run(id, sentence(8), author, k, now.getTime());
      for (let k = 0; k < 3; k++)
        insAction.run(
          id,
          sentence(8),
          pick(["residents", "network", "city"] as const),
          random() < 0.3 ? pick(currentMeasureIds) : null,
          "planned",
          author,
          k,
          now.getTime(),
        );
    }
    counts.neighbourhoodPlans = planCount;
    const commentCount = 30000 * scale;
    const insComment = sqlite.prepare(
      "insert into plan_comments (plan_id, author_id, body, kind, created_at) values (?, ?, ?, 'comment', ?)",
    );
    for (let i = 0; i < commentCount; i++)
      insComment.run(
        neighbourhoodPlanIds[i % neighbourhoodPlanIds.length],
        userIds[400 + ((i * 7) % 4600)],
        sentence(15),
        now.getTime() - Math.floor(random() * 300) * DAY,
      );
    counts.comments = commentCount;

    // Indicators: 20, with values per district and year, and city-wide targets.
    const insInd = sqlite.prepare(
      "insert into indicators (key, name_fi, unit, source, direction, resolution) values (?, ?, ?, 'Tilastot', ?, 'year')",
    );
    const insIndPa = sqlite.prepare("insert into indicator_priority_areas (indicator_id, priority_area_id) values (?, ?)");
    const insVal = sqlite.prepare("insert into indicator_values (indicator_id, kind, area_id, period, value) values (?, ?, ?, ?, ?)");
    for (let i = 0; i < 20; i++) {
      const id = Number(insInd.run(`indikaattori-${i + 1}`, `Indikaattori ${i + 1}`, "%", i % 2 ? "up" : "down").lastInsertRowid);
      insIndPa.run(id, priorityByPlan.get(plans[2])![i % 4]);
      for (let year = 2019; year <= 2025; year++) {
        insVal.run(id, "actual", null, String(year), 50 + random() * 20);
        for (const d of districts) insVal.run(id, "actual", d, String(year), 40 + random() * 40);
      }
      insVal.run(id, "target", null, "2028", 70);
    }
    counts.indicators = 20;
    counts.indicatorValues = 20 * 7 * 35 + 20;
    return { currentMeasureIds, districts, publishedPlanIds };
  });
  const { currentMeasureIds, districts, publishedPlanIds } = run();
  const planId = (sqlite.prepare("select id from safety_plans where status = 'in_force'").get() as { id: number }).id;
  return { db, counts, ids: { measureIds: currentMeasureIds, areaIds: districts, publishedPlanIds, planId } };
}

/** 10 sent status reviews, compiled by the application's own review module. */
export async function generateReviews(db: Db, planId: number, coordinatorId: string, count = 10) {
  globalThis.__lahiturvaDb = db;
  const { createReview, sendReview } = await import("../../app/server/steering/reviews.server");
  for (let i = 0; i < count; i++) {
    const id = createReview(viewerById(coordinatorId), {
      planId,
      title: `Tilannekatsaus ${i + 1}`,
      periodStart: "2025-01-01",
      periodEnd: "2025-06-30",
    });
    sendReview(viewerById(coordinatorId), id, 1, new Date(clock.ms() - (count - i) * 30 * 86400000));
  }
  return count;
}
