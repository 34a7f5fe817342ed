import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/server/platform/redirect";

describe("safeRedirect", () => {
  it("follows same-site paths only", () => {
    expect(safeRedirect("/admin/users?page=2", "/")).toBe("/admin/users?page=2");
    expect(safeRedirect("/measures/12#history", "/")).toBe("/measures/12#history");
    expect(safeRedirect("//evil.example", "/")).toBe("/");
    expect(safeRedirect("https://evil.example", "/")).toBe("/");
    expect(safeRedirect("/\\evil.example", "/")).toBe("/");
    expect(safeRedirect(null, "/home")).toBe("/home");
    expect(safeRedirect("/logout", "/home")).toBe("/home");
  });

  // The values as the action receives them (the query string already decoded once), and some
  // still encoded, as a crafted link would deliver them.
  const PAYLOADS = [
    "/\t/evil.example/phish", // the tab from /login?redirectTo=%2F%09%2Fevil.example%2Fphish
    "/%09/evil.example",
    "/\n/evil",
    "/\r\n/evil",
    "/%0a/evil",
    "/\u0000/evil",
    "/\u0085/evil",
    "/\u007f/evil",
    "/\\evil",
    "/\\/evil",
    "\\\\evil",
    "//evil",
    "///evil",
    "/%2F%2Fevil",
    "/%2f/evil",
    "/%5C%5Cevil",
    "/%5cevil",
    " //evil",
    "http://evil",
    "javascript:alert(1)",
    "evil.example",
    "/%",
    "",
  ];
  for (const payload of PAYLOADS) {
    it(`refuses ${JSON.stringify(payload)}`, () => {
      expect(safeRedirect(payload, "/home")).toBe("/home");
    });
  }

  it("never gives back a path that leaves the origin or carries a control character", () => {
    for (const payload of PAYLOADS) {
      const target = safeRedirect(payload, "/home");
      expect(new URL(target, "https://lahiturva.example").origin).toBe("https://lahiturva.example");
      expect(target).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
  });
});
