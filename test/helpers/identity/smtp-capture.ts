import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface CapturedMail {
  to: string[];
  raw: string;
}

export interface SmtpCapture {
  /** For SMTP_URL. */
  url: string;
  readonly mails: CapturedMail[];
  /** While true the server refuses every message (a mail outage). */
  refuse: boolean;
  /** Waits for the next mail to `to` after `from` mails and returns the digits of its code. */
  nextCode(to: string, from: number, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

/** A real SMTP server (the smtp-server package) on loopback that keeps every message it is given. */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const mails: CapturedMail[] = [];
  const capture = {
    refuse: false,
    mails,
  } as SmtpCapture;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        if (capture.refuse) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        mails.push({ to: session.envelope.rcptTo.map((address) => address.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  capture.url = `smtp://127.0.0.1:${port}`;
  capture.nextCode = async (to, from, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mail = mails.slice(from).find((candidate) => candidate.to.includes(to));
      const code = mail ? /\b(\d{6,10})\b/.exec(bodyOf(mail.raw))?.[1] : undefined;
      if (code) return code;
      if (Date.now() > deadline) throw new Error(`no code mailed to ${to}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  capture.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return capture;
}

/** The text after the headers (whose Message-ID may hold digit runs), with quoted-printable undone. */
export function bodyOf(raw: string): string {
  const body = raw.slice(raw.search(/\r?\n\r?\n/) + 1);
  return body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
