import type { Router } from 'express';
import type { ChannelDeliverer } from '../../bot/core/delivery.js';
import type { ChannelAdapter, ChannelContext, ChannelPlugin } from '../contract.js';

export interface StartedChannels {
  adapters: ChannelAdapter[];
  routes: Array<[string, Router]>;
  rawRoutes: Array<[string, Router]>;
  deliverers: Map<string, ChannelDeliverer>;
  reachFor: Record<string, number>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds every configured channel; one without credentials stays off with one log line saying why. */
export async function startChannels({ plugins, context }: { plugins: ChannelPlugin[]; context: ChannelContext }): Promise<StartedChannels> {
  const adapters: ChannelAdapter[] = [];
  for (const plugin of plugins) {
    const built = await plugin.create({ ...context, logger: context.logger.child({ channel: plugin.name }) });
    if ('disabled' in built) {
      context.logger.info({ channel: plugin.name, reason: built.disabled }, `${plugin.name} is off: ${built.disabled}`);
      continue;
    }
    adapters.push(built);
  }
  const deliverers = new Map<string, ChannelDeliverer>();
  for (const adapter of adapters) {
    if (adapter.deliver) deliverers.set(adapter.name, { deliver: adapter.deliver.bind(adapter), ...(adapter.typing ? { typing: adapter.typing.bind(adapter) } : {}) });
  }
  const routesOf = (raw: boolean): Array<[string, Router]> =>
    adapters.flatMap((adapter) => adapter.routes.filter((route) => Boolean(route.rawBody) === raw).map((route) => [route.path, route.router] as [string, Router]));
  return {
    adapters,
    routes: routesOf(false),
    rawRoutes: routesOf(true),
    deliverers,
    reachFor: Object.fromEntries(adapters.map((adapter) => [adapter.name, adapter.reachForMs])),
    async start() {
      for (const adapter of adapters) {
        // One platform being down (a WhatsApp pairing, a Slack socket) must not keep the others or the web chat from serving.
        await adapter.start().catch((error: unknown) => context.logger.error({ err: error, channel: adapter.name }, `${adapter.name} failed to start; the other channels keep running`));
      }
      context.logger.info({ channels: adapters.map((adapter) => adapter.name) }, `channels on: ${adapters.map((adapter) => adapter.name).join(', ')}`);
    },
    async stop() {
      for (const adapter of [...adapters].reverse()) {
        await adapter.stop().catch((error: unknown) => context.logger.warn({ err: error, channel: adapter.name }, `${adapter.name} did not stop cleanly`));
      }
    },
  };
}
