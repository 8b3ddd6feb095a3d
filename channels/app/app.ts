import { setMaxListeners } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from '../http/create-http-app.js';
import { consoleApiRouter } from '../console/console-router.js';
import { consolePagesRouter } from '../console/console-pages.js';
import { kbSearchRouter } from '../http/kb-search-router.js';
import { startKnowledgeBase } from '../../kb/start-knowledge-base.js';
import type { ChannelPlugin } from '../contract.js';
import { RICH_CAPABILITIES, type ChannelCapabilities } from '../../bot/core/channel-capabilities.js';
import { SqliteAddressBook } from '../../bot/storage/sqlite/sqlite-address-book.js';
import { DeliveryRelay } from '../../bot/core/delivery-relay.js';
import { startChannels } from './start-channels.js';
import { messagingChannels } from './messaging-channels.js';
import { webchatChannel } from '../webchat/webchat-channel.js';
import { WEBCHAT_CHANNEL } from '../webchat/authenticate.js';
import type { Config } from './config.js';
import { createConversationEngine } from '../../bot/core/conversation-engine.js';
import { ConversationEvents } from '../../bot/core/conversation-events.js';
import { ConversationService } from '../../bot/core/conversation-service.js';
import { TurnRunner } from '../../bot/core/turn-runner.js';
import { startUnusedConversationSweep, type UnusedConversationSweep } from '../../bot/core/unused-conversation-sweep.js';
import { UserPresence } from '../../bot/core/user-presence.js';
import { DeskGateway } from '../../bot/core/desk-gateway.js';
import { defaultFlows } from '../../bot/flows/default-flows.js';
import { createHandoffGate } from '../../bot/flows/handoff-gate.js';
import { renderTicketNotice } from '../../bot/flows/ticket-notices.js';
import { loadLocaleResources } from '../../bot/i18n/load-locales.js';
import { createTranslator } from '../../bot/i18n/translator.js';
import type { Logger } from '../../bot/logger.js';
import { createNlu } from '../../bot/nlu/create-nlu.js';
import { localesDir, projectRoot } from '../../bot/paths.js';
import { ensureAdmin } from '../../bot/staff/ensure-admin.js';
import { StaffAuth } from '../../bot/staff/staff-auth.js';
import { SqliteStaffRepository } from '../../bot/staff/storage/sqlite-staff-repository.js';
import { openStorage } from '../../bot/storage/open-storage.js';
import { loadTicketingConfig } from '../../ticketing/config/load-ticketing-config.js';
import { createServiceDesk } from '../../ticketing/service-desk.js';
import { SqliteTicketRepository } from '../../ticketing/storage/sqlite-ticket-repository.js';
import { SqliteKpiSource } from '../../ticketing/storage/sqlite-kpi-source.js';
import { startSelfService } from '../../bot/identity/start-self-service.js';
import { selfServiceRedactor } from '../../bot/identity/redaction.js';
import { SecretInbox } from '../../bot/core/redaction.js';
import { resetApiRouter, resetPageRouter } from '../reset/reset-router.js';
import { identityAuditRouter } from '../reset/identity-audit-routes.js';
import { loadMessageCues } from '../../bot/nlu/message-cues.js';

/** How often SLA warnings/breaches and auto-closes are checked. */
const DESK_SWEEP_MS = 30_000;

export interface Mesa {
  /** Starts serving; resolves with the port actually bound (PORT=0 picks a free one). */
  listen(): Promise<number>;
  /** Stops taking requests, finishes turns in flight, closes storage. */
  stop(): Promise<void>;
  conversations: ConversationService;
  runner: TurnRunner;
  relay: DeliveryRelay;
}

/** The channels every Mesa has; each stays off, with one log line, until its credentials are set. */
function builtInChannels(config: Config): ChannelPlugin[] {
  return [
    webchatChannel({
      chatRateLimitPerMinute: config.chatRateLimitPerMinute,
      sessionsPerMinute: config.chatSessionsPerMinute,
      streams: config.chatStreams,
      allowedOrigins: config.webchatOrigins,
      identitySecret: config.webchatIdentitySecret,
      projectRoot: projectRoot(),
    }),
    ...messagingChannels,
  ];
}

export interface MesaOptions {
  clock?: () => Date;
  /** Channels beyond the built-in ones (a test channel); they plug in through the channel contract alone. */
  extraChannels?: ChannelPlugin[];
  /** Each channel reads its own settings from here. */
  env?: NodeJS.ProcessEnv;
}

/** The composition root: every dependency is built here and passed in, nothing is a module singleton. */
export async function createMesa(config: Config, logger: Logger, options: MesaOptions = {}): Promise<Mesa> {
  const clock = options.clock ?? (() => new Date());
  let status: 'starting' | 'ok' | 'stopping' = 'starting';
  const ticketing = loadTicketingConfig(config.ticketingConfigPath);
  const storage = openStorage(config.dataDir, logger);
  const translator = await createTranslator(loadLocaleResources(localesDir()));
  const trainingStarted = performance.now();
  const nlu = await createNlu({ localesDir: localesDir() });
  logger.info({ ms: Math.round(performance.now() - trainingStarted) }, 'language understanding trained');

  const kb = await startKnowledgeBase({ db: storage.db, dataDir: config.dataDir, logger, meilisearch: config.meilisearch, starterKb: config.starterKb });

  const staff = new SqliteStaffRepository(storage.db);
  const staffAuth = new StaffAuth(staff, clock, config.login);
  await ensureAdmin({ admin: config.admin, auth: staffAuth, repository: staff, logger });

  const events = new ConversationEvents();
  const presence = new UserPresence(clock);
  const addresses = new SqliteAddressBook(storage.db);
  // The channels' reach is known once they are built; the desk asks only later, when a ticket changes.
  const reachFor: Record<string, number> = {};
  const shown = new Map<string, ChannelCapabilities>();
  const capabilitiesOf = (channel: string): ChannelCapabilities => shown.get(channel) ?? RICH_CAPABILITIES;
  const gateway = new DeskGateway({ repository: storage.conversations, events, translator, renderNotice: renderTicketNotice, clock, presence, reachFor, capabilitiesOf });
  const desk = createServiceDesk({
    repository: new SqliteTicketRepository(storage.db),
    config: ticketing,
    gateway,
    staffNames: async (ids) => new Map((await Promise.all(ids.map((id) => staff.findById(id)))).flatMap((account) => (account ? [[account.id, account.name] as const] : []))),
    clock,
    logger,
  });
  let boundUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const identity = startSelfService({
    env: options.env ?? process.env, db: storage.db, dataDir: config.dataDir, projectRoot: projectRoot(), translator, logger, clock, publicUrl: () => boundUrl,
    identityOf: async (userId) => (await storage.conversations.findUser(userId))?.verified ?? null,
    confirmInChat: async (link) => void (await gateway.postBotMessage(link.conversationId, (t) => ({ text: t('password:changed_in_chat') }), `identity:reset:${link.tokenHash}`)),
  });
  const engine = createConversationEngine({ nlu, translator, flows: defaultFlows({ kb: kb.knowledgeBase, desk, selfService: identity.service }), handoff: createHandoffGate(desk), clock, kb: kb.knowledgeBase, cues: loadMessageCues(), logger });
  const secrets = new SecretInbox();
  const runner = new TurnRunner({ repository: storage.conversations, engine, events, translator, logger, clock, secrets, capabilitiesOf });
  const conversations = new ConversationService({ repository: storage.conversations, runner, events, clock, presence, addresses, redaction: { redactor: selfServiceRedactor(), inbox: secrets } });
  const shutdown = new AbortController();
  // Every waiting long poll and open stream listens for shutdown; thousands at once are normal, not a leak.
  setMaxListeners(0, shutdown.signal);
  const channels = await startChannels({
    plugins: [...builtInChannels(config), ...(options.extraChannels ?? [])],
    context: { conversations, translator, logger, clock, shutdown: shutdown.signal, dataDir: config.dataDir, env: options.env ?? process.env, publicUrl: config.publicUrl, staff: staffAuth },
  });
  Object.assign(reachFor, channels.reachFor);
  for (const adapter of channels.adapters) shown.set(adapter.name, adapter.capabilities);
  const relay = new DeliveryRelay({ repository: storage.conversations, addresses, events, deliverers: channels.deliverers, logger, clock });

  const app = createHttpApp({
    translator,
    logger,
    health: () => status,
    rawRoutes: channels.rawRoutes,
    // The web chat is the first channel, and its API carries nearly all requests: express tries it first.
    routes: [
      ...channels.routes,
      ['/api/kb', kbSearchRouter(kb.search)],
      ['/reset', resetPageRouter({ links: identity.service.links, translator, projectRoot: projectRoot() })],
      ['/api/reset', resetApiRouter({ links: identity.service.links, translator, projectRoot: projectRoot() })],
      ['/api/console/identity', identityAuditRouter({ auth: staffAuth, audit: identity.repository })],
      ['/api/console', consoleApiRouter({ auth: staffAuth, loginAttemptsPerMinute: config.login.perAddressPerMinute, articles: kb.articles, insights: kb.insights, desk, kpis: new SqliteKpiSource(storage.db), translator, clock, shutdown: shutdown.signal })],
      ['/console', consolePagesRouter(projectRoot())],
    ],
  });
  let server: Server | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  let unusedSessions: UnusedConversationSweep | undefined;
  const sweep = (): void => {
    desk.sweep().catch((error: unknown) => logger.error({ err: error }, 'service desk sweep failed; will retry'));
  };

  return {
    conversations,
    runner,
    relay,
    async listen() {
      server = await new Promise<Server>((resolve, reject) => {
        const listening = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
      });
      server.keepAliveTimeout = 65_000;
      // A client that sends its headers or body slowly holds a socket for nothing; long polls wait after the request, so they are not cut.
      server.headersTimeout = config.httpTimeouts.headersTimeoutMs;
      server.requestTimeout = config.httpTimeouts.requestTimeoutMs;
      // Notices a crash left undelivered go out before anything new happens.
      await desk.deliverPendingNotices();
      sweeper = setInterval(sweep, DESK_SWEEP_MS);
      sweeper.unref();
      sweep();
      unusedSessions = startUnusedConversationSweep({ repository: storage.conversations, channel: WEBCHAT_CHANNEL, maxAgeMs: config.unusedSessionMaxAgeMs, clock, logger });
      const recovered = await runner.recover();
      if (recovered > 0) logger.info({ conversations: recovered }, 'answering messages accepted before the last stop');
      await channels.start();
      const unsent = await relay.start();
      if (unsent > 0) logger.info({ conversations: unsent }, 'delivering replies left unsent at the last stop');
      status = 'ok';
      const port = (server.address() as AddressInfo).port;
      boundUrl = config.publicUrl ?? `http://localhost:${port}`;
      return port;
    },
    async stop() {
      status = 'stopping';
      shutdown.abort();
      const closed = server ? new Promise<void>((resolve) => server!.close(() => resolve())) : Promise.resolve();
      server?.closeIdleConnections();
      clearInterval(sweeper);
      await channels.stop();
      unusedSessions?.stop();
      await runner.stop();
      await relay.stop();
      await desk.stop();
      server?.closeAllConnections();
      await closed;
      await kb.stop();
      await storage.close();
    },
  };
}
