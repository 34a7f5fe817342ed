// The demo second factors' published secrets (db/seed/demo-second-factor.ts). Demo and tests only.
/** PKCS#8 (DER, base64) of the demo passkeys' P-256 key. Demo only. */
export const DEMO_PASSKEY_PKCS8 =
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgQj7WCn/F7UUaPNe/+3Abnioht/Ckp1hIdBI337XIb3KhRANCAAR8BO0QMA2KKPHOiyGL/KXzmBwTCjgYto3zf/h9DdiZN6yAfk7ohTs85H0RSn17CeNFVu0d+Xt3X+csb0lLrtAN";
/** The demo authenticator-app secret (base32). Demo only. */
export const DEMO_TOTP_SECRET = "KRUGS4ZANFZSA5DIMUQGIZLNN4QHGZLDOJSXIIDPNZWHS";

export const demoCredentialId = (email: string) => Buffer.from(`demo-passkey:${email}`).toString("base64url");
