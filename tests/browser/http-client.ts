// A tiny cookie-keeping HTTP client for tests that need status codes rather than a browser.
import { createHash, createPrivateKey, sign } from "node:crypto";
import { DEMO_PASSKEY_PKCS8, demoCredentialId } from "../../db/seed/demo-second-factor-keys";
import { baseUrl, DEMO_PASSWORD, passkeyCounter } from "./helpers";

export type Session = { cookie: string };

export async function signInOverHttp(email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await fetch(baseUrl() + "/login", {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl() },
    body: new URLSearchParams({ email, password }),
  });
  let cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (res.status === 302 && res.headers.get("location") === "/login/second-factor")
    cookies = await answerSecondFactorOverHttp(email, cookies);
  const session = cookies.find((c) => c.startsWith("lahiturva_session=") && c.length > "lahiturva_session=".length);
  if (!session) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return { cookie: cookies.filter((c) => !c.startsWith("lahiturva_pending=")).join("; ") };
}

/** The demo passkey's assertion, signed here as an authenticator would (db/seed/demo-second-factor.ts). */
async function answerSecondFactorOverHttp(email: string, cookies: string[]): Promise<string[]> {
  const cookie = cookies.join("; ");
  const options = await fetch(baseUrl() + "/login/second-factor?_data=routes%2Flogin_.second-factor", { headers: { Cookie: cookie } }).then(
    (r) => r.json() as Promise<{ passkeyOptions: { challenge: string; rpId: string } }>,
  );
  const credentialId = demoCredentialId(email);
  const clientDataJSON = Buffer.from(
    JSON.stringify({
      type: "webauthn.get",
      challenge: options.passkeyOptions.challenge,
      origin: new URL(baseUrl()).origin,
      crossOrigin: false,
    }),
  );
  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(passkeyCounter(credentialId) + 1);
  const authenticatorData = Buffer.concat([
    createHash("sha256").update(options.passkeyOptions.rpId).digest(),
    Buffer.from([0x05]),
    counter,
  ]);
  const key = createPrivateKey({ key: Buffer.from(DEMO_PASSKEY_PKCS8, "base64"), format: "der", type: "pkcs8" });
  const signature = sign("sha256", Buffer.concat([authenticatorData, createHash("sha256").update(clientDataJSON).digest()]), key);
  const response = {
    id: credentialId,
    rawId: credentialId,
    type: "public-key",
    response: {
      clientDataJSON: clientDataJSON.toString("base64url"),
      authenticatorData: authenticatorData.toString("base64url"),
      signature: signature.toString("base64url"),
    },
    clientExtensionResults: {},
  };
  const res = await fetch(baseUrl() + "/login/second-factor", {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl(), Cookie: cookie },
    body: new URLSearchParams({ intent: "passkey", response: JSON.stringify(response) }),
  });
  if (res.status !== 302) throw new Error(`second factor failed for ${email}: ${res.status}`);
  return [...cookies, ...res.headers.getSetCookie().map((c) => c.split(";")[0])];
}

export async function get(path: string, session?: Session) {
  return fetch(baseUrl() + path, { redirect: "manual", headers: session ? { Cookie: session.cookie } : {} });
}
