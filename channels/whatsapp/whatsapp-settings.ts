import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../../bot/core/config-error.js';

const onOff = z.enum(['on', 'off']);

const schema = z.object({
  WHATSAPP_ENABLED: onOff.default('off'),
  WHATSAPP_CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  WHATSAPP_MAX_RSS_MB: z.coerce.number().int().min(64).max(65_536).default(800),
  WHATSAPP_CHAT_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(6000),
  WHATSAPP_MAX_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(30),
});

/** The WhatsApp channel's settings, read from its own environment variables. */
export interface WhatsappSettings {
  enabled: boolean;
  chromiumPath: string;
  /** Where whatsapp-web.js's LocalAuth keeps the paired session, so a restart needs no new QR. */
  sessionDir: string;
  maxRssBytes: number;
  /** The shortest gap between two messages to one chat. */
  chatIntervalMs: number;
  /** The most messages the number sends in any minute, all chats together. */
  maxPerMinute: number;
}

/** Validates the WHATSAPP_* variables; a bad value throws a ConfigError naming it. */
export function readWhatsappSettings(env: NodeJS.ProcessEnv, dataDir: string): WhatsappSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}=${JSON.stringify(env[issue.path.join('.')] ?? '')}: ${issue.message}`);
    throw new ConfigError(`Invalid WhatsApp configuration:\n  ${problems.join('\n  ')}\nSee the configuration table in README.md.`);
  }
  const e = parsed.data;
  return {
    enabled: e.WHATSAPP_ENABLED === 'on',
    chromiumPath: e.WHATSAPP_CHROMIUM_PATH,
    sessionDir: join(dataDir, 'whatsapp'),
    maxRssBytes: e.WHATSAPP_MAX_RSS_MB * 1024 * 1024,
    chatIntervalMs: e.WHATSAPP_CHAT_INTERVAL_MS,
    maxPerMinute: e.WHATSAPP_MAX_PER_MINUTE,
  };
}
