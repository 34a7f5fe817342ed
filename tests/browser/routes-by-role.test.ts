// Walks every route of the built app as every role. A route missing from the table fails the
// suite, so a new page cannot ship without a decided access rule.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { DEMO } from "./helpers";
import { get, signInOverHttp, type Session } from "./http-client";

type Role = "anonymous" | "coordinator" | "mayor" | "expert" | "network" | "resident";
type Status = 200 | 302 | 403 | 404;
const ROLES: Role[] = ["anonymous", "coordinator", "mayor", "expert", "network", "resident"];

/** Shorthand: who gets 200; everyone signed in gets 403 otherwise and anonymous is sent to sign in. */
const staffOnly = (...allowed: Role[]) =>
  Object.fromEntries(ROLES.map((r) => [r, allowed.includes(r) ? 200 : r === "anonymous" ? 302 : 403])) as Record<Role, Status>;
const everyone = (status: Status) => Object.fromEntries(ROLES.map((r) => [r, status])) as Record<Role, Status>;
const anonymousOnly = { anonymous: 200, coordinator: 302, mayor: 302, expert: 302, network: 302, resident: 302 } as Record<Role, Status>;
const signedInOnly = { ...everyone(200), anonymous: 302 } as Record<Role, Status>;

type Ids = { residentId: string; groupId: number; policeMeasureId: number; proposedMeasureId: number; policeEntryId: number };
type Check = { path: (ids: Ids) => string; expect: Record<Role, Status> };

const TABLE: Record<string, Check[]> = {
  root: [],
  "routes/_index": [{ path: () => "/", expect: everyone(200) }],
  "routes/$": [{ path: () => "/no-such-page", expect: everyone(404) }],
  "routes/login": [{ path: () => "/login", expect: anonymousOnly }],
  // Without a pending sign-in (a correct password just now) the second step sends everyone back.
  "routes/login_.second-factor": [{ path: () => "/login/second-factor", expect: everyone(302) }],
  "routes/admin.security": [{ path: () => "/admin/security", expect: staffOnly("coordinator") }],
  "routes/admin.register": [{ path: () => "/admin/register", expect: staffOnly("coordinator") }],
  // Data subjects' requests name the requester: the coordinators only; a missing request is a 404 to them.
  "routes/admin.rights-requests._index": [
    { path: () => "/admin/rights-requests", expect: staffOnly("coordinator") },
    { path: () => "/admin/rights-requests?status=bogus&page=-1", expect: staffOnly("coordinator") },
  ],
  "routes/admin.rights-requests.$requestId": [
    { path: () => "/admin/rights-requests/999999", expect: { ...staffOnly(), coordinator: 404 } },
    { path: () => "/admin/rights-requests/abc", expect: { ...staffOnly(), coordinator: 404 } },
  ],
  "routes/logout": [{ path: () => "/logout", expect: everyone(302) }],
  "routes/language": [{ path: () => "/language", expect: everyone(302) }],
  "routes/register": [{ path: () => "/register", expect: anonymousOnly }],
  "routes/invite.$token": [{ path: () => "/invite/not-a-real-token", expect: everyone(404) }],
  // Only while the database has no users (an empty city); the demo city has them.
  "routes/first-run": [{ path: () => "/first-run", expect: everyone(404) }],
  "routes/privacy": [{ path: () => "/privacy", expect: everyone(200) }],
  "routes/accessibility": [{ path: () => "/accessibility", expect: everyone(200) }],
  "routes/account": [{ path: () => "/account", expect: signedInOnly }],
  "routes/account.data[.json]": [{ path: () => "/account/data.json", expect: signedInOnly }],
  "routes/theme[.css]": [{ path: () => "/theme.css", expect: everyone(200) }],
  "routes/texts.$lng": [
    { path: () => "/texts/sv", expect: everyone(200) },
    { path: () => "/texts/xx", expect: everyone(404) },
  ],
  "routes/steering._index": [{ path: () => "/steering", expect: staffOnly("coordinator", "mayor") }],
  "routes/expert._index": [{ path: () => "/expert", expect: staffOnly("coordinator", "expert") }],
  // The area hierarchy is public (the front page links to it); the networks' part shows only to staff.
  "routes/areas._index": [{ path: () => "/areas", expect: everyone(200) }],
  "routes/my-area": [{ path: () => "/my-area", expect: staffOnly("resident") }],
  "routes/admin": [{ path: () => "/admin", expect: staffOnly("coordinator") }],
  "routes/admin._index": [{ path: () => "/admin/", expect: staffOnly("coordinator") }],
  "routes/admin.users._index": [{ path: () => "/admin/users?q=a&role=expert&page=1", expect: staffOnly("coordinator") }],
  "routes/admin.users.$userId": [
    { path: (ids) => `/admin/users/${ids.residentId}`, expect: staffOnly("coordinator") },
    { path: () => "/admin/users/no-such-user", expect: { ...staffOnly(), coordinator: 404 } },
  ],
  "routes/admin.organisations": [{ path: () => "/admin/organisations", expect: staffOnly("coordinator") }],
  "routes/admin.groups._index": [{ path: () => "/admin/groups", expect: staffOnly("coordinator") }],
  "routes/admin.groups.$groupId": [
    { path: (ids) => `/admin/groups/${ids.groupId}`, expect: staffOnly("coordinator") },
    { path: () => "/admin/groups/999999", expect: { ...staffOnly(), coordinator: 404 } },
    { path: () => "/admin/groups/abc", expect: { ...staffOnly(), coordinator: 404 } },
  ],
  "routes/admin.invitations": [{ path: () => "/admin/invitations", expect: staffOnly("coordinator") }],
  "routes/measures.export": [
    { path: () => "/measures/export?format=csv", expect: everyone(200) },
    { path: () => "/measures/export?format=xlsx&status=approved", expect: everyone(200) },
  ],
  "routes/measures.import": [{ path: () => "/measures/import", expect: staffOnly("coordinator") }],
  // Strategy, plans and priority areas: public pages (published plans), coordinator management.
  "routes/plan": [{ path: () => "/plan", expect: everyone(302) }],
  "routes/plans._index": [{ path: () => "/plans", expect: everyone(200) }],
  "routes/plans.$planId": [
    { path: () => `/plans/${planIds.inForce}`, expect: everyone(200) },
    { path: () => `/plans/${planIds.closed}`, expect: everyone(200) },
    { path: () => "/plans/999999", expect: everyone(404) },
    { path: () => "/plans/abc", expect: everyone(404) },
  ],
  "routes/strategy.$strategyId": [
    { path: () => `/strategy/${planIds.strategy}`, expect: everyone(200) },
    { path: () => "/strategy/999999", expect: everyone(404) },
  ],
  "routes/admin.plans._index": [{ path: () => "/admin/plans", expect: staffOnly("coordinator") }],
  "routes/admin.plans.$planId": [
    { path: () => `/admin/plans/${planIds.inForce}`, expect: staffOnly("coordinator") },
    { path: () => `/admin/plans/${planIds.inForce}?area=999999`, expect: { ...staffOnly(), coordinator: 404 } },
    { path: () => "/admin/plans/999999", expect: { ...staffOnly(), coordinator: 404 } },
  ],
  "routes/admin.strategy": [
    { path: () => "/admin/strategy", expect: staffOnly("coordinator") },
    { path: () => `/admin/strategy?strategy=${planIds.strategy}`, expect: staffOnly("coordinator") },
    { path: () => "/admin/strategy?strategy=999999", expect: { ...staffOnly(), coordinator: 404 } },
  ],
  // Status reviews: the steering group, the expert group and the secretariat.
  "routes/reviews._index": [{ path: () => "/reviews", expect: staffOnly("coordinator", "mayor", "expert") }],
  "routes/reviews.$reviewId._index": [
    { path: () => "/reviews/1", expect: staffOnly("coordinator", "mayor", "expert") },
    { path: () => "/reviews/999999", expect: { ...staffOnly(), coordinator: 404, mayor: 404, expert: 404 } },
  ],
  "routes/reviews.$reviewId.pdf": [{ path: () => "/reviews/1/pdf", expect: staffOnly("coordinator", "mayor", "expert") }],
  "routes/reviews.$reviewId.xlsx": [{ path: () => "/reviews/2/xlsx", expect: staffOnly("coordinator", "mayor", "expert") }],
  "routes/reviews.compare": [
    { path: () => "/reviews/compare?a=1&b=2", expect: staffOnly("coordinator", "mayor", "expert") },
    { path: () => "/reviews/compare?a=1", expect: { ...staffOnly(), coordinator: 404, mayor: 404, expert: 404 } },
  ],
  // Measures: public list and pages; proposals only for staff; changes for owners and coordinators.
  "routes/measures._index": [
    { path: () => "/measures", expect: everyone(200) },
    { path: () => "/measures?q=nuoret&status=in_progress&status=delayed&late=1&sort=end&dir=desc&page=2", expect: everyone(200) },
    { path: () => "/measures?plan=abc&page=-1&status=bogus", expect: everyone(200) },
  ],
  "routes/measures.new": [{ path: () => "/measures/new", expect: staffOnly("coordinator", "expert") }],
  "routes/measures.$measureId._index": [
    { path: (ids) => `/measures/${ids.policeMeasureId}`, expect: everyone(200) },
    { path: (ids) => `/measures/${ids.proposedMeasureId}`, expect: { ...everyone(200), resident: 404, anonymous: 404 } },
    { path: () => "/measures/999999", expect: everyone(404) },
  ],
  "routes/measures.$measureId.edit": [
    { path: (ids) => `/measures/${ids.policeMeasureId}/edit`, expect: { ...staffOnly("coordinator", "expert"), resident: 404 } },
    { path: () => "/measures/999999/edit", expect: { ...everyone(404), anonymous: 302 } },
  ],
  "routes/measures.$measureId.follow-up": [
    { path: (ids) => `/measures/${ids.policeMeasureId}/follow-up`, expect: { ...staffOnly("coordinator", "expert"), resident: 404 } },
  ],
  "routes/measures.$measureId.entries.$entryId": [
    {
      path: (ids) => `/measures/${ids.policeMeasureId}/entries/${ids.policeEntryId}`,
      expect: { ...staffOnly("coordinator", "expert"), resident: 404 },
    },
    {
      path: (ids) => `/measures/${ids.policeMeasureId}/entries/999999`,
      expect: { ...staffOnly(), coordinator: 404, expert: 404, resident: 404 },
    },
  ],
  // Indicators: every staff role reads them; coordinators and the expert group enter and import values.
  "routes/indicators._index": [{ path: () => "/indicators", expect: staffOnly("coordinator", "mayor", "expert", "network") }],
  "routes/indicators.$indicatorId": [
    { path: () => `/indicators/${indicatorId}`, expect: staffOnly("coordinator", "mayor", "expert", "network") },
    { path: () => `/indicators/${indicatorId}?areaPeriod=2018`, expect: staffOnly("coordinator", "mayor", "expert", "network") },
    { path: () => "/indicators/999999", expect: { ...staffOnly(), coordinator: 404, mayor: 404, expert: 404, network: 404 } },
    { path: () => "/indicators/abc", expect: { ...staffOnly(), coordinator: 404, mayor: 404, expert: 404, network: 404 } },
  ],
  "routes/indicators.import": [{ path: () => "/indicators/import", expect: staffOnly("coordinator", "expert") }],
  "routes/indicators.new": [{ path: () => "/indicators/new", expect: staffOnly("coordinator") }],
  "routes/indicators.$indicatorId_.edit": [
    { path: () => `/indicators/${indicatorId}/edit`, expect: staffOnly("coordinator") },
    // Only whoever may define indicators learns whether one exists.
    { path: () => "/indicators/999999/edit", expect: { ...staffOnly(), coordinator: 404 } },
  ],
  // Group workspaces: current members and coordinators; a non-public document only with a grant.
  "routes/workspaces._index": [{ path: () => "/workspaces", expect: staffOnly("coordinator", "mayor", "expert", "network") }],
  "routes/workspaces.$groupId": [
    { path: () => `/workspaces/${ws.expert}`, expect: staffOnly("coordinator", "expert") },
    { path: () => `/workspaces/${ws.steering}`, expect: staffOnly("coordinator", "mayor") },
    { path: () => "/workspaces/999999", expect: { ...everyone(404), anonymous: 302 } },
    { path: () => "/workspaces/abc", expect: { ...everyone(404), anonymous: 302 } },
  ],
  "routes/workspaces.$groupId._index": [{ path: () => `/workspaces/${ws.kallio}`, expect: staffOnly("coordinator", "network") }],
  "routes/workspaces.$groupId.meetings._index": [
    { path: () => `/workspaces/${ws.expert}/meetings`, expect: staffOnly("coordinator", "expert") },
  ],
  "routes/workspaces.$groupId.meetings.$meetingId": [
    { path: () => `/workspaces/${ws.expert}/meetings/${ws.meeting}`, expect: staffOnly("coordinator", "expert") },
    { path: () => `/workspaces/${ws.steering}/meetings/${ws.meeting}`, expect: { ...staffOnly(), coordinator: 404, mayor: 404 } },
    { path: () => `/workspaces/${ws.expert}/meetings/999999`, expect: { ...staffOnly(), coordinator: 404, expert: 404 } },
  ],
  "routes/workspaces.$groupId.meetings.$meetingId[.ics]": [
    { path: () => `/workspaces/${ws.expert}/meetings/${ws.meeting}.ics`, expect: staffOnly("coordinator", "expert") },
  ],
  "routes/workspaces.$groupId.documents._index": [
    { path: () => `/workspaces/${ws.expert}/documents`, expect: staffOnly("coordinator", "expert") },
    { path: () => `/workspaces/${ws.expert}/documents?q=liite`, expect: staffOnly("coordinator", "expert") },
  ],
  "routes/workspaces.$groupId.documents.$documentId": [
    { path: () => `/workspaces/${ws.expert}/documents/${ws.agreement}`, expect: staffOnly("coordinator", "expert") },
    // The confidential attachment: the coordinators and the police (an organisation grant) only.
    { path: () => `/workspaces/${ws.expert}/documents/${ws.attachment}`, expect: staffOnly("coordinator", "expert") },
    { path: () => `/workspaces/${ws.expert}/documents/999999`, expect: { ...staffOnly(), coordinator: 404, expert: 404 } },
  ],
  // Downloads answer 404 to anyone who may not read the document: its existence is not revealed.
  "routes/documents.$documentId.download": [
    { path: () => `/documents/${ws.agreement}/download`, expect: { ...everyone(404), anonymous: 302, coordinator: 200, expert: 200 } },
    {
      path: () => `/documents/${ws.attachment}/download?version=1`,
      expect: { ...everyone(404), anonymous: 302, coordinator: 200, expert: 200 },
    },
    { path: () => `/documents/${ws.agreement}/download?version=99`, expect: { ...everyone(404), anonymous: 302 } },
  ],
  "routes/workspaces.$groupId.threads._index": [
    { path: () => `/workspaces/${ws.expert}/threads`, expect: staffOnly("coordinator", "expert") },
  ],
  "routes/workspaces.$groupId.threads.$threadId": [
    { path: () => `/workspaces/${ws.expert}/threads/${ws.thread}`, expect: staffOnly("coordinator", "expert") },
    { path: () => `/workspaces/${ws.expert}/threads/999999`, expect: { ...staffOnly(), coordinator: 404, expert: 404 } },
  ],
  "routes/workspaces.$groupId.decisions": [
    { path: () => `/workspaces/${ws.steering}/decisions`, expect: staffOnly("coordinator", "mayor") },
  ],
  "routes/notifications": [{ path: () => "/notifications?page=2", expect: signedInOnly }],
  "routes/admin.access-log": [
    { path: () => "/admin/access-log", expect: staffOnly("coordinator") },
    { path: () => `/admin/access-log?document=${ws.attachment}&page=1`, expect: staffOnly("coordinator") },
  ],
  // Neighbourhood level: area pages and published plans are public; a draft (or a plan not yet
  // published) is a 404 for anyone who may not read it; the network reviews its own area's plans.
  "routes/areas.$areaId": [
    { path: () => `/areas/${nb.linjat}`, expect: everyone(200) },
    { path: () => "/areas/999999", expect: everyone(404) },
    { path: () => "/areas/abc", expect: everyone(404) },
  ],
  "routes/networks.$groupId": [
    { path: () => `/networks/${nb.kallioNetwork}`, expect: staffOnly("coordinator", "network") },
    { path: () => `/networks/${nb.malmiNetwork}`, expect: staffOnly("coordinator") },
    { path: () => "/networks/999999", expect: { ...everyone(404), anonymous: 302 } },
  ],
  // Published residents' safety plans, public: in everyone's menu.
  "routes/neighbourhood-plans._index": [
    { path: () => "/neighbourhood-plans", expect: everyone(200) },
    { path: () => `/neighbourhood-plans?q=Karhupuisto&area=${nb.linjat}`, expect: everyone(200) },
    { path: () => "/neighbourhood-plans?area=abc&page=-1", expect: everyone(200) },
  ],
  "routes/neighbourhood-plans.new": [{ path: () => "/neighbourhood-plans/new", expect: staffOnly("resident") }],
  "routes/neighbourhood-plans.$planId._index": [
    { path: () => `/neighbourhood-plans/${nb.published}`, expect: everyone(200) },
    { path: () => `/neighbourhood-plans/${nb.archived}`, expect: everyone(200) },
    { path: () => `/neighbourhood-plans/${nb.draft}`, expect: { ...everyone(404), coordinator: 200 } },
    { path: () => `/neighbourhood-plans/${nb.submittedMalmi}`, expect: { ...everyone(404), coordinator: 200 } },
    { path: () => "/neighbourhood-plans/999999", expect: everyone(404) },
  ],
  "routes/neighbourhood-plans.$planId.edit": [
    // The demo resident is its author: taken to the plan, since a published plan is not edited.
    { path: () => `/neighbourhood-plans/${nb.published}/edit`, expect: { ...everyone(403), anonymous: 302, resident: 302 } },
    { path: () => `/neighbourhood-plans/${nb.draft}/edit`, expect: { ...everyone(404), coordinator: 403 } },
  ],
  "routes/neighbourhood-plans.$planId.history": [
    { path: () => `/neighbourhood-plans/${nb.published}/history`, expect: staffOnly("coordinator", "network", "resident") },
    { path: () => `/neighbourhood-plans/${nb.draft}/history`, expect: { ...everyone(404), coordinator: 200 } },
  ],
  "routes/admin.areas.import": [{ path: () => "/admin/areas/import", expect: staffOnly("coordinator") }],
  // Managing areas (former, merge, remove): the secretariat's, like the import.
  "routes/admin.areas._index": [{ path: () => "/admin/areas", expect: staffOnly("coordinator") }],
  "routes/admin.areas.$areaId": [
    { path: () => `/admin/areas/${kallioId}`, expect: staffOnly("coordinator") },
    { path: () => "/admin/areas/999999", expect: { ...staffOnly(), coordinator: 404 } },
  ],
  "routes/admin.organisations_.import": [{ path: () => "/admin/organisations/import", expect: staffOnly("coordinator") }],
  // The situation room: staff see the list (only what they may read); a situation is its group's, the
  // coordinators' and those briefed (the mayor), and the steering group's when public; the demo's
  // expert and network logins are former members of the closed one: a 404, like anyone outside.
  "routes/situations._index": [{ path: () => "/situations", expect: staffOnly("coordinator", "mayor", "expert", "network") }],
  "routes/situations.new": [{ path: () => "/situations/new", expect: staffOnly("coordinator") }],
  "routes/situations.$situationId._index": [
    { path: () => `/situations/${sit.open}`, expect: { ...staffOnly("coordinator", "mayor"), expert: 404, network: 404 } },
    { path: () => `/situations/${sit.closed}`, expect: { ...staffOnly("coordinator", "mayor"), expert: 404, network: 404 } },
    { path: () => "/situations/999999", expect: { ...staffOnly(), coordinator: 404, mayor: 404, expert: 404, network: 404 } },
  ],
  // A closed situation's stream ends at once (an open one's runs until the reader leaves).
  "routes/situations.$situationId.events": [
    { path: () => `/situations/${sit.closed}/events`, expect: { ...staffOnly("coordinator", "mayor"), expert: 404, network: 404 } },
  ],
  "routes/situations.$situationId.compare": [
    {
      path: () => `/situations/${sit.open}/compare?from=1&to=2`,
      expect: { ...staffOnly("coordinator", "mayor"), expert: 404, network: 404 },
    },
    {
      path: () => `/situations/${sit.open}/compare?from=1`,
      expect: { ...staffOnly(), coordinator: 404, mayor: 404, expert: 404, network: 404 },
    },
  ],
  "routes/situations.$situationId.briefings.$briefingId._index": [
    {
      path: () => `/situations/${sit.open}/briefings/${sit.briefing}`,
      expect: { ...staffOnly("coordinator", "mayor"), expert: 404, network: 404 },
    },
  ],
  "routes/situations.$situationId.briefings.$briefingId.pdf": [
    {
      path: () => `/situations/${sit.open}/briefings/${sit.briefing}/pdf`,
      expect: { ...staffOnly("coordinator", "mayor"), expert: 404, network: 404 },
    },
  ],
  // Residents' consultations (issue 16): public to read; results live only for the coordinators and
  // the steering group while open, public after closing; moderation for coordinators and networks.
  "routes/consultations._index": [{ path: () => "/consultations", expect: everyone(200) }],
  "routes/consultations.new": [{ path: () => "/consultations/new", expect: staffOnly("coordinator") }],
  "routes/consultations.$consultationId._index": [
    { path: () => `/consultations/${consultationIds.open}`, expect: everyone(200) },
    { path: () => `/consultations/${consultationIds.closed}`, expect: everyone(200) },
    { path: () => "/consultations/999999", expect: everyone(404) },
  ],
  "routes/consultations.$consultationId.edit": [
    { path: () => `/consultations/${consultationIds.open}/edit`, expect: staffOnly("coordinator") },
  ],
  "routes/consultations.$consultationId.results": [
    { path: () => `/consultations/${consultationIds.closed}/results`, expect: everyone(200) },
    { path: () => `/consultations/${consultationIds.open}/results`, expect: { ...everyone(403), coordinator: 200, mayor: 200 } },
  ],
  "routes/consultations.$consultationId.export": [
    { path: () => `/consultations/${consultationIds.closed}/export?format=csv`, expect: everyone(200) },
    { path: () => `/consultations/${consultationIds.open}/export?format=xlsx`, expect: { ...everyone(403), coordinator: 200, mayor: 200 } },
  ],
  "routes/consultations.$consultationId.moderation": [
    { path: () => `/consultations/${consultationIds.closed}/moderation`, expect: staffOnly("coordinator", "network") },
  ],
  // Map observations: the map and approved ones are public; a waiting one is its reporter's and its
  // handlers' (the expert group and coordinators everywhere, a network in its areas) only.
  "routes/observations._index": [
    { path: () => "/observations", expect: everyone(200) },
    { path: () => `/observations?category=1&status=handled&area=${kallioId}`, expect: everyone(200) },
    { path: () => "/observations?category=abc&status=bogus&area=-1", expect: everyone(200) },
  ],
  "routes/observations.new": [{ path: () => "/observations/new", expect: signedInOnly }],
  "routes/observations.manage": [
    { path: () => "/observations/manage", expect: staffOnly("coordinator", "expert", "network") },
    {
      path: () => "/observations/manage?status=pending&time=night&from=2026-01&to=bogus",
      expect: staffOnly("coordinator", "expert", "network"),
    },
  ],
  "routes/observations.numbers": [{ path: () => "/observations/numbers", expect: staffOnly("coordinator", "mayor", "expert", "network") }],
  "routes/observations.$observationId": [
    { path: () => `/observations/${obs.approved}`, expect: everyone(200) },
    {
      path: () => `/observations/${obs.pendingOwn}`,
      expect: { ...everyone(404), coordinator: 200, expert: 200, network: 200, resident: 200 },
    },
    { path: () => `/observations/${obs.pendingMalmi}`, expect: { ...everyone(404), coordinator: 200, expert: 200 } },
    { path: () => "/observations/999999", expect: everyone(404) },
  ],
  "routes/observations_.$observationId.photo": [{ path: () => `/observations/${obs.approved}/photo`, expect: everyone(404) }],
  "routes/admin.observation-categories": [{ path: () => "/admin/observation-categories", expect: staffOnly("coordinator") }],
};

/** The demo situations (db/seed/situations.ts): the open confidential one with its briefing, and the closed one. */
let sit: { open: number; closed: number; briefing: number };
beforeAll(() => {
  const sqlite = new Database(join(inject("dataDir"), "lahiturva.sqlite"), { readonly: true });
  const one = (query: string) => (sqlite.prepare(query).get() as { id: number }).id;
  sit = {
    open: one("select id from situations where title like 'Häiriöt ja pahoinpitelyt Vuosaaren%'"),
    closed: one("select id from situations where title like 'Myymälävarkaudet%'"),
    briefing: one(
      "select b.id from situation_briefings b join situations s on s.id = b.situation_id where s.title like 'Häiriöt ja pahoinpitelyt Vuosaaren%'",
    ),
  };
  sqlite.close();
});

/** Demo observations (db/seed/observations.ts): an approved one, the demo resident's waiting one, a waiting one in Malmi. */
let obs: { approved: number; pendingOwn: number; pendingMalmi: number };
beforeAll(() => {
  const sqlite = new Database(join(inject("dataDir"), "lahiturva.sqlite"), { readonly: true });
  const one = (query: string) => (sqlite.prepare(query).get() as { id: number }).id;
  obs = {
    approved: one("select id from observations where review = 'approved' order by id limit 1"),
    pendingOwn: one("select id from observations where address = 'Fleminginkatu 10'"),
    pendingMalmi: one("select id from observations where address = 'Pukinmäen asema'"),
  };
  sqlite.close();
});

const sessions = {} as Record<Role, Session | undefined>;
let ids: Ids;
let routeIds: string[];

beforeAll(async () => {
  const build = await import(pathToFileURL(join(process.cwd(), "build/index.js")).href);
  routeIds = Object.keys(build.routes);
  for (const role of ROLES) sessions[role] = role === "anonymous" ? undefined : await signInOverHttp(DEMO[role]);
  const sqlite = new Database(join(inject("dataDir"), "lahiturva.sqlite"), { readonly: true });
  ids = {
    residentId: (sqlite.prepare("select id from users where email = ?").get(DEMO.resident) as { id: string }).id,
    groupId: (sqlite.prepare("select id from groups where kind = 'network' limit 1").get() as { id: number }).id,
    policeMeasureId: (
      sqlite
        .prepare(
          `select m.id from measures m join users u on u.id = m.responsible_user_id
           where u.email = ? and m.status in ('in_progress','delayed','approved') and m.published = 1 and exists (select 1 from follow_ups f where f.measure_id = m.id) limit 1`,
        )
        .get(DEMO.expert) as { id: number }
    ).id,
    proposedMeasureId: (sqlite.prepare("select id from measures where status = 'proposed' limit 1").get() as { id: number }).id,
    policeEntryId: 0,
  };
  ids.policeEntryId = (
    sqlite.prepare("select id from follow_ups where measure_id = ? limit 1").get(ids.policeMeasureId) as { id: number }
  ).id;
  sqlite.close();
});

/** The demo's consultations: the closed one (results public) and the open one. */
let consultationIds: { closed: number; open: number };
beforeAll(() => {
  const sqlite = new Database(join(inject("dataDir"), "lahiturva.sqlite"), { readonly: true });
  const [closed, open] = sqlite.prepare("select id from consultations order by id").all() as { id: number }[];
  consultationIds = { closed: closed.id, open: open.id };
  sqlite.close();
});

/** Ids the plan rows need, read from the seeded demo city. */
let kallioId: number;
beforeAll(() => {
  const sqlite = new Database(join(inject("dataDir"), "lahiturva.sqlite"), { readonly: true });
  kallioId = (sqlite.prepare("select id from areas where level = 'district' and code = '301'").get() as { id: number }).id;
  sqlite.close();
});

let planIds: { inForce: number; closed: number; strategy: number };
beforeAll(() => {
  const sqlite = new Database(join(inject("dataDir"), "lahiturva.sqlite"), { readonly: true });
  const one = (query: string) => (sqlite.prepare(query).get() as { id: number }).id;
  planIds = {
    inForce: one("select id from safety_plans where status = 'in_force' and published = 1 limit 1"),
    closed: one("select id from safety_plans where status = 'closed' and published = 1 limit 1"),
    strategy: one("select id from strategies order by term_start_year desc limit 1"),
  };
  sqlite.close();
});

/** A demo indicator with values by area (the safety survey). */
/** Workspace ids from the seeded demo city: groups, an upcoming expert meeting, the camera agreement and its attachment, a thread. */
let ws: { expert: number; steering: number; kallio: number; meeting: number; agreement: number; attachment: number; thread: number };
beforeAll(() => {
  const sqlite = new Database(join(inject("dataDir"), "lahiturva.sqlite"), { readonly: true });
  const one = (query: string) => (sqlite.prepare(query).get() as { id: number }).id;
  const expert = one("select id from groups where kind = 'expert'");
  ws = {
    expert,
    steering: one("select id from groups where kind = 'steering'"),
    kallio: one(
      "select g.id from groups g join memberships m on m.group_id = g.id join users u on u.id = m.user_id where u.email = 'verkosto@demo.lahiturva.fi' and g.kind = 'network'",
    ),
    meeting: one(`select id from meetings where group_id = ${expert} and status = 'planned' order by starts_at limit 1`),
    agreement: one("select id from documents where title like 'Kameravalvonnan yhteistyösopimus%'"),
    attachment: one("select id from documents where title like 'Liite 1:%'"),
    thread: one(`select id from threads where group_id = ${expert} order by id limit 1`),
  };
  sqlite.close();
});

let indicatorId: number;
beforeAll(() => {
  const sqlite = new Database(join(inject("dataDir"), "lahiturva.sqlite"), { readonly: true });
  indicatorId = (sqlite.prepare("select id from indicators where key = 'turvallisuuden-tunne-ilta'").get() as { id: number }).id;
  sqlite.close();
});

/** Neighbourhood ids from the seeded demo city (db/seed/neighbourhood.ts). */
let nb: {
  linjat: number;
  kallioNetwork: number;
  malmiNetwork: number;
  published: number;
  archived: number;
  draft: number;
  submittedMalmi: number;
};
beforeAll(() => {
  const sqlite = new Database(join(inject("dataDir"), "lahiturva.sqlite"), { readonly: true });
  const one = (query: string, ...args: unknown[]) => (sqlite.prepare(query).get(...args) as { id: number }).id;
  const plan = (title: string) => one("select id from neighbourhood_plans where title = ?", title);
  nb = {
    linjat: one("select id from areas where level = 'sub_area' and code = '30102'"),
    kallioNetwork: one("select id from groups where name_fi = 'Kallion turvallisuus- ja hyvinvointiverkosto'"),
    malmiNetwork: one("select id from groups where name_fi = 'Malmin alueverkosto'"),
    published: plan("Turvallisempi Karhupuisto ja Vaasanaukio"), // Eveliina's (the demo resident's) plan
    archived: plan("Harjun kesä 2025: turvalliset illat Alppipuistossa"),
    draft: plan("Meri-Rastilan rantareitin turvallisuus"),
    submittedMalmi: plan("Malmin aseman seudun iltaturvallisuus"),
  };
  sqlite.close();
});

describe("every route has an access rule", () => {
  it("the table names exactly the routes of the build", () => {
    expect([...routeIds].sort()).toEqual(Object.keys(TABLE).sort());
  });

  for (const [routeId, checks] of Object.entries(TABLE)) {
    for (const [index, check] of checks.entries()) {
      it(`${routeId} #${index + 1}`, async () => {
        const path = check.path(ids);
        const actual: Record<string, number> = {};
        for (const role of ROLES) actual[role] = (await get(path, sessions[role])).status;
        expect({ path, ...actual }).toEqual({ path, ...check.expect });
      });
    }
  }
});

describe("HTTP protections", () => {
  it("every document response carries an enforced nonce CSP and the other security headers", async () => {
    for (const path of ["/", "/login", "/no-such-page"]) {
      const res = await get(path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      const nonce = /nonce-([A-Za-z0-9+/=]+)/.exec(csp)![1];
      const html = await res.text();
      // Every inline script carries this response's nonce.
      const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) expect(s[1]).toContain(`nonce="${nonce}"`);
    }
  });

  it("refuses a cross-site POST", async () => {
    const res = await fetch(inject("baseUrl") + "/login", {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      body: new URLSearchParams({ email: DEMO.mayor, password: "Turvallisuus-2026" }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("sets the session cookie HttpOnly and SameSite=Lax, and a new id on every sign-in", async () => {
    const a = await signInOverHttp(DEMO.mayor);
    const b = await signInOverHttp(DEMO.mayor);
    expect(a.cookie).not.toBe(b.cookie);
    const res = await fetch(inject("baseUrl") + "/login", {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: inject("baseUrl") },
      body: new URLSearchParams({ email: DEMO.mayor, password: "Turvallisuus-2026" }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("lahiturva_session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);
  });

  it("logout ends the session on the server", async () => {
    const s = await signInOverHttp(DEMO.expert);
    expect((await get("/expert", s)).status).toBe(200);
    await fetch(inject("baseUrl") + "/logout", {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: s.cookie, Origin: inject("baseUrl") },
    });
    expect((await get("/expert", s)).status).toBe(302);
  });
});
