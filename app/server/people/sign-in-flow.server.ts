// What follows a correct password: a session at once, or first the second factor (second-factor.server.ts).
import { redirect } from "@remix-run/node";
import type { Locale } from "../../../db/schema";
import { languageCookie } from "../../i18n/i18n.server";
import { startSession } from "./auth.server";
import { homePathFor } from "./permissions.server";
import { safeRedirect } from "../platform/redirect";
import { beginSecondFactor, clearPendingCookie, hasSecondFactor, pendingCookie } from "./second-factor.server";
import { loadViewer } from "./viewer.server";

/** A person with a second factor goes to /login/second-factor; anyone else is signed in. */
export async function afterPassword(
  request: Request,
  result: { userId: string; locale: Locale },
  redirectTo: string | undefined | null,
): Promise<Response> {
  const headers = new Headers();
  headers.append("Set-Cookie", await languageCookie.serialize(result.locale));
  if (hasSecondFactor(result.userId)) {
    const token = beginSecondFactor(result.userId, redirectTo ?? null);
    headers.append("Set-Cookie", pendingCookie(token));
    return redirect("/login/second-factor", { headers });
  }
  return completeSignIn(request, result.userId, redirectTo, headers);
}

/** Starts the session (a new id) and sends the person where they were going. */
export async function completeSignIn(
  request: Request,
  userId: string,
  redirectTo: string | undefined | null,
  headers = new Headers(),
): Promise<Response> {
  headers.append("Set-Cookie", await startSession(userId, request.headers.get("user-agent")));
  headers.append("Set-Cookie", clearPendingCookie());
  const viewer = loadViewer(userId);
  // Signing in from the front page means "take me to my work", not back to the public page.
  const back = redirectTo === "/" ? null : redirectTo;
  return redirect(safeRedirect(back, viewer ? homePathFor(viewer) : "/"), { headers });
}
