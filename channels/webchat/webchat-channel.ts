import { RICH_CAPABILITIES } from '../../bot/core/channel-capabilities.js';
import type { ChannelAdapter, ChannelPlugin } from '../contract.js';
import { WEBCHAT_CHANNEL } from './authenticate.js';
import { ConnectionLimits } from './connection-limits.js';
import { RateLimiter } from './rate-limiter.js';
import { webchatRouter } from './webchat-router.js';
import { widgetAssetsRouter } from './widget-assets.js';

export interface WebchatSettings {
  chatRateLimitPerMinute: number;
  /** Sessions one address, and everyone together, may start per minute. */
  sessionsPerMinute: { perAddress: number; overall: number };
  /** Streams and waiting long polls open at once, per session and per address. */
  streams: { perSession: number; perAddress: number };
  allowedOrigins: string[];
  identitySecret: string | undefined;
  projectRoot: string;
}

/**
 * The web chat: a pull channel. The widget reads the transcript by long poll or stream, so it needs no
 * delivery; its transcript keeps everything for a user who comes back later, so it can always be reached.
 */
export function webchatChannel(settings: WebchatSettings): ChannelPlugin {
  return {
    name: WEBCHAT_CHANNEL,
    async create({ conversations, translator, shutdown, logger }): Promise<ChannelAdapter> {
      if (!settings.identitySecret) {
        logger.warn('MESA_WEBCHAT_IDENTITY_SECRET is unset: the web chat trusts the user ids pages send, so anyone can ask for anyone\'s tickets. Set it outside a demo.');
      }
      const api = webchatRouter({
        conversations,
        translator,
        rateLimiter: new RateLimiter(settings.chatRateLimitPerMinute),
        sessionLimits: { perAddress: new RateLimiter(settings.sessionsPerMinute.perAddress), overall: new RateLimiter(settings.sessionsPerMinute.overall) },
        connectionLimits: new ConnectionLimits(settings.streams.perSession, settings.streams.perAddress),
        shutdown,
        allowedOrigins: settings.allowedOrigins,
        ...(settings.identitySecret ? { identitySecret: settings.identitySecret } : {}),
      });
      return {
        name: WEBCHAT_CHANNEL,
        capabilities: RICH_CAPABILITIES,
        routes: [
          { path: '/api/chat', router: api },
          { path: '/', router: widgetAssetsRouter(settings.projectRoot) },
        ],
        reachForMs: Number.POSITIVE_INFINITY,
        start: async () => undefined,
        stop: async () => undefined,
      };
    },
  };
}
