// A tiny cookie-keeping HTTP client for tests that need status codes rather than a browser.
import { baseUrl, DEMO_PASSWORD } from "./helpers";

export type Session = { cookie: string };

export async function signInOverHttp(email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await fetch(baseUrl() + "/login", {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl() },
    body: new URLSearchParams({ email, password }),
  });
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  const session = cookies.find((c) => c.startsWith("lahiturva_session="));
  if (res.status !== 302 || !session) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return { cookie: cookies.join("; ") };
}

export async function get(path: string, session?: Session) {
  return fetch(baseUrl() + path, { redirect: "manual", headers: session ? { Cookie: session.cookie } : {} });
}
