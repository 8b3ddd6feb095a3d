import type { Router } from 'express';
import type { ChannelCapabilities } from '../bot/core/channel-capabilities.js';
import type { ConversationService } from '../bot/core/conversation-service.js';
import type { ChannelDeliverer } from '../bot/core/delivery.js';
import type { Translator } from '../bot/i18n/translator.js';
import type { Logger } from '../bot/logger.js';
import type { StaffAuth } from '../bot/staff/staff-auth.js';

export type { ChannelCapabilities } from '../bot/core/channel-capabilities.js';
export type { ChannelDeliverer, DeliveryTarget } from '../bot/core/delivery.js';
export { DeliveryError } from '../bot/core/delivery.js';

/** An HTTP route a channel serves on Mesa's one server. */
export interface ChannelRoute {
  path: string;
  router: Router;
  /**
   * Mounted before Mesa's JSON body parser, so the channel reads the raw body itself (a signature is computed
   * over the exact bytes, as Slack's is).
   */
  rawBody?: boolean;
}

/**
 * A channel adapter: converts its platform's events into core messages (through `context.conversations`) and
 * the core's replies into native ones. Pull channels (the web chat) serve their transcript to clients; push
 * channels implement `deliver`, and the core's delivery relay calls it for every committed reply, notice and
 * analyst message, with retries, after crashes too.
 */
export interface ChannelAdapter extends Partial<ChannelDeliverer> {
  readonly name: string;
  readonly capabilities: ChannelCapabilities;
  readonly routes: ChannelRoute[];
  /**
   * How long after the user's last message the channel can still reach them (surveys and notices are only
   * sent while it can); Infinity for channels that can always write.
   */
  readonly reachForMs: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What Mesa gives every channel. */
export interface ChannelContext {
  conversations: ConversationService;
  translator: Translator;
  logger: Logger;
  clock: () => Date;
  /** Aborted when Mesa stops. */
  shutdown: AbortSignal;
  dataDir: string;
  /** The process environment; each channel validates its own settings from it. */
  env: NodeJS.ProcessEnv;
  /** Mesa's public base URL when known (PUBLIC_URL), for links and manifests. */
  publicUrl: string | undefined;
  /** Console sign-in, for a channel's admin pages (channels/console/require-staff.ts guards routes with it). */
  staff: StaffAuth;
}

/**
 * How a channel plugs in: it reads its own settings and builds its adapter, or says why it stays off. Bad
 * settings throw a ConfigError naming the variable; missing credentials are not an error.
 */
export interface ChannelPlugin {
  readonly name: string;
  create(context: ChannelContext): Promise<ChannelAdapter | { disabled: string }>;
}
