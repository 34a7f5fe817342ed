// What an uploaded file really is, decided from its bytes (magic numbers), never from its name.
// Only the few types the workspaces need are accepted; anything else (HTML, SVG, scripts, other
// archives, executables) is refused. Small and dependency-free on purpose: file-type is ESM-only
// and would need bundling, and we need just these checks plus a look inside ZIP containers.

export type DetectedType = {
  mime: string;
  /** Extensions a file of this type may carry; the upload's name must end in one of them. */
  extensions: string[];
};

export const ACCEPTED_TYPES = {
  pdf: { mime: "application/pdf", extensions: ["pdf"] },
  png: { mime: "image/png", extensions: ["png"] },
  jpeg: { mime: "image/jpeg", extensions: ["jpg", "jpeg"] },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  csv: { mime: "text/csv; charset=utf-8", extensions: ["csv"] },
  text: { mime: "text/plain; charset=utf-8", extensions: ["txt"] },
} satisfies Record<string, DetectedType>;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);

/** Names of the entries in a ZIP file, read from its central directory (no decompression). */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= earliest; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: false });
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Markup a browser would render or run if it ever sniffed the file: never accepted as "text". */
const MARKUP =
  /<!doctype\s+html|<html|<head[\s>]|<body|<script|<iframe|<svg|<\?xml|<!--|<a\s|<img|<div|<meta|<style|<object|<embed|<form|<link|<base[\s>]|<math|<template/i;
/** Markup that would make a PDF a web page too (a PDF/HTML polyglot): never in a PDF we keep. */
const POLYGLOT = /<!doctype\s+html|<html|<script|<body|<iframe|<svg|<object|<embed/i;

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let body = bytes;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) body = bytes.subarray(3);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return false;
  }
  // Control characters other than tab, newline, carriage return and form feed mean binary.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
  // Anywhere in the text, not just at its start: a browser that sniffs reads further than that.
  return !MARKUP.test(text);
}

/** The accepted type of `bytes`, or null when the content is not one we take. */
export function sniffFileType(bytes: Uint8Array): (typeof ACCEPTED_TYPES)[keyof typeof ACCEPTED_TYPES] | "text" | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    return POLYGLOT.test(new TextDecoder("latin1").decode(bytes)) ? null : ACCEPTED_TYPES.pdf; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ACCEPTED_TYPES.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ACCEPTED_TYPES.jpeg;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML files are ZIPs with a content-types part and their main part.
    const names = zipEntryNames(bytes);
    if (!names || !names.includes("[Content_Types].xml")) return null;
    if (names.includes("word/document.xml")) return ACCEPTED_TYPES.docx;
    if (names.includes("xl/workbook.xml")) return ACCEPTED_TYPES.xlsx;
    return null;
  }
  return looksLikeText(bytes) ? "text" : null;
}

export type FileCheck = { ok: true; mime: string; extension: string } | { ok: false; reason: "type" | "nameMismatch" | "empty" };

const extensionOf = (fileName: string) => {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
};

/**
 * Checks an upload: the content decides the type; the name's extension must agree with it
 * (a web page renamed `.pdf` is refused, and so is a real PDF named `.docx`).
 */
export function checkUpload(bytes: Uint8Array, fileName: string): FileCheck {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  const detected = sniffFileType(bytes);
  if (!detected) return { ok: false, reason: "type" };
  const extension = extensionOf(fileName);
  if (detected === "text") {
    // Plain text is only plain text: .txt, or .csv for tables.
    if (extension === "csv") return { ok: true, mime: ACCEPTED_TYPES.csv.mime, extension };
    if (extension === "txt") return { ok: true, mime: ACCEPTED_TYPES.text.mime, extension };
    return {
      ok: false,
      reason:
        extension === "" ? "nameMismatch" : ["pdf", "png", "jpg", "jpeg", "docx", "xlsx"].includes(extension) ? "nameMismatch" : "type",
    };
  }
  if (!detected.extensions.includes(extension)) return { ok: false, reason: "nameMismatch" };
  return { ok: true, mime: detected.mime, extension };
}
