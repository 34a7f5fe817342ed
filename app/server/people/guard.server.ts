// Route guards: every loader and action starts here. They read the session once per request,
// ask the permission module, and turn "no" into a redirect to sign-in (anonymous), a 403 or a 404.
import { json, redirect, type AppLoadContext } from "@remix-run/node";
import { readSession } from "./auth.server";
import { can, type Permission } from "./permissions.server";
import { hasSecondFactor, mustHaveSecondFactor } from "./second-factor.server";
import { loadViewer, type Viewer } from "./viewer.server";

/** The signed-in person, or null. Memoised on the request context. */
export async function getViewer(request: Request, context: AppLoadContext): Promise<Viewer | null> {
  const memo = context.memo as { viewer?: Promise<Viewer | null> };
  memo.viewer ??= (async () => {
    const check = context.session ?? (await readSession(request));
    if (check.setCookie) context.setCookies.push(check.setCookie);
    return check.userId ? loadViewer(check.userId) : null;
  })();
  return memo.viewer;
}

export function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

export function forbidden(): never {
  throw json({ reason: "forbidden" }, { status: 403 });
}

export function notFound(): never {
  throw json({ reason: "notFound" }, { status: 404 });
}

export function badRequest(): never {
  throw json({ reason: "badRequest" }, { status: 400 });
}

/** Requires a signed-in person; anonymous visitors are sent to sign in and brought back. */
export async function requireViewer(request: Request, context: AppLoadContext): Promise<Viewer> {
  const viewer = await getViewer(request, context);
  if (!viewer) loginRedirect(request);
  requireEnrolledSecondFactor(request, viewer);
  return viewer;
}

/** Pages a person who must enrol a second factor (and has none) may still open: their account. */
const OPEN_BEFORE_ENROLMENT = /^\/(account(\/|$)|logout$|language$)/;

/** Staff who must have a second factor and have none are sent to enrol it before anything else. */
function requireEnrolledSecondFactor(request: Request, viewer: Viewer) {
  if (OPEN_BEFORE_ENROLMENT.test(new URL(request.url).pathname)) return;
  if (!hasSecondFactor(viewer.id) && mustHaveSecondFactor(viewer)) throw redirect("/account?enrol=1#second-factor");
}

/** Requires a signed-in person who holds `permission`; otherwise sign-in or 403. */
export async function authorize(request: Request, context: AppLoadContext, permission: Permission): Promise<Viewer> {
  const viewer = await requireViewer(request, context);
  if (!can(viewer, permission)) forbidden();
  return viewer;
}

/** Parses a numeric route parameter; anything else is a missing record. */
export function idParam(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) notFound();
  return n;
}
