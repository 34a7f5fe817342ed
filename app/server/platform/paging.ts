// Pages of a list: one rule, whatever the list, for which page is shown and how a page number is
// read from the URL. Plain module (no server-only imports): tests and loaders share it.

/** The page to show of `total` rows: the one asked for, kept within 1..pageCount, and where it starts. */
export function pageWindow(total: number, requested: number | undefined, pageSize: number) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requested ?? 1) || 1), pageCount);
  return { page, pageCount, offset: (page - 1) * pageSize };
}

/** A page number from a request's URL (`?plansPage=2`): anything but a positive number is page 1. */
export function pageParam(url: string | URL, name = "page"): number {
  return Math.max(1, Math.floor(Number(new URL(url).searchParams.get(name))) || 1);
}
