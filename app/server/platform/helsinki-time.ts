// Wall-clock time in Helsinki ↔ instants. Meetings are typed as "12.3.2026 klo 13.00" local
// time; the database stores instants. Daylight saving is handled by Intl, not by fixed offsets.

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The Helsinki wall-clock date ("YYYY-MM-DD") and time ("HH:MM") of an instant. */
export function helsinkiParts(date: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

function offsetAt(instant: number): number {
  const { date, time } = helsinkiParts(new Date(instant));
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return asUtc - Math.floor(instant / 60000) * 60000;
}

/** The instant at which Helsinki clocks show `date` `time` (e.g. "2026-03-12", "13:00"). */
export function helsinkiToDate(date: string, time: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(wall)) throw new Error(`invalid date or time: ${date} ${time}`);
  // Two rounds settle the offset also on the days the clocks change.
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant);
}

/** The current hour (0–23) on Helsinki clocks. */
export function helsinkiHour(date: Date): number {
  return Number(helsinkiParts(date).time.slice(0, 2));
}
