// Indicator figures as published: a number, a bound ("yli 80") or a range ("4 000–5 000"), and the
// value axis of a chart that does not exaggerate a change.
import { useTranslation } from "react-i18next";
import { type BoundWords, type FigureLike, figureText, figureWithUnit } from "~/server/city/indicator-figures";
import { useFormat } from "~/ui/format";

export type FigureView = FigureLike;

/** How the reader's language writes one number and the words around a bound. */
function useFigureWords(): { t: ReturnType<typeof useTranslation>["t"]; num: (n: number) => string; words: BoundWords } {
  const { t } = useTranslation();
  const fmt = useFormat();
  const num = (n: number) => fmt.number(n, { maximumFractionDigits: 2 });
  const words: BoundWords = { over: t("indicators.bounds.over", { value: "%s" }), under: t("indicators.bounds.under", { value: "%s" }) };
  return { t, num, words };
}

/** A figure in the reader's language: "62,5", "yli 80", "alle 5", "4 000–5 000". */
export function useFigureText() {
  const { t, num, words } = useFigureWords();
  return (f: FigureView | null | undefined): string => (f ? figureText(f, num, words) : t("indicators.noValue"));
}

/** A figure with its unit and period ("7,4 % (2023)"), for figures shown side by side. */
export function useFigureWithUnit() {
  const { t, num, words } = useFigureWords();
  return (f: (FigureView & { period: string }) | null | undefined, unit: string): string =>
    f ? figureWithUnit(f, unit, num, words) : t("indicators.noValue");
}

/** A round step near a tenth of `span`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(span: number): number {
  const raw = span / 10;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw)!;
  return step * power;
}

/**
 * The value axis of an indicator chart. Counts, shares and rates start from zero, so 76 → 77 looks
 * like the small change it is (not a 76–77 axis) and a single value of 880 000 is not drawn on a
 * 879 998–880 002 axis. The top is the largest value (or 1 when all are 0) plus a tenth, rounded up
 * to a round step; for a percentage at most 100. Values below zero extend the axis down the same way.
 */
export function valueAxisDomain(values: (number | null | undefined)[], unit = ""): [number, number] {
  const list = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const max = Math.max(0, ...list);
  const min = Math.min(0, ...list);
  const span = max - min || 1;
  const step = niceStep(span * 1.1);
  let top = max > 0 || min === 0 ? Math.ceil((max + span * 0.1) / step) * step : 0;
  const bottom = min < 0 ? Math.floor((min - span * 0.1) / step) * step : 0;
  if (unit.trim() === "%" && max <= 100) top = Math.min(top, 100);
  return [bottom, top];
}
