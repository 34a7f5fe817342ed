// /observations/<id>/photo: an observation's photo (re-encoded, without metadata) for those who
// may see the observation; anyone else gets a 404. Never cached by shared caches.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { observationPhoto } from "~/server/observations/observations.server";
import { getViewer, idParam, notFound } from "~/server/people/guard.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const photo = observationPhoto(viewer, idParam(params.observationId));
  if (!photo) notFound();
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "Content-Type": "image/jpeg",
      "Cache-Control": "private, max-age=300",
      "Content-Disposition": "inline",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
