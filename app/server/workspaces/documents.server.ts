// Documents of the workspaces: publicity classes under the Act on the Openness of Government
// Activities (621/1999), versions, grants and the append-only access log. Who may read a document
// is decided in SQL (readableSql), the same rule as `document.read` in permissions.server.ts, so a
// non-public document never reaches a list, a count, a search, a meeting or a measure page of
// someone without the right: the rows are simply not selected.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  documentAccessLog,
  documentGrants,
  documents,
  documentVersions,
  groups,
  notifications,
  organisations,
  users,
  type LinkType,
  type PublicityClass,
} from "../../../db/schema";
import { audit } from "../platform/audit.server";
import { config } from "../platform/config.server";
import { db, type Db, type Tx } from "../platform/db.server";
import { pageWindow } from "../platform/paging";
import { checkUpload } from "../platform/file-sniff";
import { notifyMany, writeWithMail } from "../mail/notifications.server";
import { can, type DocumentAccess } from "../people/permissions.server";
import { listCurrentMemberIds } from "./workspace-members.server";
import { isCoordinator, isStaff, loadViewer, memberGroupIds, type Viewer } from "../people/viewer.server";
import { clock } from "../platform/clock";
import { namesOf, prefixedNamesOf, columnsOf } from "../platform/select-names";

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_NOTIFICATION_KINDS = ["document.new", "document.version"];

/** Organisations the viewer represents in any current membership (grants may name them). */
export const viewerOrganisationIds = (v: Viewer) => [
  ...new Set(v.memberships.map((m) => m.organisationId).filter((id): id is number => id != null)),
];

const idList = (ids: (number | string)[]) =>
  ids.length
    ? sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )
    : sql`null`;

type DocumentsTable = typeof documents;

/** Grants the viewer holds on a document row: to them, a group they belong to, or their organisation. */
function grantMatch(viewer: Viewer, d: DocumentsTable): SQL {
  return sql`g.document_id = ${d.id} and (g.user_id = ${viewer.id} or g.group_id in (${idList(memberGroupIds(viewer))}) or g.organisation_id in (${idList(viewerOrganisationIds(viewer))}))`;
}

/** "May the viewer read this row?" as SQL; mirrors the document.read rule exactly. */
export function readableSql(viewer: Viewer | null, d: DocumentsTable = documents): SQL {
  if (!viewer) return sql`0`;
  if (isCoordinator(viewer)) return sql`1`;
  const groupsOfViewer = idList(memberGroupIds(viewer));
  const publicToViewer = isStaff(viewer)
    ? sql`(${d.publicity} = 'public' and (${d.groupId} in (${groupsOfViewer}) or ${d.groupId} is null))`
    : sql`0`;
  return sql`(${publicToViewer} or exists (select 1 from ${documentGrants} g where ${grantMatch(viewer, d)}))`;
}

/** The grant the viewer holds, computed the same way, for `can(… document.read/update …)`. */
export function grantOf(viewer: Viewer, documentId: number): DocumentAccess["grant"] {
  // grantMatch refers to the outer documents row: a correlated query on that one row.
  const r = db()
    .select({ update: sql<number | null>`(select max(g.can_update) from ${documentGrants} g where ${grantMatch(viewer, documents)})` })
    .from(documents)
    .where(eq(documents.id, documentId))
    .get();
  if (!r || r.update == null) return "none";
  return r.update ? "update" : "read";
}

export function accessOf(viewer: Viewer, doc: { id: number; publicity: PublicityClass; groupId: number | null }): DocumentAccess {
  return { publicity: doc.publicity, groupId: doc.groupId, grant: grantOf(viewer, doc.id) };
}

// ---------------------------------------------------------------------------------------------
// Files

/** DATA_DIR/documents: outside public/, never served statically. */
export function documentsDir(): string {
  return join(config().dataDir, "documents");
}

/** Stores bytes under a random name; the name the uploader gave is only metadata. */
export function storeFile(bytes: Uint8Array): { storedName: string; sha256: string; size: number } {
  const dir = documentsDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const storedName = randomBytes(24).toString("hex");
  writeFileSync(join(dir, storedName), bytes, { mode: 0o600, flag: "wx" });
  return { storedName, sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.byteLength };
}

export function storedPath(storedName: string): string {
  // The stored name is ours (hex); refuse anything else so a row can never point outside the folder.
  if (!/^[0-9a-f]{16,64}$/.test(storedName)) throw new Error("invalid stored name");
  return join(documentsDir(), storedName);
}

/** A name safe for storage and headers: no path, no control characters, bounded length. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(-200);
  return cleaned || "tiedosto";
}

export type UploadedFile = { name: string; bytes: Uint8Array };
export type FileProblem = "empty" | "tooLarge" | "type" | "nameMismatch";

export function checkFile(file: UploadedFile): { ok: true; mime: string; fileName: string } | { ok: false; reason: FileProblem } {
  if (file.bytes.byteLength > MAX_DOCUMENT_BYTES) return { ok: false, reason: "tooLarge" };
  const fileName = cleanFileName(file.name);
  const check = checkUpload(file.bytes, fileName);
  if (!check.ok) return check;
  return { ok: true, mime: check.mime, fileName };
}

// ---------------------------------------------------------------------------------------------
// Reading

const latestVersion = alias(documentVersions, "latest_version");
const latestVersionJoin = sql`${latestVersion.id} = (select v.id from ${documentVersions} v where v.document_id = ${documents.id} order by v.version desc limit 1)`;

/** The viewer's unread "new document / new version" notifications about a document row. */
const unreadSql = (viewer: Viewer) =>
  sql<number>`exists (select 1 from ${notifications} n where n.user_id = ${viewer.id} and n.read_at is null and n.kind in ('document.new', 'document.version') and json_extract(n.params, '$.documentId') = ${documents.id})`;

export type DocumentListFilters = { q?: string; parentId?: number | null };

/** A workspace's documents the viewer may read (main documents; attachments are counted if readable). */
export function listDocuments(viewer: Viewer, groupId: number, filters: DocumentListFilters = {}) {
  const attachment = alias(documents, "attachment");
  const conditions: SQL[] = [eq(documents.groupId, groupId), readableSql(viewer)];
  const q = filters.q?.trim();
  if (q) {
    // A search covers titles and descriptions of main documents and attachments alike.
    const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(${documents.title} like ${like} escape '\\' or ${documents.description} like ${like} escape '\\')`);
  } else {
    conditions.push(filters.parentId ? eq(documents.parentId, filters.parentId) : isNull(documents.parentId));
  }
  return db()
    .select({
      ...columnsOf(documents, "id", "parentId", "title", "publicity", "updatedAt"),
      version: latestVersion.version,
      fileName: latestVersion.fileName,
      size: latestVersion.size,
      uploadedAt: latestVersion.uploadedAt,
      attachments: sql<number>`(select count(*) from ${documents} ${attachment} where ${attachment.parentId} = ${documents.id} and ${readableSql(viewer, attachment as unknown as DocumentsTable)})`,
      unread: unreadSql(viewer),
    })
    .from(documents)
    .leftJoin(latestVersion, latestVersionJoin)
    .where(and(...conditions))
    .orderBy(desc(documents.updatedAt), desc(documents.id))
    .all()
    .map((r) => ({ ...r, unread: !!r.unread }));
}

/** Documents of a workspace with a version the viewer has not opened yet. */
export function documentsToRead(viewer: Viewer, groupId: number) {
  return db()
    .select({
      ...columnsOf(documents, "id", "title", "publicity"),
      version: latestVersion.version,
      uploadedAt: latestVersion.uploadedAt,
    })
    .from(documents)
    .leftJoin(latestVersion, latestVersionJoin)
    .where(and(eq(documents.groupId, groupId), readableSql(viewer), sql`${unreadSql(viewer)}`))
    .orderBy(desc(latestVersion.uploadedAt))
    .all();
}

export function countReadableDocuments(viewer: Viewer, groupId: number): number {
  return (
    db()
      .select({ n: count() })
      .from(documents)
      .where(and(eq(documents.groupId, groupId), readableSql(viewer)))
      .get()?.n ?? 0
  );
}

/** The document row, or undefined when it is missing or not the viewer's to read. */
const readableDocument = (r: Pick<Db, "select">, viewer: Viewer, id: number) =>
  r
    .select()
    .from(documents)
    .where(and(eq(documents.id, id), readableSql(viewer)))
    .get();

/** The document if the viewer may read it, with what its page shows; null when missing or not theirs to read. */
export function getDocument(viewer: Viewer, id: number) {
  const d = db();
  const doc = readableDocument(d, viewer, id);
  if (!doc) return null;
  const access = accessOf(viewer, doc);
  const uploader = alias(users, "uploader");
  const versions = d
    .select({
      ...columnsOf(documentVersions, "id", "version", "fileName", "mimeType", "size", "sha256", "note", "uploadedAt"),
      uploaderName: uploader.name,
    })
    .from(documentVersions)
    .leftJoin(uploader, eq(uploader.id, documentVersions.uploadedById))
    .where(eq(documentVersions.documentId, id))
    .orderBy(desc(documentVersions.version))
    .all();
  const attachments = listDocuments(viewer, doc.groupId ?? -1, { parentId: id });
  const parent = doc.parentId
    ? (d
        .select({ id: documents.id, title: documents.title, publicity: documents.publicity })
        .from(documents)
        .where(and(eq(documents.id, doc.parentId), readableSql(viewer)))
        .get() ?? null)
    : null;
  const canManageGrants = can(viewer, { kind: "document.manageGrants", doc: access });
  return {
    document: doc,
    access,
    canUpdate: can(viewer, { kind: "document.update", doc: access }),
    canManageGrants,
    versions,
    attachments,
    parent,
    grants: canManageGrants ? listGrants(id) : [],
  };
}

export function listGrants(documentId: number) {
  return db()
    .select({
      ...columnsOf(documentGrants, "id", "canUpdate", "userId"),
      userName: users.name,
      groupId: documentGrants.groupId,
      ...prefixedNamesOf("group", groups),
      organisationId: documentGrants.organisationId,
      ...prefixedNamesOf("organisation", organisations),
    })
    .from(documentGrants)
    .leftJoin(users, eq(users.id, documentGrants.userId))
    .leftJoin(groups, eq(groups.id, documentGrants.groupId))
    .leftJoin(organisations, eq(organisations.id, documentGrants.organisationId))
    .where(eq(documentGrants.documentId, documentId))
    .orderBy(asc(documentGrants.id))
    .all();
}

/** One version's file, if the viewer may read the document. */
export function getVersionForDownload(viewer: Viewer, documentId: number, version?: number) {
  const d = db();
  const doc = readableDocument(d, viewer, documentId);
  if (!doc) return null;
  const row = d
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, documentId), version ? eq(documentVersions.version, version) : undefined))
    .orderBy(desc(documentVersions.version))
    .get();
  return row ? { document: doc, version: row } : null;
}

/** Every view or download of a non-public document is logged; public ones are not. */
export function logAccess(
  entry: {
    documentId: number;
    publicity: PublicityClass;
    versionId?: number | null;
    userId: string;
    action: "view" | "download";
    ip?: string | null;
  },
  now = clock.now(),
) {
  if (entry.publicity === "public") return;
  db()
    .insert(documentAccessLog)
    .values({
      documentId: entry.documentId,
      versionId: entry.versionId ?? null,
      userId: entry.userId,
      action: entry.action,
      at: now,
      ip: entry.ip ?? null,
    })
    .run();
}

export const ACCESS_LOG_PAGE_SIZE = 50;

export function listAccessLog(filters: { documentId?: number; page?: number } = {}) {
  const d = db();
  const where = filters.documentId ? eq(documentAccessLog.documentId, filters.documentId) : undefined;
  const total = d.select({ n: count() }).from(documentAccessLog).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageWindow(total, filters.page, ACCESS_LOG_PAGE_SIZE);
  const rows = d
    .select({
      ...columnsOf(documentAccessLog, "id", "at", "action", "ip"),
      documentId: documents.id,
      documentTitle: documents.title,
      ...columnsOf(documents, "publicity", "groupId"),
      version: documentVersions.version,
      userName: users.name,
      userEmail: users.email,
    })
    .from(documentAccessLog)
    .innerJoin(documents, eq(documents.id, documentAccessLog.documentId))
    .leftJoin(documentVersions, eq(documentVersions.id, documentAccessLog.versionId))
    .leftJoin(users, eq(users.id, documentAccessLog.userId))
    .where(where)
    .orderBy(desc(documentAccessLog.at), desc(documentAccessLog.id))
    .limit(ACCESS_LOG_PAGE_SIZE)
    .offset(offset)
    .all();
  const logged = d
    .selectDistinct({ id: documents.id, title: documents.title })
    .from(documentAccessLog)
    .innerJoin(documents, eq(documents.id, documentAccessLog.documentId))
    .orderBy(asc(documents.title))
    .all();
  return { rows, total, page, pageCount, documents: logged };
}

/** Documents linked to a measure, review or plan that the viewer may read (for those pages). */
export function documentsLinkedTo(viewer: Viewer | null, linkType: Exclude<LinkType, "document">, linkId: number) {
  if (!viewer) return [];
  return db()
    .select({ id: documents.id, groupId: documents.groupId, title: documents.title, publicity: documents.publicity })
    .from(documents)
    .where(and(eq(documents.linkType, linkType), eq(documents.linkId, linkId), readableSql(viewer)))
    .orderBy(asc(documents.title))
    .all();
}

/** Documents a meeting agenda or decision may link to: those of the workspace the viewer may read. */
export function linkableDocuments(viewer: Viewer, groupId: number) {
  return db()
    .select({ id: documents.id, title: documents.title, publicity: documents.publicity })
    .from(documents)
    .where(and(eq(documents.groupId, groupId), readableSql(viewer)))
    .orderBy(asc(documents.title))
    .all();
}

// ---------------------------------------------------------------------------------------------
// Writing

export type DocumentMeta = {
  title: string;
  description: string;
  publicity: PublicityClass;
  legalGround: string | null;
  secretUntil: string | null;
  linkType: Exclude<LinkType, "document"> | null;
  linkId: number | null;
};

/** The columns a document's details are written to: a public document keeps no legal ground or secrecy date, an unlinked one no link id. */
function metaValues(meta: DocumentMeta) {
  const nonPublic = meta.publicity !== "public";
  return {
    title: meta.title,
    description: meta.description,
    publicity: meta.publicity,
    legalGround: nonPublic ? meta.legalGround : null,
    secretUntil: nonPublic ? meta.secretUntil : null,
    linkType: meta.linkType,
    linkId: meta.linkType ? meta.linkId : null,
  };
}

/** Current members of the document's workspace who may read it: they hear about new versions. */
function readersToNotify(tx: Tx, documentId: number, groupId: number | null): string[] {
  if (groupId == null) return [];
  const memberIds = listCurrentMemberIds(groupId, tx);
  const readers: string[] = [];
  for (const userId of memberIds) {
    const viewer = loadViewer(userId);
    if (!viewer) continue;
    const readable = tx
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.id, documentId), readableSql(viewer)))
      .get();
    if (readable) readers.push(userId);
  }
  return readers;
}

function insertVersion(
  tx: Tx,
  documentId: number,
  version: number,
  file: { fileName: string; mime: string; bytes: Uint8Array },
  actorId: string,
  note: string,
  now: Date,
) {
  const stored = storeFile(file.bytes);
  tx.insert(documentVersions)
    .values({
      documentId,
      version,
      fileName: file.fileName,
      storedName: stored.storedName,
      mimeType: file.mime,
      size: stored.size,
      sha256: stored.sha256,
      note,
      uploadedById: actorId,
      uploadedAt: now,
    })
    .run();
}

export type CreateResult = { ok: true; id: number } | { ok: false; reason: FileProblem | "parent" };

/**
 * A new document (or an attachment of `parentId`) with its first version. Whoever files a
 * non-public document gets the right to update it, or they would lose sight of what they filed.
 */
export function createDocument(
  actor: Viewer,
  groupId: number,
  meta: DocumentMeta,
  file: UploadedFile,
  opts: { parentId?: number | null; now?: Date } = {},
): CreateResult {
  const now = opts.now ?? clock.now();
  const checked = checkFile(file);
  if (!checked.ok) return checked;
  return writeWithMail((tx) => {
    if (opts.parentId) {
      const parent = tx
        .select({ id: documents.id, groupId: documents.groupId, parentId: documents.parentId })
        .from(documents)
        .where(and(eq(documents.id, opts.parentId), readableSql(actor)))
        .get();
      // Attachments hang on a main document of the same workspace, one level deep.
      if (!parent || parent.groupId !== groupId || parent.parentId != null) return { ok: false as const, reason: "parent" as const };
    }
    const nonPublic = meta.publicity !== "public";
    const id = Number(
      tx
        .insert(documents)
        .values({
          groupId,
          parentId: opts.parentId ?? null,
          ...metaValues(meta),
          createdById: actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .run().lastInsertRowid,
    );
    if (nonPublic) tx.insert(documentGrants).values({ documentId: id, userId: actor.id, canUpdate: true }).run();
    insertVersion(tx, id, 1, { fileName: checked.fileName, mime: checked.mime, bytes: file.bytes }, actor.id, "", now);
    audit(
      { actorId: actor.id, action: "document.created", targetType: "document", targetId: id, detail: { publicity: meta.publicity } },
      tx,
    );
    notifyMany(
      tx,
      readersToNotify(tx, id, groupId),
      {
        kind: "document.new",
        messageKey: "workspaces.notify.documentNew",
        params: { documentId: id, title: meta.title },
        link: `/workspaces/${groupId}/documents/${id}`,
      },
      { except: actor.id, now },
    );
    return { ok: true as const, id };
  });
}

/**
 * A document the actor is about to change: "notFound" when they may not read it (so its existence
 * is not revealed), "forbidden" when they may read it but not do `kind` to it.
 */
function documentToChange(
  tx: Tx,
  actor: Viewer,
  documentId: number,
  kind: "document.update" | "document.manageGrants",
): { doc: typeof documents.$inferSelect; error?: undefined } | { error: "notFound" | "forbidden" } {
  const doc = readableDocument(tx, actor, documentId);
  if (!doc) return { error: "notFound" };
  if (!can(actor, { kind, doc: accessOf(actor, doc) })) return { error: "forbidden" };
  return { doc };
}

export type VersionResult = { ok: true; version: number } | { ok: false; reason: FileProblem | "notFound" | "forbidden" };

/** A new version; every earlier one is kept as it was. */
export function addVersion(actor: Viewer, documentId: number, file: UploadedFile, note: string, now = clock.now()): VersionResult {
  const checked = checkFile(file);
  if (!checked.ok) return checked;
  return writeWithMail((tx) => {
    const found = documentToChange(tx, actor, documentId, "document.update");
    if (found.error) return { ok: false as const, reason: found.error };
    const { doc } = found;
    const last =
      tx
        .select({ v: sql<number>`coalesce(max(${documentVersions.version}), 0)` })
        .from(documentVersions)
        .where(eq(documentVersions.documentId, documentId))
        .get()?.v ?? 0;
    const version = last + 1;
    insertVersion(tx, documentId, version, { fileName: checked.fileName, mime: checked.mime, bytes: file.bytes }, actor.id, note, now);
    tx.update(documents).set({ updatedAt: now }).where(eq(documents.id, documentId)).run();
    audit({ actorId: actor.id, action: "document.version", targetType: "document", targetId: documentId, detail: { version } }, tx);
    notifyMany(
      tx,
      readersToNotify(tx, documentId, doc.groupId),
      {
        kind: "document.version",
        messageKey: "workspaces.notify.documentVersion",
        params: { documentId, title: doc.title, version },
        link: `/workspaces/${doc.groupId}/documents/${documentId}`,
      },
      { except: actor.id, now },
    );
    return { ok: true as const, version };
  });
}

export function updateDocumentMeta(
  actor: Viewer,
  documentId: number,
  meta: DocumentMeta,
  now = clock.now(),
): { ok: true } | { ok: false; reason: "notFound" | "forbidden" } {
  return db().transaction((tx) => {
    const found = documentToChange(tx, actor, documentId, "document.update");
    if (found.error) return { ok: false as const, reason: found.error };
    const { doc } = found;
    const nonPublic = meta.publicity !== "public";
    tx.update(documents)
      .set({
        ...metaValues(meta),
        updatedAt: now,
      })
      .where(eq(documents.id, documentId))
      .run();
    // Classifying a document keeps its classifier able to update it.
    if (nonPublic && doc.publicity === "public") {
      const has = tx
        .select({ id: documentGrants.id })
        .from(documentGrants)
        .where(and(eq(documentGrants.documentId, documentId), eq(documentGrants.userId, actor.id)))
        .get();
      if (has) tx.update(documentGrants).set({ canUpdate: true }).where(eq(documentGrants.id, has.id)).run();
      else tx.insert(documentGrants).values({ documentId, userId: actor.id, canUpdate: true }).run();
    }
    audit(
      {
        actorId: actor.id,
        action: "document.updated",
        targetType: "document",
        targetId: documentId,
        detail: { publicity: meta.publicity, from: doc.publicity },
      },
      tx,
    );
    return { ok: true as const };
  });
}

export type GrantInput = { userId?: string | null; groupId?: number | null; organisationId?: number | null; canUpdate: boolean };

/** Adds or changes a grant (one per holder); only someone who may manage the document's grants. */
export function setGrant(
  actor: Viewer,
  documentId: number,
  input: GrantInput,
): { ok: true } | { ok: false; reason: "notFound" | "forbidden" | "holder" } {
  const holders = [input.userId, input.groupId, input.organisationId].filter((h) => h != null && h !== "");
  if (holders.length !== 1) return { ok: false, reason: "holder" };
  return db().transaction((tx) => {
    const found = documentToChange(tx, actor, documentId, "document.manageGrants");
    if (found.error) return { ok: false as const, reason: found.error };
    const holder = input.userId
      ? eq(documentGrants.userId, input.userId)
      : input.groupId
        ? eq(documentGrants.groupId, input.groupId)
        : eq(documentGrants.organisationId, input.organisationId!);
    const existing = tx
      .select({ id: documentGrants.id })
      .from(documentGrants)
      .where(and(eq(documentGrants.documentId, documentId), holder))
      .get();
    if (existing) tx.update(documentGrants).set({ canUpdate: input.canUpdate }).where(eq(documentGrants.id, existing.id)).run();
    else
      tx.insert(documentGrants)
        .values({
          documentId,
          userId: input.userId || null,
          groupId: input.groupId ?? null,
          organisationId: input.organisationId ?? null,
          canUpdate: input.canUpdate,
        })
        .run();
    audit({ actorId: actor.id, action: "document.grant", targetType: "document", targetId: documentId, detail: input }, tx);
    return { ok: true as const };
  });
}

export function removeGrant(
  actor: Viewer,
  documentId: number,
  grantId: number,
): { ok: true } | { ok: false; reason: "notFound" | "forbidden" } {
  return db().transaction((tx) => {
    const found = documentToChange(tx, actor, documentId, "document.manageGrants");
    if (found.error) return { ok: false as const, reason: found.error };
    const removed = tx
      .delete(documentGrants)
      .where(and(eq(documentGrants.id, grantId), eq(documentGrants.documentId, documentId)))
      .run().changes;
    if (!removed) return { ok: false as const, reason: "notFound" as const };
    audit({ actorId: actor.id, action: "document.grantRemoved", targetType: "document", targetId: documentId, detail: { grantId } }, tx);
    return { ok: true as const };
  });
}

/** Who a grant can be given to: people of the workspace, groups, organisations. */
export function grantOptions(groupId: number) {
  const d = db();
  return {
    people: listCurrentMemberIds(groupId).length
      ? d
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, listCurrentMemberIds(groupId)))
          .orderBy(asc(users.name))
          .all()
      : [],
    groups: d
      .select({ id: groups.id, ...namesOf(groups) })
      .from(groups)
      .orderBy(asc(groups.nameFi))
      .all(),
    organisations: d
      .select({ id: organisations.id, ...namesOf(organisations) })
      .from(organisations)
      .orderBy(asc(organisations.nameFi))
      .all(),
  };
}

// ---------------------------------------------------------------------------------------------
// Download names and headers

/** "SALASSAPIDETTÄVÄ – Liite 1.pdf": the marking travels with the file. */
export function markedFileName(fileName: string, marking: string | null): string {
  return marking ? `${marking} – ${fileName}` : fileName;
}
