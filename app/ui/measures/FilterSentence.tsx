// The filters of a list or summary in words, for print (.print-only): on paper there is no form
// to show what the figures cover, so the page says it, e.g. "Priority area: 6 Safety walks; status: late."
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export type FilterPart = {
  label: string;
  /** The chosen value(s); empty or undefined: not filtered. */
  value: string | number | boolean | readonly (string | number)[] | null | undefined;
  /** Labels of the possible values; without them the value is shown as it is. */
  options?: readonly { value: string; label: string }[];
};

/** "Label: value" for every active filter, joined with "; ". */
export function filterWords(parts: FilterPart[]): string[] {
  const words: string[] = [];
  for (const p of parts) {
    if (p.value == null || p.value === "" || p.value === false) continue;
    const values = Array.isArray(p.value) ? p.value : [p.value];
    if (values.length === 0) continue;
    if (p.value === true) {
      words.push(p.label);
      continue;
    }
    const shown = values.map((v) => p.options?.find((o) => o.value === String(v))?.label ?? String(v));
    words.push(`${p.label}: ${shown.join(", ")}`);
  }
  return words;
}

export function FilterSentence({ parts }: { parts: FilterPart[] }) {
  const { t } = useTranslation();
  const words = filterWords(parts);
  return (
    <Text className="print-only" size="sm" data-testid="filter-sentence">
      {words.length ? t("measures.filtersInWords", { filters: words.join("; ") }) : t("measures.noFiltersInWords")}
    </Text>
  );
}
