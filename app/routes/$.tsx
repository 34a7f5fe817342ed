import { notFound } from "~/server/guard.server";

/** Any path no route claims is a proper 404 page. */
export async function loader() {
  notFound();
}

export default function CatchAll() {
  return null;
}
