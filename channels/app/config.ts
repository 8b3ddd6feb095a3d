import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../../bot/core/config-error.js';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  MESA_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  MESA_CHAT_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(60),
  MESA_CHAT_SESSIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(20),
  MESA_CHAT_SESSIONS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  MESA_CHAT_UNUSED_SESSION_HOURS: z.coerce.number().min(0.01).max(24 * 365).default(24),
  MESA_CHAT_STREAMS_PER_SESSION: z.coerce.number().int().min(1).max(10_000).default(5),
  MESA_CHAT_STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(200),
  MESA_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  MESA_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  MESA_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
  MESA_HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(10_000),
  MESA_HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  MEILI_URL: z.string().url('must be a URL like http://127.0.0.1:7700').optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MESA_STARTER_KB: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  MESA_WEBCHAT_ORIGINS: z
    .string()
    .default('*')
    .refine((value) => value.split(',').every((origin) => origin.trim() === '*' || /^https?:\/\/[^/\s]+$/.test(origin.trim())), 'a comma-separated list of origins like https://intranet.example.com, or *'),
  MESA_TICKETING_CONFIG: z.string().min(1).optional(),
  PUBLIC_URL: z.string().url('must be the URL users reach Mesa at, like https://mesa.example.com').optional(),
  MESA_WEBCHAT_IDENTITY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MESA_ADMIN_EMAIL: z.email('must be an email address like admin@example.com').optional(),
  MESA_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
}).superRefine((env, context) => {
  // node:http waits for headers as part of the request, so their limit cannot be the longer one.
  if (env.MESA_HTTP_HEADERS_TIMEOUT_MS > env.MESA_HTTP_REQUEST_TIMEOUT_MS) {
    context.addIssue({ code: 'custom', path: ['MESA_HTTP_HEADERS_TIMEOUT_MS'], message: 'must not exceed MESA_HTTP_REQUEST_TIMEOUT_MS' });
  }
  // Half an admin account cannot sign in: ask for both or neither.
  if (Boolean(env.MESA_ADMIN_EMAIL) !== Boolean(env.MESA_ADMIN_PASSWORD)) {
    const missing = env.MESA_ADMIN_EMAIL ? 'MESA_ADMIN_PASSWORD' : 'MESA_ADMIN_EMAIL';
    context.addIssue({ code: 'custom', path: [missing], message: 'set MESA_ADMIN_EMAIL and MESA_ADMIN_PASSWORD together' });
  }
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  logLevel: (typeof logLevels)[number];
  shutdownTimeoutMs: number;
  /** Messages one web chat session may send per minute. */
  chatRateLimitPerMinute: number;
  /** New web chat sessions per minute: from one client address, and from everyone together. */
  chatSessionsPerMinute: { perAddress: number; overall: number };
  /** A web chat session that never sent a message is forgotten this long after it started. */
  unusedSessionMaxAgeMs: number;
  /** Open event streams plus waiting long polls at once: per web chat session, and per client address. */
  chatStreams: { perSession: number; perAddress: number };
  /** Console sign-in: wrong passwords that lock an email, within and for lockMs; sign-ins per address per minute. */
  login: { maxFailures: number; windowMs: number; lockMs: number; perAddressPerMinute: number };
  /** node:http's limits on a slow client: all headers within headersTimeoutMs, the whole request within requestTimeoutMs. */
  httpTimeouts: { headersTimeoutMs: number; requestTimeoutMs: number };
  /** Origins allowed to call the web chat API from the embedded widget. */
  webchatOrigins: string[];
  /** An external Meilisearch; when absent Mesa starts its own under DATA_DIR. */
  meilisearch: { url: string; masterKey: string | undefined } | null;
  /** Import the bundled starter articles on the first start. */
  starterKb: boolean;
  /** Shared with the intranet, which signs `user.id` with it; unset = user ids are trusted as given. */
  webchatIdentitySecret: string | undefined;
  /** A JSON file with queues, business hours, SLA targets and the priority matrix; absent = built-in defaults. */
  ticketingConfigPath: string | undefined;
  /** Where users and platforms reach Mesa (links in messages, the Teams manifest); unset = not known. */
  publicUrl: string | undefined;
  /** The console admin to create on the first start; null generates one and prints its password once. */
  admin: { email: string; password: string } | null;
}

export { ConfigError };

/** Reads and validates the environment once; a bad value stops Mesa with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}\nSee the configuration table in README.md.`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.MESA_SHUTDOWN_TIMEOUT_MS,
    chatRateLimitPerMinute: e.MESA_CHAT_RATE_LIMIT,
    chatSessionsPerMinute: { perAddress: e.MESA_CHAT_SESSIONS_PER_ADDRESS, overall: e.MESA_CHAT_SESSIONS_PER_MINUTE },
    unusedSessionMaxAgeMs: Math.round(e.MESA_CHAT_UNUSED_SESSION_HOURS * 3_600_000),
    chatStreams: { perSession: e.MESA_CHAT_STREAMS_PER_SESSION, perAddress: e.MESA_CHAT_STREAMS_PER_ADDRESS },
    login: { maxFailures: e.MESA_LOGIN_MAX_FAILURES, windowMs: e.MESA_LOGIN_LOCK_MINUTES * 60_000, lockMs: e.MESA_LOGIN_LOCK_MINUTES * 60_000, perAddressPerMinute: e.MESA_LOGIN_RATE_LIMIT },
    httpTimeouts: { headersTimeoutMs: e.MESA_HTTP_HEADERS_TIMEOUT_MS, requestTimeoutMs: e.MESA_HTTP_REQUEST_TIMEOUT_MS },
    webchatOrigins: e.MESA_WEBCHAT_ORIGINS.split(',').map((origin) => origin.trim()),
    meilisearch: e.MEILI_URL ? { url: e.MEILI_URL, masterKey: e.MEILI_MASTER_KEY } : null,
    starterKb: e.MESA_STARTER_KB === 'on',
    webchatIdentitySecret: e.MESA_WEBCHAT_IDENTITY_SECRET,
    ticketingConfigPath: e.MESA_TICKETING_CONFIG ? resolve(e.MESA_TICKETING_CONFIG) : undefined,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    admin: e.MESA_ADMIN_EMAIL && e.MESA_ADMIN_PASSWORD ? { email: e.MESA_ADMIN_EMAIL, password: e.MESA_ADMIN_PASSWORD } : null,
  };
}
