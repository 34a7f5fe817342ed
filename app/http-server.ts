// The production (and dev) HTTP server: Express in front of the Remix build.
// It owns what must hold for every response: security headers with a per-response CSP nonce,
// refusal of cross-site writes, compression and static files. Everything else is Remix.
import { randomBytes } from "node:crypto";
import type { Socket } from "node:net";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { config } from "./server/platform/config.server";
import { db } from "./server/platform/db.server";
import type { lookUpPage } from "./server/platform/page-cache.server";
import type { RequestContext } from "./server/platform/request-context";
import { ALLOWED_METHODS, decideBody } from "./server/platform/request-limits";
import { clientErrorStatus, errorLine, mapClientErrors } from "./server/platform/client-errors";

/** Exit codes (README, "Keeping the server running"): 78 bad settings, 70 an unexpected fatal error. */
export const EXIT_CONFIG = 78;
export const EXIT_FATAL = 70;
process.on("uncaughtException", (error) => {
  console.error(`fatal: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  process.exit(EXIT_FATAL);
});
process.on("unhandledRejection", (error) => {
  console.error(`fatal (unhandled rejection): ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  process.exit(EXIT_FATAL);
});

installGlobals();
let cfg: ReturnType<typeof config>;
try {
  cfg = config();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(EXIT_CONFIG);
}
const isDev = cfg.env === "development";
const BUILD_PATH = resolve("build/index.js");

// Opening the database applies pending migrations before the first request.
db();

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Mantine sets inline style attributes; scripts stay strictly nonce-bound.
    "style-src 'self' 'unsafe-inline'",
    // The map's tile server, when one is set (MAP_TILE_URL); otherwise the map needs nothing outside.
    `img-src 'self' data: blob:${config().mapTiles ? ` ${config().mapTiles!.origin}` : ""}`,
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  // Every response names its request: the id is in every log line about it.
  const requestId = randomBytes(8).toString("hex");
  res.locals.requestId = requestId;
  res.setHeader("X-Request-Id", requestId);
  const nonce = randomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, isDev));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(self)");
  if (cfg.cookieSecure) res.setHeader("Strict-Transport-Security", "max-age=15552000");
  next();
}

const publicOrigin = new URL(cfg.publicUrl).origin;

/** Refuses state-changing requests that a browser marks as coming from another site. */
function refuseCrossSiteWrites(req: Request, res: Response, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const fetchSite = req.get("sec-fetch-site");
  const origin = req.get("origin");
  // A write must say where it comes from: browsers send Origin (and Sec-Fetch-Site) on every
  // form post and fetch. Neither header, or "none" (typed into the address bar, a bookmark), is
  // not a form of ours.
  const sameOrigin = origin ? origin === `${req.protocol}://${req.get("host")}` || origin === publicOrigin : false;
  const sameSite = fetchSite ? fetchSite === "same-origin" : sameOrigin;
  if (!sameSite || (origin !== undefined && !sameOrigin)) {
    res.status(403).type("text/plain").send("Cross-site request refused");
    return;
  }
  next();
}

/**
 * Refuses, before a byte of the body is read, a method the app does not answer (405 with Allow),
 * a body without a declared length (411) and a body over its limit (413): see request-limits.
 * The refusal is rendered by Remix as the localised error page (the catch-all route answers with
 * the status it is given), as a GET without the body; the connection is closed after the answer
 * so the unread body is never taken in.
 */
function refuseUnreadableBodies(req: Request, res: Response, next: NextFunction) {
  let decision: ReturnType<typeof decideBody> = decideBody(req.method, req.path, {
    contentLength: req.headers["content-length"],
    contentType: req.headers["content-type"],
    transferEncoding: req.headers["transfer-encoding"],
  });
  let decodable = true;
  try {
    decodeURIComponent(req.path);
  } catch {
    decodable = false;
  }
  if (decision.ok && !decodable) decision = { ok: false, status: 400 };
  if (decision.ok) {
    // An empty POST without a type (a bare fetch) reads as an empty form, not a parse error.
    if (req.method === "POST" && !req.headers["content-type"] && !Number(req.headers["content-length"] ?? 0))
      req.headers["content-type"] = "application/x-www-form-urlencoded";
    return next();
  }
  res.locals.refusedStatus = decision.status;
  if (decision.status === 405) res.setHeader("Allow", ALLOWED_METHODS.join(", "));
  res.setHeader("Connection", "close");
  lingerBeforeClosing(req.socket);
  req.method = "GET";
  req.url = req.originalUrl = "/__refused";
  next();
}

/**
 * A client still sending the refused body when the server closes gets a reset, and a reset can
 * throw away the answer it has not read yet: the browser shows "connection reset" instead of the
 * 413 page. So, as Apache and nginx do, the refused connection is half-closed after the answer
 * and what still arrives is read and dropped (never kept) for a moment before it is destroyed.
 */
const LINGER_MS = 2000;
function lingerBeforeClosing(socket: Socket) {
  socket.destroySoon = function lingeringClose(this: Socket) {
    this.end();
    this.resume();
    setTimeout(() => this.destroy(), LINGER_MS).unref();
  };
}

async function loadBuild(): Promise<ServerBuild> {
  const loaded: ServerBuild = await import(pathToFileURL(BUILD_PATH).href + "?t=" + Date.now());
  // Every loader and action answers the request's own faults (a missing foreign key, a body that
  // is not a form) with a 400/404 page instead of a 500: see client-errors.
  const routes = Object.fromEntries(
    Object.entries(loaded.routes).map(([id, route]) => {
      const module = { ...route.module } as typeof route.module;
      if (module.loader) module.loader = mapClientErrors(module.loader as never);
      if (module.action) module.action = mapClientErrors(module.action as never);
      return [id, { ...route, module }];
    }),
  );
  return { ...loaded, routes };
}

const app = express();
app.disable("x-powered-by");
// X-Forwarded-For is believed only from the proxy TRUST_PROXY names (req.ip is the sign-in
// throttle's address); unset, the socket's address is the client's.
app.set("trust proxy", cfg.trustProxy === null ? false : /^\d+$/.test(cfg.trustProxy) ? Number(cfg.trustProxy) : cfg.trustProxy);
app.use(compression());
app.use(securityHeaders);
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
// Every file in public/ has an extension; page paths never do. Asking the disk only for the former
// keeps a failed stat (and the error object it makes) off every page view.
const publicFiles = express.static("public", { maxAge: "1h" });
app.use((req, res, next) => (/\.[A-Za-z0-9]+$/.test(req.path) ? publicFiles(req, res, next) : next()));
app.use(refuseUnreadableBodies);
app.use(refuseCrossSiteWrites);

let build = await loadBuild();
const getLoadContext = (req: Request, res: Response): RequestContext => ({
  nonce: res.locals.nonce as string,
  clientIp: req.ip ?? "unknown",
  memo: {},
  setCookies: [],
  session: res.locals.session,
  pageRequest: res.locals.pageRequest,
  refusedStatus: res.locals.refusedStatus,
  requestId: res.locals.requestId,
});

/**
 * Answers a page view from memory when an identical request (same URL, cookies, language header,
 * signed-in person, build and minute) was answered before and none of the tables its loaders read
 * has changed since: see page-cache.
 * The session is checked here on every request, and its result handed on to the loaders.
 */
async function answerFromPageCache(req: Request, res: Response, next: NextFunction) {
  if (req.method !== "GET" || "_data" in req.query || res.locals.refusedStatus) return next();
  try {
    // Through the build's entry module: the cache lives with the loaders that fill it.
    const entry = build.entry.module as unknown as { lookUpPage: typeof lookUpPage };
    const encoding = req.acceptsEncodings("gzip", "identity") === "gzip" ? "gzip" : "identity";
    const found = await entry.lookUpPage({
      url: req.originalUrl,
      host: req.headers.host ?? "",
      cookie: req.headers.cookie ?? "",
      acceptLanguage: req.headers["accept-language"] ?? "",
      nonce: res.locals.nonce as string,
      buildVersion: build.assets.version,
      encoding,
    });
    res.locals.session = found.session;
    res.locals.pageRequest = found.pageRequest;
    if (found.html === undefined) {
      // Identical requests meanwhile wait for this answer; "close" comes however it ends.
      if (found.finished) res.on("close", found.finished);
      // The loaders run with the tables they read recorded: the answer is kept with them.
      return found.run ? found.run(next) : next();
    }
    res.statusCode = 200;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Vary", "Accept-Encoding");
    // Already gzipped from pieces compressed once: the compression middleware leaves it as it is.
    if (encoding === "gzip") res.setHeader("Content-Encoding", "gzip");
    res.setHeader(
      "Content-Length",
      found.html.reduce((sum, chunk) => sum + chunk.length, 0),
    );
    // The shared page pieces go out as they are (no per-request copy of the page), in one write.
    res.cork();
    for (const chunk of found.html) res.write(chunk);
    res.end();
    // Never leave the response corked, whatever the compression middleware's wrappers defer.
    res.uncork();
  } catch (error) {
    next(error);
  }
}

// The page cache runs in development too (verifying every hit there: see cache-mode.server.ts).
app.use(answerFromPageCache);
if (isDev) {
  const { broadcastDevReady } = await import("@remix-run/node");
  const chokidar = await import("chokidar").catch(() => null);
  app.all("*", async (req, res, next) => {
    try {
      return createRequestHandler({ build, mode: "development", getLoadContext })(req, res, next);
    } catch (error) {
      next(error);
    }
  });
  broadcastDevReady(build);
  chokidar?.default.watch(BUILD_PATH, { ignoreInitial: true }).on("all", async () => {
    build = await loadBuild();
    broadcastDevReady(build);
  });
} else {
  app.all("*", createRequestHandler({ build, mode: "production", getLoadContext }));
}

// Last: whatever reached here unanswered. One line in the log with the request id, and a short
// answer: a 400 for the request's own faults (a malformed URL, say), otherwise a 500.
app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
  const status = clientErrorStatus(error) ?? (error instanceof TypeError || error instanceof URIError ? 400 : 500);
  if (status >= 500)
    console.error(`error ${res.locals.requestId ?? "-"} ${req.method} ${req.originalUrl.slice(0, 200)} ${status}: ${errorLine(error)}`);
  if (res.headersSent) return next(error);
  res
    .status(status)
    .type("text/plain")
    .send(status === 400 ? "Bad request" : "Internal error");
});

app.listen(cfg.port, cfg.host, () => {
  console.log(`Lähiturva is running at ${cfg.publicUrl}`);
});

// `npm run restore` refuses to overwrite the files of a running server: it looks for this.
{
  const { serverPidFile } = await import("./server/platform/backup.server");
  const { writeFileSync, rmSync } = await import("node:fs");
  const pidFile = serverPidFile(cfg.dataDir);
  writeFileSync(pidFile, String(process.pid), { mode: 0o600 });
  process.on("exit", () => rmSync(pidFile, { force: true }));
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => process.exit(0));
}

// The nightly backup (BACKUP_NIGHTLY=on): checked every hour, taken in the 02 Helsinki hour.
if (cfg.backupNightly) {
  const { takeBackup } = await import("./server/platform/backup.server");
  const { helsinkiHour } = await import("./server/platform/helsinki-time");
  const { clock } = await import("./server/platform/clock");
  const tick = () => {
    if (helsinkiHour(clock.now()) !== 2) return;
    takeBackup(
      { databasePath: cfg.databasePath, dataDir: cfg.dataDir, backupDir: cfg.backupDir, keep: cfg.backupKeep, appSecret: cfg.appSecret },
      db().$client,
    )
      .then((dir) => console.log(`Nightly backup written to ${dir}`))
      .catch((error: unknown) => console.error(`Nightly backup failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  const schedule = () => {
    const now = Date.now();
    setTimeout(
      () => {
        tick();
        schedule();
      },
      Math.ceil((now + 1000) / 3600000) * 3600000 - now,
    ).unref();
  };
  schedule();
}

// The reminders job (hourly, daily digest at 07:00 Helsinki time); REMINDERS=off turns it off.
if (cfg.reminders) {
  const { startReminderSchedule } = await import("./server/jobs/reminders.server");
  startReminderSchedule();
}
