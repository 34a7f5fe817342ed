import { listMyMeasures } from "./app/server/measures.server";
import { viewerOf } from "./tests/integration/fixtures";
import { expertOrganisationIds } from "./app/server/viewer.server";
const v = viewerOf("asiantuntija@demo.lahiturva.fi");
console.log(listMyMeasures(v.id, expertOrganisationIds(v)).filter((m) => m.late || m.stale).map((m) => [m.code, m.late, m.stale]));
