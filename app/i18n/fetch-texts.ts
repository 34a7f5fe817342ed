// The browser's one way to get a language's texts: the JSON file /texts/<lng>?v=<hash>
// (server/platform/texts-json.server.ts), used at start (entry.client) and when a navigation
// changes the page's language (root).
export async function fetchTexts(lang: string, href = `/texts/${lang}`): Promise<Record<string, unknown>> {
  const response = await fetch(href, { credentials: "same-origin" });
  return (await response.json()) as Record<string, unknown>;
}
