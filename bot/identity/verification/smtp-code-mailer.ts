import { createTransport } from 'nodemailer';
import type { Translator } from '../../i18n/translator.js';
import { CodeDeliveryError, type CodeMailer, type CodeMessage } from './code-delivery.js';

export interface SmtpCodeMailerOptions {
  /** `smtp://user:pass@host:587` or `smtps://…`; nodemailer's connection URL. */
  url: string;
  from: string;
  translator: Translator;
  /** Gives up on a mail server that does not answer, so the chat can say so instead of hanging. */
  timeoutMs?: number;
}

/** Sends one-time codes by email over SMTP, worded in the user's language. */
export function smtpCodeMailer({ url, from, translator, timeoutMs = 10_000 }: SmtpCodeMailerOptions): CodeMailer {
  const transport = createTransport({ url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  return {
    async send(message: CodeMessage) {
      const t = translator.forLanguage(message.language);
      const params = { name: message.displayName, code: message.code, minutes: message.validMinutes };
      try {
        await transport.sendMail({ from, to: message.to, subject: t('password:email.subject'), text: t('password:email.body', params) });
      } catch (error) {
        // The error may quote the SMTP dialogue, which carries the code: keep only the server's reply code.
        const responseCode = (error as { responseCode?: number }).responseCode;
        throw new CodeDeliveryError(`the mail server did not take the message${responseCode ? ` (${responseCode})` : ''}`);
      }
    },
  };
}
