// Outgoing e-mail. With SMTP settings (SMTP_HOST …) mail goes out through nodemailer; without
// them every message is written as an .eml file to DATA_DIR/outbox, so a demo or a test shows
// exactly what would have been sent. Every attempt is recorded in mail_log.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { mailLog } from "../../../db/schema";
import { config, type Config } from "../platform/config.server";
import { db } from "../platform/db.server";
import { clock } from "../platform/clock";

export type OutgoingMail = { to: string; subject: string; text: string };
export type MailResult = { ok: true; transport: "smtp" | "outbox"; file?: string } | { ok: false; error: string };

type Transporter = ReturnType<typeof nodemailer.createTransport>;
let cachedTransport: { key: string; transporter: Transporter } | undefined;

function smtpTransport(smtp: NonNullable<Config["smtp"]>): Transporter {
  const key = JSON.stringify(smtp);
  if (cachedTransport?.key !== key) {
    cachedTransport = {
      key,
      transporter: nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.port === 465,
        auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? "" } : undefined,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    };
  }
  return cachedTransport.transporter;
}

/** The message as RFC 5322 bytes, built by nodemailer itself so the outbox shows the real thing. */
async function renderEml(cfg: Config, mail: OutgoingMail): Promise<Buffer> {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const info = await builder.sendMail({ from: cfg.mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
  return info.message as Buffer;
}

export async function sendMail(mail: OutgoingMail, cfg: Config = config()): Promise<MailResult> {
  let result: MailResult;
  if (cfg.smtp) {
    try {
      await smtpTransport(cfg.smtp).sendMail({ from: cfg.mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
      result = { ok: true, transport: "smtp" };
    } catch (error) {
      result = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  } else {
    const dir = join(cfg.dataDir, "outbox");
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Sortable by time, unique by the random part.
    const file = `${clock.now().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
    writeFileSync(join(dir, file), await renderEml(cfg, mail), { mode: 0o600 });
    result = { ok: true, transport: "outbox", file };
  }
  db()
    .insert(mailLog)
    .values({
      to: mail.to,
      subject: mail.subject,
      transport: cfg.smtp ? "smtp" : "outbox",
      file: result.ok ? (result.file ?? null) : null,
      error: result.ok ? null : result.error.slice(0, 500),
    })
    .run();
  return result;
}
