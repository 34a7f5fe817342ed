// What changed between two versions of a situational picture, field by field and word by word.
// Pure (no database), so the page and the tests share it. The steering reviews' diff compares
// measures by id and status, not free text, so the picture needs a text diff of its own: a
// longest-common-subsequence over words, which is plenty for texts of a few paragraphs.

export const PICTURE_FIELDS = ["happened", "location", "affected", "risks", "resources", "agreed"] as const;
export type PictureField = (typeof PICTURE_FIELDS)[number];
export type PictureText = Record<PictureField, string> & { nextUpdateAt: string | number | Date | null };

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };
export type FieldDiff = { field: PictureField | "nextUpdateAt"; changed: boolean; parts: DiffPart[] };

/** Words with the spaces after them, so joining the parts gives the text back. */
const tokens = (text: string) => text.match(/\S+\s*|\s+/g) ?? [];

/** Word-level diff of two texts: the old text's removed words, the new text's added words, the rest in common. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // Bounded: a pathological pair of very long texts falls back to "all removed, all added".
  if (a.length * b.length > 4_000_000)
    return merge([...a.map((text) => ({ kind: "removed" as const, text })), ...b.map((text) => ({ kind: "added" as const, text }))]);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i]!.trim() === b[j]!.trim() ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]!.trim() === b[j]!.trim()) {
      parts.push({ kind: "same", text: b[j]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) parts.push({ kind: "removed", text: a[i++]! });
    else parts.push({ kind: "added", text: b[j++]! });
  }
  while (i < a.length) parts.push({ kind: "removed", text: a[i++]! });
  while (j < b.length) parts.push({ kind: "added", text: b[j++]! });
  return merge(parts);
}

/** Neighbouring parts of the same kind as one part: fewer elements, and a screen reader reads phrases. */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.kind === p.kind) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

const instantText = (v: PictureText["nextUpdateAt"]) => (v == null ? "" : String(new Date(v).getTime()));

/** Every field of the picture with whether it changed and how; the next update time compares as an instant. */
export function diffPictures(before: PictureText, after: PictureText): FieldDiff[] {
  const fields: FieldDiff[] = PICTURE_FIELDS.map((field) => {
    const changed = before[field] !== after[field];
    return { field, changed, parts: changed ? diffWords(before[field], after[field]) : [{ kind: "same", text: after[field] }] };
  });
  const changed = instantText(before.nextUpdateAt) !== instantText(after.nextUpdateAt);
  fields.push({
    field: "nextUpdateAt",
    changed,
    parts: changed
      ? [
          ...(before.nextUpdateAt == null ? [] : [{ kind: "removed" as const, text: instantText(before.nextUpdateAt) }]),
          ...(after.nextUpdateAt == null ? [] : [{ kind: "added" as const, text: instantText(after.nextUpdateAt) }]),
        ]
      : [{ kind: "same", text: instantText(after.nextUpdateAt) }],
  });
  return fields;
}
