import { Anchor, createTheme, Table, type CSSVariablesResolver, type MantineColorsTuple } from "@mantine/core";

// A dark city blue: every shade from 6 up keeps 4.5:1 contrast against white (WCAG 2.1 AA).
const cityBlue: MantineColorsTuple = [
  "#eef0ff",
  "#d9dcfa",
  "#b0b6f0",
  "#848ee6",
  "#5f6bde",
  "#4654d9",
  "#1f2bb0",
  "#1a249a",
  "#141c80",
  "#0e1466",
];

// Status colours darkened from shade 6 up so text and outlines on white pass AA as well.
const red: MantineColorsTuple = [
  "#fff5f5",
  "#ffe3e3",
  "#ffc9c9",
  "#ffa8a8",
  "#ff8787",
  "#ff6b6b",
  "#a61e1e",
  "#921a1a",
  "#7d1616",
  "#681212",
];
const green: MantineColorsTuple = [
  "#ebfbee",
  "#d3f9d8",
  "#b2f2bb",
  "#8ce99a",
  "#69db7c",
  "#51cf66",
  "#237032",
  "#1e602b",
  "#195024",
  "#14401d",
];
const orange: MantineColorsTuple = [
  "#fff4e6",
  "#ffe8cc",
  "#ffd8a8",
  "#ffc078",
  "#ffa94d",
  "#ff922b",
  "#a84300",
  "#923a00",
  "#7c3100",
  "#662800",
];

export const theme = createTheme({
  primaryColor: "city",
  primaryShade: 6,
  colors: { city: cityBlue, red, green, orange },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  defaultRadius: "sm",
  focusRing: "always",
  // Links inside text must not rely on colour alone (WCAG 1.4.1): underline them always.
  components: {
    Anchor: Anchor.extend({ defaultProps: { underline: "always" } }),
    // A wide table scrolls in a plain overflow box that keyboard users can focus and scroll
    // (axe scrollable-region-focusable); ui/ScrollTable also names the region.
    TableScrollContainer: Table.ScrollContainer.extend({ defaultProps: { type: "native", tabIndex: 0, className: "scroll-region" } }),
  },
});

/** Mantine's default "dimmed" grey is too light for AA body text; use a darker one. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "#495057", "--mantine-color-placeholder": "#6b7178" },
  dark: {},
});
