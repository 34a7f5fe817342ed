// Sign-in throttling with rate-limiter-flexible (a maintained library; in-memory is right for our
// single-process server). Only failures count; a success clears the account's counter.
import { RateLimiterMemory } from "rate-limiter-flexible";

const WINDOW_SECONDS = 15 * 60;
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 30 } as const;

const byAccount = new RateLimiterMemory({ keyPrefix: "login_account", points: LOGIN_LIMITS.perAccount, duration: WINDOW_SECONDS });
const byAddress = new RateLimiterMemory({ keyPrefix: "login_ip", points: LOGIN_LIMITS.perAddress, duration: WINDOW_SECONDS });

/** Seconds until another attempt is allowed, or 0 if one may be made now. */
export async function loginBlockedFor(email: string, ip: string): Promise<number> {
  const [account, address] = await Promise.all([byAccount.get(email), byAddress.get(ip)]);
  const waits = [
    account && account.consumedPoints >= LOGIN_LIMITS.perAccount ? account.msBeforeNext : 0,
    address && address.consumedPoints >= LOGIN_LIMITS.perAddress ? address.msBeforeNext : 0,
  ];
  return Math.ceil(Math.max(...waits) / 1000);
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  await Promise.all([byAccount.penalty(email, 1), byAddress.penalty(ip, 1)]);
}

export async function clearLoginFailures(email: string): Promise<void> {
  await byAccount.delete(email);
}
