import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";

type StrategyNamed = { nameFi: string; nameSv?: string | null; nameEn?: string | null; termStartYear: number; termEndYear: number };

/** A strategy's name with its council term, unless the name already says it ("… 2025–2029"). */
export function useStrategyLabel() {
  const { t, i18n } = useTranslation();
  return (s: StrategyNamed) => {
    const name = localName(s, i18n.language);
    return name.includes(String(s.termStartYear))
      ? name
      : t("plans.strategyNameTerm", { name, start: s.termStartYear, end: s.termEndYear });
  };
}
