type Described = { descriptionFi?: string | null; descriptionSv?: string | null; descriptionEn?: string | null };

/** A record's description in the reader's language, falling back to Finnish like localName. */
export function localDescription(record: Described, lang: string): string | null {
  if (lang === "sv" && record.descriptionSv) return record.descriptionSv;
  if (lang === "en" && record.descriptionEn) return record.descriptionEn;
  return record.descriptionFi ?? null;
}

/** The measure list filtered by plan and more (the list keeps its filter state in the URL). */
export function measureListHref(planId: number, filters: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams({ plan: String(planId) });
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) q.set(k, String(v));
  return `/measures?${q.toString()}`;
}
