// The texts of one language as a JSON file (/texts/<lng>?v=<hash>) for the browser. The page's
// JavaScript then carries no texts at all (before, all three languages were bundled into it,
// some 74 KB compressed), and the file, named by its content, is cached for good.
import { createHash } from "node:crypto";
import { type Language, SUPPORTED_LANGUAGES } from "../../i18n/config";
import { resources } from "../../i18n/resources";

export const TEXTS_JSON = Object.fromEntries(SUPPORTED_LANGUAGES.map((lng) => [lng, JSON.stringify(resources[lng].translation)])) as Record<
  Language,
  string
>;

/** Changes whenever any text changes; part of the URL, so a new build is never served old texts. */
export const TEXTS_VERSION = createHash("sha256")
  .update(SUPPORTED_LANGUAGES.map((lng) => TEXTS_JSON[lng]).join("\n"))
  .digest("base64url")
  .slice(0, 12)
  .toLowerCase()
  .replace(/[^0-9a-z]/g, "0");
