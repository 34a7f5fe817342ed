import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "~/server/platform/config.server";

describe("settings from the environment", () => {
  it("has safe demo defaults and generates a secret that is kept", () => {
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    const first = parseConfig({ DATA_DIR: dir });
    expect(first.port).toBe(3000);
    expect(first.databasePath).toBe(join(dir, "lahiturva.sqlite"));
    expect(first.appSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dir, "app-secret"), "utf8")).toBe(first.appSecret);
    expect(parseConfig({ DATA_DIR: dir }).appSecret).toBe(first.appSecret);
    expect(first.smtp).toBeNull();
  });

  it("makes cookies Secure in production unless told otherwise", () => {
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    expect(parseConfig({ DATA_DIR: dir, NODE_ENV: "production" }).cookieSecure).toBe(true);
    expect(parseConfig({ DATA_DIR: dir, NODE_ENV: "production", COOKIE_SECURE: "false" }).cookieSecure).toBe(false);
    expect(parseConfig({ DATA_DIR: dir }).cookieSecure).toBe(false);
  });

  it("refuses invalid settings with a message naming them", () => {
    expect(() => parseConfig({ PORT: "http" })).toThrow(/PORT/);
    expect(() => parseConfig({ APP_SECRET: "short" })).toThrow(/APP_SECRET/);
  });
});

describe("proxy trust and backups (issue 14)", () => {
  it("X-Forwarded-For is trusted only when TRUST_PROXY says so", () => {
    expect(parseConfig({ APP_SECRET: "x".repeat(32) }).trustProxy).toBeNull();
    expect(parseConfig({ APP_SECRET: "x".repeat(32), TRUST_PROXY: "loopback" }).trustProxy).toBe("loopback");
    expect(parseConfig({ APP_SECRET: "x".repeat(32), TRUST_PROXY: " " }).trustProxy).toBeNull();
  });

  it("backups default beside the data directory, seven kept, not nightly", () => {
    const cfg = parseConfig({ APP_SECRET: "x".repeat(32), DATA_DIR: "/srv/lahiturva/data" });
    expect(cfg).toMatchObject({ backupDir: "/srv/lahiturva/data-backups", backupKeep: 7, backupNightly: false });
  });

  it("the city is a setting: the names its tables use for the whole city, and who issues the review PDF", () => {
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    const demo = parseConfig({ DATA_DIR: dir });
    expect(demo.cityNames).toContain("Helsinki");
    expect(demo.cityIssuer.sv).toMatch(/^Helsingfors stad/);
    const tampere = parseConfig({
      DATA_DIR: dir,
      CITY_NAMES: "Tampere | Tammerfors|Tampereen kaupunki",
      CITY_ISSUER: "Tampereen kaupunki|Tammerfors stad",
    });
    expect(tampere.cityNames).toEqual(["Tampere", "Tammerfors", "Tampereen kaupunki"]);
    // A language left out reads as Finnish.
    expect(tampere.cityIssuer).toEqual({ fi: "Tampereen kaupunki", sv: "Tammerfors stad", en: "Tampereen kaupunki" });
  });
});
