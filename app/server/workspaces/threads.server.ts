// Discussion threads of a workspace. Writing "@Jari Heikkinen" (or ticking a member) mentions a
// current member of the group, who gets a notification; nobody outside the group can be mentioned.
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { posts, threads, users } from "../../../db/schema";
import { audit } from "../platform/audit.server";
import { db, type Tx } from "../platform/db.server";
import { notifyMany, writeWithMail } from "../mail/notifications.server";
import type { Viewer } from "../people/viewer.server";
import { listCurrentMembers } from "./workspace-members.server";
import { clock } from "../platform/clock";
import { columnsOf } from "../platform/select-names";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Members whose full name follows an "@" in the text (case-insensitive, whole name only). */
export function findMentions(body: string, members: { id: string; name: string }[]): string[] {
  // Longest names first, so "@Anna-Maija Korhonen" is not taken for someone called "Anna".
  const sorted = [...members].sort((a, b) => b.name.length - a.name.length);
  const found = new Set<string>();
  for (const m of sorted) {
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}_])@${escapeRegExp(m.name)}(?![\\p{L}\\p{N}_-])`, "iu");
    if (pattern.test(body)) found.add(m.id);
  }
  return [...found];
}

function notifyMentions(
  tx: Tx,
  actor: Viewer,
  groupId: number,
  thread: { id: number; title: string },
  postId: number,
  body: string,
  picked: string[],
  now: Date,
) {
  const members = listCurrentMembers(groupId, tx);
  const memberIds = new Set(members.map((m) => m.id));
  const mentioned = [...new Set([...findMentions(body, members), ...picked.filter((id) => memberIds.has(id))])];
  notifyMany(
    tx,
    mentioned,
    {
      kind: "mention",
      messageKey: "workspaces.notify.mention",
      params: { name: actor.name, title: thread.title, threadId: thread.id },
      link: `/workspaces/${groupId}/threads/${thread.id}#post-${postId}`,
    },
    { except: actor.id, now },
  );
  return mentioned;
}

export function createThread(
  actor: Viewer,
  groupId: number,
  input: { title: string; body: string; mentionIds: string[] },
  now = clock.now(),
) {
  return writeWithMail((tx) => {
    const threadId = Number(
      tx.insert(threads).values({ groupId, title: input.title, createdById: actor.id, createdAt: now, lastPostAt: now }).run()
        .lastInsertRowid,
    );
    const postId = Number(
      tx.insert(posts).values({ threadId, authorId: actor.id, body: input.body, createdAt: now }).run().lastInsertRowid,
    );
    const mentioned = notifyMentions(tx, actor, groupId, { id: threadId, title: input.title }, postId, input.body, input.mentionIds, now);
    audit({ actorId: actor.id, action: "thread.created", targetType: "thread", targetId: threadId }, tx);
    return { id: threadId, postId, mentioned };
  });
}

export function addPost(
  actor: Viewer,
  groupId: number,
  threadId: number,
  input: { body: string; mentionIds: string[] },
  now = clock.now(),
) {
  return writeWithMail((tx) => {
    const thread = tx
      .select()
      .from(threads)
      .where(and(eq(threads.id, threadId), eq(threads.groupId, groupId)))
      .get();
    if (!thread) return null;
    const postId = Number(
      tx.insert(posts).values({ threadId, authorId: actor.id, body: input.body, createdAt: now }).run().lastInsertRowid,
    );
    tx.update(threads).set({ lastPostAt: now }).where(eq(threads.id, threadId)).run();
    const mentioned = notifyMentions(tx, actor, groupId, thread, postId, input.body, input.mentionIds, now);
    return { postId, mentioned };
  });
}

export function listThreads(groupId: number, limit = 200) {
  return db()
    .select({
      ...columnsOf(threads, "id", "title", "createdAt", "lastPostAt"),
      authorName: users.name,
      postCount: sql<number>`(select count(*) from ${posts} p where p.thread_id = ${threads.id})`,
    })
    .from(threads)
    .leftJoin(users, eq(users.id, threads.createdById))
    .where(eq(threads.groupId, groupId))
    .orderBy(desc(threads.lastPostAt), desc(threads.id))
    .limit(limit)
    .all();
}

export function countThreads(groupId: number) {
  return db().select({ n: count() }).from(threads).where(eq(threads.groupId, groupId)).get()?.n ?? 0;
}

export function getThread(groupId: number, threadId: number) {
  const d = db();
  const thread = d
    .select()
    .from(threads)
    .where(and(eq(threads.id, threadId), eq(threads.groupId, groupId)))
    .get();
  if (!thread) return null;
  const rows = d
    .select({
      ...columnsOf(posts, "id", "body", "createdAt", "editedAt"),
      authorName: users.name,
      authorId: posts.authorId,
    })
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(eq(posts.threadId, threadId))
    .orderBy(asc(posts.createdAt), asc(posts.id))
    .all();
  return { thread, posts: rows };
}
