// Which tables a piece of work read, and whether any of them has changed since: the caches' key
// (docs/decisions/0014-what-a-cached-answer-may-depend-on.md). Every statement better-sqlite3
// runs in this process goes through here (its Statement methods are wrapped once): a statement
// that writes bumps the change counter of the table it writes (and of the tables its foreign-key
// actions and triggers change with it), and a statement that reads notes the counters of the
// tables it names in the scope of the request or cached read that runs it. A cached answer is then
// kept with those counters, and it is still right as long as none of them has moved and no other
// process has written (PRAGMA data_version). No hand-kept list of what a page reads can go stale.
//
// better-sqlite3 tells neither which tables a statement touches nor exposes SQLite's authorizer,
// so each distinct SQL text is read once (memoized) for the known table names it mentions: an
// over-approximation, which can only make a cached answer turn over too often, never too late.
// What the tables are, and what a write to one changes besides, is read from the schema itself.
//
// The state lives on globalThis: the HTTP server's bundle and the Remix build each have their own
// copy of this module, and both must see one set of counters for the one connection.
import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";

/** What one piece of work read: each table's counter when it first read it, and the base. */
export type TableDeps = { base: string; tables: Map<string, number> };

export type ReadScope = TableDeps & {
  parent: ReadScope | undefined;
  /** A statement in this scope wrote: its answer must not be remembered. */
  wrote: boolean;
};

type StatementInfo = { reads: string[]; writes: string[]; everything: boolean };
type Schema = {
  names: Set<string>;
  columns: Map<string, Set<string>>;
  readImplies: Map<string, string[]>;
  triggers: Trigger[];
  actions: Map<string, { onUpdate: string[]; onDelete: string[] }>;
};

type State = {
  counters: Map<string, number>;
  /** Bumped by writes whose tables are unknown (DDL, exec): every cached answer turns over. */
  epoch: number;
  scopes: AsyncLocalStorage<ReadScope>;
  infoBySql: Map<string, StatementInfo>;
  infoByStatement: WeakMap<object, StatementInfo>;
  schemas: WeakMap<object, Schema>;
  dataVersion: WeakMap<object, Database.Statement>;
  connection: Database.Database | undefined;
  installed: boolean;
  readingSchema: boolean;
  /** Tables some reads count per key (readPartition), and the key a write in progress declared. */
  partitioned: Set<string>;
  writingPartition: { table: string; key: string } | undefined;
};

declare global {
  // eslint-disable-next-line no-var
  var __lahiturvaTableVersions: State | undefined;
}

function state(): State {
  globalThis.__lahiturvaTableVersions ??= {
    counters: new Map(),
    epoch: 0,
    scopes: new AsyncLocalStorage(),
    infoBySql: new Map(),
    infoByStatement: new WeakMap(),
    schemas: new WeakMap(),
    dataVersion: new WeakMap(),
    connection: undefined,
    installed: false,
    readingSchema: false,
    partitioned: new Set(),
    writingPartition: undefined,
  };
  return globalThis.__lahiturvaTableVersions;
}

type Method = (this: Database.Statement, ...args: unknown[]) => unknown;

/**
 * Wraps the Statement methods that run SQL, once per process, and makes `sqlite` the connection
 * whose data_version the base reads. Called by openDatabase before the migrations run.
 */
export function trackTables(sqlite: Database.Database): void {
  const s = state();
  s.connection = sqlite;
  if (s.installed) return;
  s.installed = true;
  const probe = sqlite.prepare("select 1");
  const proto = Object.getPrototypeOf(probe) as Record<string, Method>;
  for (const name of ["run", "get", "all", "iterate"]) {
    const original = proto[name];
    proto[name] = function tracked(this: Database.Statement, ...args: unknown[]) {
      const info = statementInfo(this);
      if (info.reads.length) noteReads(info.reads);
      const result = original.apply(this, args);
      if (info.everything || info.writes.length) noteWrites(info);
      return result;
    };
  }
  const dbProto = Object.getPrototypeOf(sqlite) as Record<string, (this: Database.Database, ...args: unknown[]) => unknown>;
  const exec = dbProto.exec;
  // exec runs any SQL at all (migrations, scripts): afterwards nothing cached can be trusted.
  dbProto.exec = function trackedExec(this: Database.Database, ...args: unknown[]) {
    try {
      return exec.apply(this, args);
    } finally {
      noteWrites({ reads: [], writes: [], everything: true });
    }
  };
}

const MAX_REMEMBERED_STATEMENTS = 5_000;

function statementInfo(statement: Database.Statement): StatementInfo {
  const s = state();
  const known = s.infoByStatement.get(statement);
  if (known) return known;
  // The schema's own queries, while it is being read, are not tracked (they would ask for it).
  if (s.readingSchema) return QUIET_INFO;
  const source = statement.source;
  let info = s.infoBySql.get(source);
  if (!info) {
    info = classify(source, schemaOf(statement.database));
    // The app has a few hundred distinct statements; a list of ids of any length is one more
    // each, so the memo is emptied now and then rather than left to grow.
    if (s.infoBySql.size >= MAX_REMEMBERED_STATEMENTS) s.infoBySql.clear();
    s.infoBySql.set(source, info);
  }
  s.infoByStatement.set(statement, info);
  return info;
}

const NO_TABLES: string[] = [];
const QUIET_INFO: StatementInfo = { reads: NO_TABLES, writes: NO_TABLES, everything: false };
const QUIET = new Set(["begin", "commit", "end", "rollback", "savepoint", "release", "pragma", "explain"]);
/** Where an UPDATE's SET list ends (at the statement's own level, not inside a subquery). */
const AFTER_SET = new Set(["where", "returning", "from", "order", "limit"]);

type Token = { word: string; quoted: boolean } | { punct: string };

function tokens(sql: string): Token[] {
  // Comments and string literals name no table.
  const text = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'/g, " ");
  const out: Token[] = [];
  for (const m of text.matchAll(/"((?:[^"]|"")+)"|`([^`]+)`|\[([^\]]+)\]|([A-Za-z_][A-Za-z0-9_$]*)|([(),=*.])/g)) {
    if (m[5]) out.push({ punct: m[5] });
    else out.push({ word: (m[1] ?? m[2] ?? m[3] ?? m[4]).toLowerCase(), quoted: m[4] === undefined });
  }
  return out;
}

/**
 * Reads one SQL text. The counters it reads: for each table it names, the table's own (rows added
 * or removed) and one per column of it that the text names (or `T.*` when it says `*`). The
 * counters it bumps, if it writes: an UPDATE bumps `T.*` and each column it sets (so a page that
 * never reads a follow-up's columns keeps its answer); INSERT, DELETE and REPLACE bump `T`; and the
 * tables its triggers and foreign-key actions change with it get their `T` bumped too.
 */
export function classify(sql: string, schema: Schema): StatementInfo {
  const toks = tokens(sql);
  const words = toks.flatMap((t) => ("word" in t ? [t.word] : []));
  const first = words[0] ?? "";
  if (QUIET.has(first)) return QUIET_INFO;
  // `*` as a column list (not count(*)) reads every column.
  const star = toks.some(
    (t, i) => "punct" in t && t.punct === "*" && !(i > 0 && "punct" in toks[i - 1] && (toks[i - 1] as { punct: string }).punct === "("),
  );
  // Columns named with a known table before them ("measures"."status") belong to that table only.
  const qualified = new Map<string, Set<string>>();
  const unqualified = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!("word" in t)) continue;
    const before = toks[i - 1];
    const owner = i >= 2 && before && "punct" in before && before.punct === "." ? toks[i - 2] : undefined;
    if (owner && "word" in owner && schema.names.has(owner.word)) {
      if (!qualified.has(owner.word)) qualified.set(owner.word, new Set());
      qualified.get(owner.word)!.add(t.word);
    } else unqualified.add(t.word);
  }
  const named = new Set(words);
  const reads = new Set<string>();
  const readTable = (table: string, allColumns: boolean) => {
    reads.add(table);
    if (allColumns || star) reads.add(`${table}.*`);
    else
      for (const c of schema.columns.get(table) ?? []) if (unqualified.has(c) || qualified.get(table)?.has(c)) reads.add(`${table}.${c}`);
  };
  for (const word of named)
    if (schema.names.has(word)) {
      const implied = schema.readImplies.get(word);
      if (implied) for (const t of implied) readTable(t, true);
      else readTable(word, false);
    }
  const read = [...reads];
  if (first === "select" || first === "values") return { reads: read, writes: NO_TABLES, everything: false };
  // The statement's verb and table: the first INSERT/REPLACE/UPDATE/DELETE (after any WITH).
  let verb = "";
  let at = -1;
  for (let i = 0; i < toks.length - 1 && !verb; i++) {
    const t = toks[i];
    if (!("word" in t) || t.quoted) continue;
    if (t.word === "insert" || t.word === "replace" || t.word === "update" || t.word === "delete") {
      verb = t.word;
      at = i + 1;
    }
  }
  // A WITH that writes nothing is a select.
  if (first === "with" && !verb) return { reads: read, writes: NO_TABLES, everything: false };
  // The table: the first known table name after the verb (past OR REPLACE, INTO, FROM).
  let target = "";
  for (let i = at; at >= 0 && i < toks.length && !target; i++) {
    const t = toks[i];
    if ("word" in t && schema.names.has(t.word)) target = t.word;
    else if (!("word" in t) || !["or", "replace", "ignore", "abort", "fail", "rollback", "into", "from"].includes(t.word)) break;
    if (target) at = i + 1;
  }
  // DDL, VACUUM, ATTACH, a write whose table is not known: everything turns over.
  if (!["insert", "replace", "update", "delete", "with"].includes(first) || !target)
    return { reads: read, writes: NO_TABLES, everything: true };
  const writes = new Set<string>();
  if (verb === "update") {
    const set: string[] = [];
    let depth = 0;
    let inSet = false;
    for (let i = at; i < toks.length; i++) {
      const t = toks[i];
      if ("punct" in t) depth += t.punct === "(" ? 1 : t.punct === ")" ? -1 : 0;
      else if (!inSet) inSet = t.word === "set" && !t.quoted;
      else if (depth === 0 && !t.quoted && AFTER_SET.has(t.word)) break;
      else if (schema.columns.get(target)?.has(t.word)) set.push(t.word);
    }
    writes.add(`${target}.*`);
    for (const c of set) writes.add(`${target}.${c}`);
    if (!set.length) writes.add(target);
    for (const t of changedWith(schema, target, "update", set)) writes.add(t);
  } else {
    writes.add(target);
    for (const t of changedWith(schema, target, verb === "delete" ? "delete" : "insert", null)) writes.add(t);
    // REPLACE and INSERT OR REPLACE delete the rows they replace.
    if (verb === "replace" || words.includes("replace")) for (const t of changedWith(schema, target, "delete", null)) writes.add(t);
  }
  return { reads: read, writes: [...writes], everything: false };
}

/** The tables a write to `table` changes besides (triggers, foreign-key actions), transitively. */
function changedWith(schema: Schema, table: string, op: "insert" | "update" | "delete", columns: string[] | null): string[] {
  const seen = new Set<string>();
  const visit = (t: string, o: typeof op | "any", cols: string[] | null) => {
    for (const trigger of schema.triggers) {
      if (trigger.table !== t || (o !== "any" && trigger.op !== o)) continue;
      if (trigger.of && cols && !trigger.of.some((c) => cols.includes(c))) continue;
      for (const next of trigger.writes) if (!seen.has(next)) seen.add(next), visit(next, "any", null);
    }
    const children = schema.actions.get(t);
    if (!children) return;
    for (const next of o === "insert"
      ? []
      : o === "update"
        ? children.onUpdate
        : o === "delete"
          ? children.onDelete
          : [...children.onUpdate, ...children.onDelete])
      if (!seen.has(next)) seen.add(next), visit(next, "any", null);
  };
  visit(table, op, columns);
  seen.delete(table);
  return [...seen];
}

type Trigger = { table: string; op: "insert" | "update" | "delete"; of: string[] | null; writes: string[] };

/** The tables and views, their columns, what reading one reads besides, the triggers and foreign-key actions. */
function schemaOf(database: Database.Database): Schema {
  const s = state();
  const known = s.schemas.get(database);
  if (known) return known;
  s.readingSchema = true;
  try {
    const schema = readSchema(database);
    s.schemas.set(database, schema);
    return schema;
  } finally {
    s.readingSchema = false;
  }
}

function readSchema(database: Database.Database): Schema {
  const objects = database.prepare("select type, name, tbl_name as tableName, sql from sqlite_master where sql is not null").all() as {
    type: string;
    name: string;
    tableName: string;
    sql: string;
  }[];
  const names = new Set(objects.filter((o) => o.type === "table" || o.type === "view").map((o) => o.name.toLowerCase()));
  const mentioned = (sql: string, except: string) => [
    ...new Set([...sql.toLowerCase().matchAll(/[a-z_][a-z0-9_$]*/g)].map((m) => m[0]).filter((w) => w !== except && names.has(w))),
  ];
  const readImplies = new Map<string, string[]>();
  const columns = new Map<string, Set<string>>();
  const triggers: Trigger[] = [];
  const actions = new Map<string, { onUpdate: string[]; onDelete: string[] }>();
  for (const o of objects) {
    const name = o.name.toLowerCase();
    // A view reads its tables; an external-content full-text table reads its content table.
    if (o.type === "view" || /^create\s+virtual\s+table/i.test(o.sql)) readImplies.set(name, [name, ...mentioned(o.sql, name)]);
    if (o.type === "trigger") {
      const head = /\b(insert|update|delete)\b(?:\s+of\s+([\s\S]*?))?\s+on\s/i.exec(o.sql.replace(/\bbegin\b[\s\S]*$/i, ""));
      const body = o.sql.replace(/^[\s\S]*?\bbegin\b/i, "");
      // A trigger's body may write any table it names.
      triggers.push({
        table: o.tableName.toLowerCase(),
        op: (head?.[1].toLowerCase() ?? "update") as Trigger["op"],
        of: head?.[2]
          ? head[2].split(",").map((c) =>
              c
                .trim()
                .replace(/["`[\]]/g, "")
                .toLowerCase(),
            )
          : null,
        writes: mentioned(body, ""),
      });
    }
    if (o.type === "table" || o.type === "view") {
      const cols = database.prepare("select name from pragma_table_info(?)").all(o.name) as { name: string }[];
      columns.set(name, new Set(cols.map((c) => c.name.toLowerCase())));
    }
    if (o.type === "table") {
      const keys = database
        .prepare(`select "table" as parent, on_update as onUpdate, on_delete as onDelete from pragma_foreign_key_list(?)`)
        .all(o.name) as {
        parent: string;
        onUpdate: string;
        onDelete: string;
      }[];
      // ON DELETE CASCADE / SET NULL: deleting (or re-keying) the parent changes this table too.
      for (const k of keys) {
        const parent = k.parent.toLowerCase();
        if (!actions.has(parent)) actions.set(parent, { onUpdate: [], onDelete: [] });
        if (k.onUpdate !== "NO ACTION" && k.onUpdate !== "RESTRICT") actions.get(parent)!.onUpdate.push(name);
        if (k.onDelete !== "NO ACTION" && k.onDelete !== "RESTRICT") actions.get(parent)!.onDelete.push(name);
      }
    }
  }
  return { names, columns, readImplies, triggers, actions };
}

function noteReads(tables: string[]): void {
  const s = state();
  for (let scope = s.scopes.getStore(); scope; scope = scope.parent)
    for (const t of tables) if (!scope.tables.has(t)) scope.tables.set(t, s.counters.get(t) ?? 0);
}

function noteWrites(info: StatementInfo): void {
  const s = state();
  if (info.everything) {
    s.epoch++;
    // The schema may have changed: read it, and every statement, afresh.
    s.infoBySql.clear();
    s.infoByStatement = new WeakMap();
    s.schemas = new WeakMap();
  }
  for (const t of info.writes) {
    s.counters.set(t, (s.counters.get(t) ?? 0) + 1);
    // Rows added to or removed from a partitioned table: the key's counter when the write said
    // whose rows they are, otherwise the one every partition's readers also depend on.
    if (s.partitioned.has(t)) {
      const declared = s.writingPartition?.table === t ? `${t}@${s.writingPartition.key}` : `${t}!`;
      s.counters.set(declared, (s.counters.get(declared) ?? 0) + 1);
    }
  }
  for (let scope = s.scopes.getStore(); scope; scope = scope.parent) scope.wrote = true;
}

/** Changes when another process commits (data_version) or the schema changes (epoch). */
export function baseVersion(): string {
  const s = state();
  const connection = s.connection;
  if (!connection || !connection.open) return `-:${s.epoch}`;
  let statement = s.dataVersion.get(connection);
  if (!statement) {
    statement = connection.prepare("pragma data_version").pluck();
    s.dataVersion.set(connection, statement);
  }
  return `${statement.get() as number}:${s.epoch}`;
}

export function newScope(parent: ReadScope | undefined = currentScope()): ReadScope {
  return { base: baseVersion(), tables: new Map(), parent, wrote: false };
}

export function currentScope(): ReadScope | undefined {
  return state().scopes.getStore();
}

/** Runs `work` (sync or async) with its statements noted in `scope` (and the scopes around it). */
export function inScope<T>(scope: ReadScope, work: () => T): T {
  return state().scopes.run(scope, work);
}

/** A cached answer was used here: what it read counts as read by the work around it. */
export function noteDeps(deps: TableDeps): void {
  const s = state();
  for (let scope = s.scopes.getStore(); scope; scope = scope.parent) {
    if (scope.base !== deps.base) scope.base = "stale";
    for (const [t, v] of deps.tables) {
      const had = scope.tables.get(t);
      if (had === undefined || v < had) scope.tables.set(t, v);
    }
  }
}

/** True while nothing the work read has changed since it read it. */
export function stillFresh(deps: TableDeps, base = baseVersion()): boolean {
  if (deps.base !== base) return false;
  const counters = state().counters;
  for (const [t, v] of deps.tables) if ((counters.get(t) ?? 0) !== v) return false;
  return true;
}

/** A copy that later reads in the same scope do not change. */
export function snapshot(deps: TableDeps): TableDeps {
  return { base: deps.base, tables: new Map(deps.tables) };
}

/**
 * Reads of `table`'s rows that concern one `key` only (one person's unread notifications): they
 * depend on rows added or removed for that key, not on every row of the table. A write says whose
 * rows it adds with writePartition; a write that does not say (a cascade, a pruning) turns every
 * partition's readers over. Column updates count as ever.
 */
export function readPartition<T>(table: string, key: string, read: () => T): T {
  const s = state();
  s.partitioned.add(table);
  const scope: ReadScope = { base: baseVersion(), tables: new Map(), parent: undefined, wrote: false };
  const value = s.scopes.run(scope, read);
  if (scope.tables.delete(table)) {
    scope.tables.set(`${table}@${key}`, s.counters.get(`${table}@${key}`) ?? 0);
    scope.tables.set(`${table}!`, s.counters.get(`${table}!`) ?? 0);
  }
  noteDeps(scope);
  if (scope.wrote) for (let outer = s.scopes.getStore(); outer; outer = outer.parent) outer.wrote = true;
  return value;
}

/** Runs a write that adds or removes rows of `table` for `key` only (see readPartition). */
export function writePartition<T>(table: string, key: string, write: () => T): T {
  const s = state();
  const outer = s.writingPartition;
  s.writingPartition = { table, key };
  try {
    return write();
  } finally {
    s.writingPartition = outer;
  }
}

/** For tests and the benchmark: each table's change counter. */
export function tableCounters(): Record<string, number> {
  return Object.fromEntries(state().counters);
}
