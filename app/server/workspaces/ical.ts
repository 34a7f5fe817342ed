// A minimal RFC 5545 writer for one meeting. Written here rather than taken from a library: the
// format is small, and the maintained generator needs Node 22. Times are written in UTC ("Z"), so
// no VTIMEZONE block is needed and every calendar shows the meeting at the right Helsinki time.

export type CalendarEvent = {
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  stamp: Date;
  summary: string;
  description: string;
  location: string;
  url: string | null;
  cancelled: boolean;
};

/** 20260312T110000Z */
export function icalTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** TEXT values: backslash, semicolon and comma are escaped; newlines become \n. */
export function icalText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Content lines are folded at 75 octets (not characters), continuing with a space (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const charSize = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + charSize > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += charSize;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function calendarFor(event: CalendarEvent, productId = "-//Lähiturva//Workspaces//FI"): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${productId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${icalTime(event.stamp)}`,
    `DTSTART:${icalTime(event.start)}`,
    `DTEND:${icalTime(event.end)}`,
    `SUMMARY:${icalText(event.summary)}`,
    event.location ? `LOCATION:${icalText(event.location)}` : null,
    event.description ? `DESCRIPTION:${icalText(event.description)}` : null,
    event.url ? `URL:${event.url}` : null,
    `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ].filter((l): l is string => l !== null);
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
