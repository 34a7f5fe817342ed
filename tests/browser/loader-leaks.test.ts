// Issue 14, finding 4: the data a page carries (its loaders' JSON, embedded in the HTML and served
// to `?_data=`) holds no e-mail address or person id that the page does not show to that reader.
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { baseUrl, DEMO } from "./helpers";
import { signInOverHttp, type Session } from "./http-client";
import { routePaths } from "./route-paths";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The text a reader sees: the HTML without its scripts, tags and attributes. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, " ")
    .replace(/<style[\s\S]*?<\/style>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** Links may carry ids (a person's page) — those the reader can follow are shown to them. */
function hrefs(html: string): string {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).join(" ");
}

let userIds: Map<string, string>;
beforeAll(() => {
  const sqlite = new Database(join(inject("dataDir"), "lahiturva.sqlite"), { readonly: true });
  userIds = new Map(
    (sqlite.prepare("select id, email from users").all() as { id: string; email: string }[]).map((u) => [u.id.toLowerCase(), u.email]),
  );
  sqlite.close();
});

async function leaksFor(session: Session | undefined, self: { id: string; email: string } | null): Promise<string[]> {
  const leaks: string[] = [];
  const headers = session ? { Cookie: session.cookie } : undefined;
  for (const { routeId, path } of await routePaths()) {
    const page = await fetch(baseUrl() + path, { redirect: "manual", headers });
    const type = page.headers.get("content-type") ?? "";
    if (page.status !== 200 || !type.includes("text/html")) {
      await page.arrayBuffer();
      continue;
    }
    const html = await page.text();
    const shown = visibleText(html) + " " + hrefs(html);
    const sep = path.includes("?") ? "&" : "?";
    const data = await fetch(`${baseUrl()}${path}${sep}_data=${encodeURIComponent(routeId)}`, { redirect: "manual", headers });
    const json = data.status === 200 ? await data.text() : (await data.arrayBuffer(), "");
    // The page's own data, and everything embedded in its HTML (every route on the page).
    for (const [where, text] of [
      ["_data", json],
      ["html", html],
    ] as const) {
      for (const email of new Set(text.match(EMAIL) ?? [])) {
        if (email === self?.email || shown.includes(email)) continue;
        leaks.push(`${path} (${where}): e-mail ${email}`);
      }
      for (const id of new Set((text.match(UUID) ?? []).map((u) => u.toLowerCase()))) {
        if (!userIds.has(id) || id === self?.id || shown.toLowerCase().includes(id)) continue;
        leaks.push(`${path} (${where}): person id of ${userIds.get(id)}`);
      }
    }
  }
  return leaks;
}

describe("loader data carries only what the page shows (finding 4)", () => {
  it("anonymous visitors: no hidden e-mail address or person id on any page", async () => {
    expect(await leaksFor(undefined, null)).toEqual([]);
  });

  it("a resident: no hidden e-mail address or other person's id on any page", async () => {
    const session = await signInOverHttp(DEMO.resident);
    const id = [...userIds].find(([, email]) => email === DEMO.resident)![0];
    expect(await leaksFor(session, { id, email: DEMO.resident })).toEqual([]);
  });
});
