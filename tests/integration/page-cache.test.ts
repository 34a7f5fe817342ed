// The page cache's way in (page-cache.server.ts) against a real database: identical requests that
// miss together wait for the first one's answer instead of each running the loaders and the render.
import { describe, expect, it } from "vitest";
import { lookUpPage, pageMissesInFlight } from "~/server/platform/page-cache.server";
import { NONCE_PLACEHOLDER, rememberAnswer, rememberPage } from "~/server/platform/render-cache.server";

const request = (nonce: string) => ({
  url: "/?coalesce=1",
  host: "localhost",
  cookie: "",
  acceptLanguage: "fi",
  nonce,
  buildVersion: "test",
  encoding: "identity" as const,
});
const text = (chunks: Buffer[] | undefined) => (chunks ? Buffer.concat(chunks).toString("utf8") : undefined);

describe("page cache: requests that miss together", () => {
  it("wait for the first one's answer and get it with their own nonce", async () => {
    const first = await lookUpPage(request("n1"));
    expect(first.html).toBeUndefined();
    expect(first.pageRequest).toBeDefined();
    expect(first.finished).toBeDefined();
    expect(pageMissesInFlight()).toBe(1);

    let secondDone = false;
    const second = lookUpPage(request("n2")).then((r) => ((secondDone = true), r));
    await new Promise((r) => setTimeout(r, 20));
    expect(secondDone).toBe(false); // waiting for the first answer

    rememberPage("coalesced-page", `<p>Etusivu</p><script nonce="${NONCE_PLACEHOLDER}"></script>`);
    rememberAnswer(first.pageRequest!.key, "coalesced-page");
    first.finished!();
    const answered = await second;
    expect(text(answered.html)).toBe(`<p>Etusivu</p><script nonce="n2"></script>`);
    expect(answered.finished).toBeUndefined();
    expect(pageMissesInFlight()).toBe(0);
  });

  it("when the first answer could not be kept, the waiting one is answered the ordinary way", async () => {
    const first = await lookUpPage({ ...request("n1"), url: "/?coalesce=2" });
    const second = lookUpPage({ ...request("n2"), url: "/?coalesce=2" });
    await new Promise((r) => setTimeout(r, 20)); // the second is now waiting for the first
    first.finished!(); // nothing remembered (say, the loaders wrote to the database)
    const answered = await second;
    expect(answered.html).toBeUndefined();
    expect(answered.pageRequest?.key).toBe(first.pageRequest!.key);
    expect(answered.finished).toBeUndefined();
    expect(pageMissesInFlight()).toBe(0);
  });
});
