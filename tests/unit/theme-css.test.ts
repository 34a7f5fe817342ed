// The stylesheet /theme.css must hold exactly what MantineProvider would otherwise put inline in
// every page: rendered here both ways, so a Mantine upgrade that changes either shows up.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { MantineProvider } from "@mantine/core";
import { describe, expect, it } from "vitest";
import { THEME_CSS, THEME_CSS_VERSION } from "~/server/platform/theme-css.server";
import { cssVariablesResolver, theme } from "~/ui/theme";

describe("theme stylesheet", () => {
  it("equals the variables MantineProvider renders inline for our theme", () => {
    const html = renderToString(
      createElement(MantineProvider, { theme, cssVariablesResolver, defaultColorScheme: "light" }, createElement("p", null, "x")),
    );
    const inline = /<style data-mantine-styles="true"[^>]*>(.*?)<\/style>/s.exec(html)?.[1];
    expect(inline).toBeDefined();
    expect(THEME_CSS).toBe(inline);
    expect(THEME_CSS).toContain("--mantine-color-dimmed: #495057");
    expect(THEME_CSS_VERSION).toMatch(/^[0-9a-z]+$/);
  });
});
