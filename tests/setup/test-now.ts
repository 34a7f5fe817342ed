// The moment the unit + integration suite runs at. The seed, the domain modules and the tests all
// read it through the app's one clock (app/server/platform/clock.ts), so their dates agree whatever the
// machine's clock says. TEST_NOW=<ISO instant> runs the whole suite at another moment.
const raw = process.env.TEST_NOW || "2026-11-23T10:00:00Z";
const at = Date.parse(raw);
if (Number.isNaN(at)) throw new Error(`TEST_NOW is not an ISO date and time: ${raw}`);

export const TEST_NOW = new Date(at);
