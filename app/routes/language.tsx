import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/i18n/config";
import { languageCookie } from "~/i18n/i18n.server";
import { setPreferredLanguage } from "~/server/people/accounts.server";
import { getViewer } from "~/server/people/guard.server";
import { safeRedirect } from "~/server/platform/redirect";

export async function loader() {
  return redirect("/");
}

/** Remembers the chosen language in a cookie and, for a signed-in person, in their profile. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get("lng");
  const back = safeRedirect(form.get("redirectTo"), "/");
  if (!isLanguage(lng)) return redirect(back);
  const viewer = await getViewer(request, context);
  if (viewer) setPreferredLanguage(viewer.id, lng);
  return redirect(back, { headers: { "Set-Cookie": await languageCookie.serialize(lng) } });
}
