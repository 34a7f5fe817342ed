// Figures read the same wherever they stand side by side: with their unit and period.
import { describe, expect, it } from "vitest";
import { figureWithUnit } from "~/server/city/indicator-figures";

const num = (n: number) => new Intl.NumberFormat("fi-FI", { maximumFractionDigits: 1 }).format(n);
const words = { over: "yli %s", under: "alle %s" };

describe("figureWithUnit", () => {
  it("writes the unit after every figure, bounds and ranges included", () => {
    expect(figureWithUnit({ value: 7.1, bound: "exact", period: "2025" }, "%", num, words)).toBe("7,1 % (2025)");
    expect(figureWithUnit({ value: 80, bound: "over", upper: null, period: "2023" }, "%", num, words)).toBe("yli 80 % (2023)");
    expect(figureWithUnit({ value: 3, bound: "range", upper: 4, period: "2024" }, "kpl", num, words)).toBe("3–4 kpl (2024)");
  });

  it("leaves no stray space when an indicator has no unit", () => {
    expect(figureWithUnit({ value: 12, bound: "exact", period: "2026" }, " ", num, words)).toBe("12 (2026)");
  });
});
