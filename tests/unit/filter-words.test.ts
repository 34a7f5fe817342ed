// The filters in words (printed on the measure list and the steering summary): only active ones,
// values by their labels, in the order given.
import { describe, expect, it } from "vitest";
import { filterWords } from "~/ui/measures/FilterSentence";

describe("filterWords", () => {
  it("names the active filters by their labels and skips the rest", () => {
    const areas = [
      { value: "3", label: "6 Turvallisuuskävelyt" },
      { value: "none", label: "Ei painopistealuetta" },
    ];
    const statuses = [
      { value: "delayed", label: "Viivästynyt" },
      { value: "on_hold", label: "Keskeytetty" },
    ];
    expect(
      filterWords([
        { label: "Haku", value: undefined },
        { label: "Painopistealue", value: 3, options: areas },
        { label: "Tila", value: ["delayed", "on_hold"], options: statuses },
        { label: "Omistaja", value: "" },
        { label: "Vain myöhässä olevat", value: true },
        { label: "Vain päivittämättömät", value: false },
        { label: "Alue", value: [] },
      ]),
    ).toEqual(["Painopistealue: 6 Turvallisuuskävelyt", "Tila: Viivästynyt, Keskeytetty", "Vain myöhässä olevat"]);
  });

  it("shows a value without a label as it is", () => {
    expect(filterWords([{ label: "Haku", value: "”kävely”" }])).toEqual(["Haku: ”kävely”"]);
  });
});
