// `/account/data.json`: the signed-in person's own data as a JSON download (see personal-data.server).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize, notFound } from "~/server/people/guard.server";
import { helsinkiDate } from "~/server/city/measure-rules";
import { exportPersonalData } from "~/server/people/personal-data.server";
import { downloadResponse } from "~/server/platform/downloads.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "account.view" });
  const data = exportPersonalData(viewer.id);
  if (!data) notFound();
  const name = `lahiturva-omat-tiedot-${helsinkiDate()}.json`;
  return downloadResponse(JSON.stringify(data, null, 2), { type: "application/json; charset=utf-8", name, cacheControl: "no-store" });
}
