// A status review's title in the reader's language, and its downloads' file names: pure, so the
// pages, the PDF worker and the export routes all say it the same way.

export type ReviewTitles = { title: string; titleSv?: string | null; titleEn?: string | null };

/** The title in `lang`, or the Finnish one; `lang` is the language of the text returned (for a lang attribute). */
export function reviewTitleIn(review: ReviewTitles, lang: string): { text: string; lang: "fi" | "sv" | "en" } {
  if (lang === "sv" && review.titleSv) return { text: review.titleSv, lang: "sv" };
  if (lang === "en" && review.titleEn) return { text: review.titleEn, lang: "en" };
  return { text: review.title, lang: "fi" };
}

/** Words of a file name, joined with hyphens: `status-review-2-draft.pdf`. */
export function reviewFileName(words: (string | number)[], extension: "pdf" | "xlsx"): string {
  const stem = words
    .map((w) => String(w).trim().toLowerCase().replace(/\s+/g, "-"))
    .filter(Boolean)
    .join("-");
  return `${stem}.${extension}`;
}
