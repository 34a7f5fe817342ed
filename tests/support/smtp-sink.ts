// A real SMTP server on a free loopback port that keeps every message it receives, for the tests
// that check mail end to end (the app's nodemailer transport, `npm run reminders`).
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; raw: string };

export type SmtpSink = { port: number; received: ReceivedMail[]; close: () => Promise<void> };

/** Starts the sink; call `close()` in afterAll. Port 0 lets the OS pick a free port. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as { port: number }).port;
  return { port, received, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}
