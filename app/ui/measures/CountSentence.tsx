import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * What a page counts, in words: "47 toimenpidettä, joista 22 ehdotusta". The steering summary, the
 * status review and the measure list count the same way (see STATUS_COLUMNS in measure-rules.ts).
 */
export function countSentence(t: (key: string, opts?: Record<string, unknown>) => string, total: number, proposed: number): string {
  return `${t("measures.counted", { count: total })}${proposed ? t("measures.ofWhichProposals", { count: proposed }) : ""}.`;
}

export function CountSentence({ total, proposed, note = false }: { total: number; proposed: number; note?: boolean }) {
  const { t } = useTranslation();
  return (
    <Text data-testid="count-sentence">
      <strong>{countSentence(t, total, proposed)}</strong>
      {note ? ` ${t("measures.countedNote")}` : null}
    </Text>
  );
}
