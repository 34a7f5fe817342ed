// An observation's one photo: its content is checked like a workspace document's (the bytes decide
// the type, the name must agree; only JPEG and PNG are taken), then it is re-encoded with sharp as
// a JPEG. Re-encoding without withMetadata() drops every EXIF, XMP and ICC block, the GPS position
// of the camera included, so a photo can never reveal where or when, or with what, it was taken.
import type { default as Sharp } from "sharp";
import { checkUpload } from "../platform/file-sniff";

/**
 * sharp (libvips) is loaded with the first photo, not at start: most server processes never see
 * one, and libvips costs resident memory once loaded. Its operation cache is off: each photo is
 * re-encoded once, so cached operations would only hold memory (up to 50 MB by default).
 */
let loaded: Promise<typeof Sharp> | undefined;
function loadSharp(): Promise<typeof Sharp> {
  loaded ??= import("sharp").then(({ default: sharp }) => {
    sharp.cache(false);
    return sharp;
  });
  return loaded;
}

export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
/** Long side in pixels: enough to see a broken lamp, small enough to keep in the database. */
const MAX_SIDE = 1600;

export type CleanPhoto = { bytes: Buffer; width: number; height: number };
export type PhotoResult = { ok: true; photo: CleanPhoto } | { ok: false; reason: "type" | "tooLarge" | "unreadable" };

export async function cleanPhoto(bytes: Uint8Array, fileName: string): Promise<PhotoResult> {
  if (bytes.byteLength > MAX_PHOTO_BYTES) return { ok: false, reason: "tooLarge" };
  const check = checkUpload(bytes, fileName);
  if (!check.ok || (check.mime !== "image/jpeg" && check.mime !== "image/png")) return { ok: false, reason: "type" };
  try {
    // rotate() first: the orientation lives in the EXIF that is about to go.
    const sharp = await loadSharp();
    const { data, info } = await sharp(bytes, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, photo: { bytes: data, width: info.width, height: info.height } };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}
