// `/situations/:situationId/events`: the log's server-sent events (text/event-stream) for the
// situation's page. Authorised like the page (a situation the reader may not read is a 404); it
// looks for entries newer than `after` once a second and sends each new id as an "entry" event,
// ends with a "closed" event when the situation closes, and stops when the browser goes away.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { EventsQuerySchema } from "~/forms/situations";
import { authorize, idParam, notFound } from "~/server/people/guard.server";
import { latestLogId } from "~/server/situations/situations.server";

const POLL_MS = 1000;
const HEARTBEAT_MS = 20_000;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "situation.list" });
  const id = idParam(params.situationId);
  const query = EventsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const first = latestLogId(viewer, id);
  if (!first) notFound();
  let cursor = query.after ?? first.latest;
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      // The browser retries after 3 s if the connection drops.
      send("retry: 3000\n\n");
      const tick = () => {
        // Read again each time: a member whose membership ended (the situation closed) gets nothing more.
        const now = latestLogId(viewer, id);
        if (!now || now.status !== "open") {
          send("event: closed\ndata: closed\n\n");
          stop();
          return;
        }
        if (now.latest > cursor) {
          cursor = now.latest;
          send(`event: entry\ndata: ${cursor}\n\n`);
        }
      };
      const poll = setInterval(tick, POLL_MS);
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      stop = () => {
        clearInterval(poll);
        clearInterval(heartbeat);
        request.signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      request.signal.addEventListener("abort", stop);
      tick();
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: the compression middleware must not buffer the stream.
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
