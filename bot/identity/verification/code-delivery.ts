import type { Language } from '../../core/language.js';

/** A one-time code on its way to the user's registered address, in their language. */
export interface CodeMessage {
  to: string;
  code: string;
  language: Language;
  displayName: string;
  validMinutes: number;
}

/** Sends codes to a registered email (SMTP in production). Throws `CodeDeliveryError` when it cannot. */
export interface CodeMailer {
  send(message: CodeMessage): Promise<void>;
}

/**
 * Sends codes by SMS to a registered mobile number. No provider ships with Mesa: an install plugs in its
 * own (Twilio, Vonage, an SMS gateway) behind this interface.
 */
export interface SmsProvider {
  /** False when no provider is set up: codes then go by email only. */
  readonly configured: boolean;
  send(message: CodeMessage): Promise<void>;
}

/** The code could not be handed to the mail server or SMS provider; nothing was sent. */
export class CodeDeliveryError extends Error {
  readonly code = 'code_delivery_failed';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'CodeDeliveryError';
  }
}

/** The SMS provider of an install that has none; the demo says so at start. */
export const noSmsProvider: SmsProvider = {
  configured: false,
  async send() {
    throw new CodeDeliveryError('no SMS provider is configured');
  },
};
