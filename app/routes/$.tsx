import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { notFound } from "~/server/people/guard.server";

/**
 * Any path no route claims is a proper 404 page. The HTTP server also sends here the requests it
 * refused before reading them (a too large body, an unknown method): they get their own status.
 */
export async function loader({ context }: LoaderFunctionArgs) {
  if (context.refusedStatus) throw json({ reason: "refused" }, { status: context.refusedStatus });
  notFound();
}

export default function CatchAll() {
  return null;
}
