// Starts the production build on a free port with a fresh, seeded database for the browser tests.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { SERVER_ARGS, SERVER_ENV } from "./server-process";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
    serverPid: number;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}`))));
  });
}

let server: ChildProcess | undefined;

export default async function setup(project: TestProject) {
  if (!existsSync("build/index.js") || !existsSync("build/server.js"))
    throw new Error("Run `npm run build` before the browser tests (npm run test:browser does).");
  const dataDir = mkdtempSync(join(tmpdir(), "lahiturva-e2e-"));
  const port = await freePort();
  // REMINDERS=off: the reminders job runs only when a test runs it (npm run reminders), never by itself.
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://localhost:${port}`,
    REMINDERS: "off",
    // Every cache hit is also computed afresh and compared (app/server/platform/cache-mode.server.ts).
    LAHITURVA_CACHE_VERIFY: "1",
  } as NodeJS.ProcessEnv;
  await run("node", ["--import", "tsx", "db/setup.ts"], env);
  // The compiled server, as `npm start` runs it.
  server = spawn("node", SERVER_ARGS, { env: { ...env, ...SERVER_ENV }, stdio: ["ignore", "pipe", "pipe"] });
  // The server's log goes on to the terminal, and a cached answer that differed from a fresh one
  // fails the run (decisions/0014), whether or not a test looked at that page.
  const verificationFailures: string[] = [];
  server.stderr?.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    for (const line of String(chunk).split("\n")) if (line.includes("cache verification failed")) verificationFailures.push(line);
  });
  // The pages are opened at "localhost" (the listener is on 127.0.0.1): WebAuthn's relying party is
  // a domain name, and browsers refuse an IP address there, so passkeys work only by name.
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(baseUrl + "/");
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("The server did not start in 30 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  project.provide("baseUrl", baseUrl);
  project.provide("dataDir", dataDir);
  project.provide("serverPid", server.pid ?? 0);
  return async () => {
    server?.kill("SIGTERM");
    if (verificationFailures.length)
      throw new Error(`The server's caches answered differently from a fresh answer:\n${verificationFailures.join("\n")}`);
  };
}
