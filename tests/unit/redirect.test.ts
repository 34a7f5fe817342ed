import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/server/redirect";

describe("safeRedirect", () => {
  it("follows same-site paths only", () => {
    expect(safeRedirect("/admin/users?page=2", "/")).toBe("/admin/users?page=2");
    expect(safeRedirect("//evil.example", "/")).toBe("/");
    expect(safeRedirect("https://evil.example", "/")).toBe("/");
    expect(safeRedirect("/\\evil.example", "/")).toBe("/");
    expect(safeRedirect(null, "/home")).toBe("/home");
    expect(safeRedirect("/logout", "/home")).toBe("/home");
  });
});
