import { setMaxListeners } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from '../http/create-http-app.js';
import { consoleApiRouter } from '../console/console-router.js';
import { consolePagesRouter } from '../console/console-pages.js';
import { kbSearchRouter } from '../http/kb-search-router.js';
import { startKnowledgeBase } from '../../kb/start-knowledge-base.js';
import { ConnectionLimits } from '../webchat/connection-limits.js';
import { RateLimiter } from '../webchat/rate-limiter.js';
import { WEBCHAT_CHANNEL } from '../webchat/authenticate.js';
import { webchatRouter } from '../webchat/webchat-router.js';
import { widgetAssetsRouter } from '../webchat/widget-assets.js';
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

/** How often SLA warnings/breaches and auto-closes are checked. */
const DESK_SWEEP_MS = 30_000;

export interface Mesa {
  /** Starts serving; resolves with the port actually bound (PORT=0 picks a free one). */
  listen(): Promise<number>;
  /** Stops taking requests, finishes turns in flight, closes storage. */
  stop(): Promise<void>;
  conversations: ConversationService;
  runner: TurnRunner;
}

/** The composition root: every dependency is built here and passed in, nothing is a module singleton. */
export async function createMesa(config: Config, logger: Logger, clock: () => Date = () => new Date()): Promise<Mesa> {
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

  if (!config.webchatIdentitySecret) {
    logger.warn('MESA_WEBCHAT_IDENTITY_SECRET is unset: the web chat trusts the user ids pages send, so anyone can ask for anyone\'s tickets. Set it outside a demo.');
  }
  const events = new ConversationEvents();
  const presence = new UserPresence(clock);
  const gateway = new DeskGateway({ repository: storage.conversations, events, translator, renderNotice: renderTicketNotice, clock, presence });
  const desk = createServiceDesk({
    repository: new SqliteTicketRepository(storage.db),
    config: ticketing,
    gateway,
    staffNames: async (ids) => new Map((await Promise.all(ids.map((id) => staff.findById(id)))).flatMap((account) => (account ? [[account.id, account.name] as const] : []))),
    clock,
    logger,
  });
  const engine = createConversationEngine({ nlu, translator, flows: defaultFlows({ kb: kb.knowledgeBase, desk }), handoff: createHandoffGate(desk), clock });
  const runner = new TurnRunner({ repository: storage.conversations, engine, events, translator, logger, clock });
  const conversations = new ConversationService({ repository: storage.conversations, runner, events, clock, presence });
  const shutdown = new AbortController();
  // Every waiting long poll and open stream listens for shutdown; thousands at once are normal, not a leak.
  setMaxListeners(0, shutdown.signal);

  const app = createHttpApp({
    translator,
    logger,
    health: () => status,
    // The web chat API carries nearly all requests, so express tries its router first.
    routes: [
      ['/api/chat', webchatRouter({ conversations, translator, rateLimiter: new RateLimiter(config.chatRateLimitPerMinute), sessionLimits: { perAddress: new RateLimiter(config.chatSessionsPerMinute.perAddress), overall: new RateLimiter(config.chatSessionsPerMinute.overall) }, connectionLimits: new ConnectionLimits(config.chatStreams.perSession, config.chatStreams.perAddress), shutdown: shutdown.signal, allowedOrigins: config.webchatOrigins, identitySecret: config.webchatIdentitySecret })],
      ['/api/kb', kbSearchRouter(kb.search)],
      ['/api/console', consoleApiRouter({ auth: staffAuth, loginAttemptsPerMinute: config.login.perAddressPerMinute, articles: kb.articles, insights: kb.insights, desk, translator, clock, shutdown: shutdown.signal })],
      ['/console', consolePagesRouter(projectRoot())],
      ['/', widgetAssetsRouter(projectRoot())],
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
      status = 'ok';
      return (server.address() as AddressInfo).port;
    },
    async stop() {
      status = 'stopping';
      shutdown.abort();
      const closed = server ? new Promise<void>((resolve) => server!.close(() => resolve())) : Promise.resolve();
      server?.closeIdleConnections();
      clearInterval(sweeper);
      unusedSessions?.stop();
      await runner.stop();
      await desk.stop();
      server?.closeAllConnections();
      await closed;
      await kb.stop();
      await storage.close();
    },
  };
}
