import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from "@mantine/core";

// A dark city blue: every shade from 6 up keeps 4.5:1 contrast against white (WCAG 2.1 AA).
const cityBlue: MantineColorsTuple = [
  "#eef0ff", "#d9dcfa", "#b0b6f0", "#848ee6", "#5f6bde", "#4654d9", "#1f2bb0", "#1a249a", "#141c80", "#0e1466",
];

export const theme = createTheme({
  primaryColor: "city",
  primaryShade: 6,
  colors: { city: cityBlue },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  defaultRadius: "sm",
  focusRing: "always",
});

/** Mantine's default "dimmed" grey is too light for AA body text; use a darker one. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "#495057", "--mantine-color-placeholder": "#6b7178" },
  dark: {},
});
