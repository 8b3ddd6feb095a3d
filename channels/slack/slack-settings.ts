import { z } from 'zod';
import { ConfigError } from '../../bot/core/config-error.js';

/** The Slack channel's validated settings. */
export interface SlackSettings {
  botToken: string;
  /** Verifies HTTP requests; unused in Socket Mode, where the socket itself is authenticated. */
  signingSecret: string | undefined;
  socketMode: boolean;
  appToken: string | undefined;
  /** The Web API base URL, ending in a slash: Slack's own unless a test fake or an enterprise proxy stands in. */
  apiUrl: string;
}

const envSchema = z.object({
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, 'must be a bot token (xoxb-...)').optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-/, 'must be an app-level token (xapp-...)').optional(),
  SLACK_SOCKET_MODE: z.enum(['on', 'off'], { message: 'must be on or off' }).default('off'),
  SLACK_API_URL: z.url('must be a URL like https://slack.com/api/').optional(),
});

const blank = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);

/**
 * Reads the SLACK_* variables: the channel is off without a bot token; with one, the rest must let it
 * receive events (a signing secret over HTTP, or an app token in Socket Mode).
 */
export function readSlackSettings(env: NodeJS.ProcessEnv): SlackSettings | { disabled: string } {
  const parsed = envSchema.safeParse({
    SLACK_BOT_TOKEN: blank(env.SLACK_BOT_TOKEN),
    SLACK_SIGNING_SECRET: blank(env.SLACK_SIGNING_SECRET),
    SLACK_APP_TOKEN: blank(env.SLACK_APP_TOKEN),
    SLACK_SOCKET_MODE: blank(env.SLACK_SOCKET_MODE),
    SLACK_API_URL: blank(env.SLACK_API_URL),
  });
  if (!parsed.success) {
    // Name the variables, never echo their values: they are secrets.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid Slack configuration:\n  ${problems.join('\n  ')}`);
  }
  const settings = parsed.data;
  if (!settings.SLACK_BOT_TOKEN) return { disabled: 'SLACK_BOT_TOKEN is not set' };
  const socketMode = settings.SLACK_SOCKET_MODE === 'on';
  if (socketMode && !settings.SLACK_APP_TOKEN) throw new ConfigError('SLACK_APP_TOKEN: required when SLACK_SOCKET_MODE=on');
  if (!socketMode && !settings.SLACK_SIGNING_SECRET) throw new ConfigError('SLACK_SIGNING_SECRET: required to verify Slack\'s HTTP requests (or set SLACK_SOCKET_MODE=on with SLACK_APP_TOKEN)');
  const apiUrl = settings.SLACK_API_URL ?? 'https://slack.com/api/';
  return {
    botToken: settings.SLACK_BOT_TOKEN,
    signingSecret: settings.SLACK_SIGNING_SECRET,
    socketMode,
    appToken: settings.SLACK_APP_TOKEN,
    apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
  };
}
