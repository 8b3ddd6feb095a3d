import type { ConversationGateway } from '../bot/core/conversation-gateway.js';
import type { HelpDesk } from '../bot/core/help-desk.js';
import type { TicketingConfig } from './config/ticketing-config-types.js';
import type { AnalystDesk } from './desk/analyst-desk.js';
import { detail, complaints, list, queues, setComplaintStatus } from './desk/analyst-reads.js';
import { Background, Serial } from './desk/background.js';
import { claim } from './desk/claim.js';
import { addNote, handBack, reply, typing, watch } from './desk/conversation-actions.js';
import type { DeskDeps, DeskLogger, StaffNames } from './desk/desk-deps.js';
import { DeskEvents } from './desk/desk-events.js';
import { openTicket } from './desk/open-ticket.js';
import { profileOf, saveProfile } from './desk/profiles.js';
import { refillPushQueues } from './desk/refill.js';
import { escalate, transfer } from './desk/transfer.js';
import { confirmResolution, leaveQueue, rejectResolution, userMessaged } from './desk/user-actions.js';
import { activeHandoff, ticketOf, ticketsOf } from './desk/user-tickets.js';
import { closeAs, resolve, setPendingUser } from './desk/work-actions.js';
import { NoticeDelivery } from './notices/notice-delivery.js';
import { Presence } from './queues/presence.js';
import { answerSurvey, commentSurvey, pendingSurvey } from './surveys/survey-desk.js';
import { sweep } from './sweep/sweep.js';
import type { TicketRepository } from './tickets/ticket-repository.js';

export interface ServiceDeskOptions {
  repository: TicketRepository;
  config: TicketingConfig;
  gateway: ConversationGateway;
  staffNames: StaffNames;
  clock: () => Date;
  logger?: DeskLogger;
}

/** The service desk as the bot (HelpDesk) and the analysts' console (AnalystDesk) use it, plus its upkeep. */
export type ServiceDesk = HelpDesk &
  AnalystDesk & {
    /** SLA warnings/breaches, auto-close, queue openings, notice retries, push assignment: call periodically. */
    sweep(): Promise<void>;
    /** Delivers notices a crash or a gateway failure left in the outbox; call at start. */
    deliverPendingNotices(): Promise<void>;
    /** Resolves once work started in the background (push assignment on connect) has finished. */
    idle(): Promise<void>;
    stop(): Promise<void>;
  };

const silentLogger: DeskLogger = { error: () => undefined, warn: () => undefined, info: () => undefined };

export function createServiceDesk(options: ServiceDeskOptions): ServiceDesk {
  const logger = options.logger ?? silentLogger;
  const deps: DeskDeps = {
    repository: options.repository,
    config: options.config,
    gateway: options.gateway,
    staffNames: options.staffNames,
    clock: options.clock,
    logger,
    events: new DeskEvents((error) => logger.error({ err: error }, 'a desk event listener failed')),
    presence: new Presence(),
    notices: new NoticeDelivery({ repository: options.repository, gateway: options.gateway, clock: options.clock, logger }),
    background: new Background((error) => logger.error({ err: error }, 'background desk work failed')),
    pushRounds: new Serial(),
  };

  // The app sweeps on a timer; a slow round is joined rather than overlapped.
  let sweeping: Promise<void> | null = null;
  const sweepOnce = (): Promise<void> => {
    sweeping ??= sweep(deps).finally(() => {
      sweeping = null;
    });
    return sweeping;
  };

  return {
    ticketNumberPrefix: options.config.numberPrefix,
    openTicket: (request) => openTicket(deps, request),
    activeHandoff: (conversationId) => activeHandoff(deps, conversationId),
    userMessaged: (number, at) => userMessaged(deps, number, at),
    leaveQueue: (number, userId, at) => leaveQueue(deps, number, userId, at),
    ticketsOf: (userId, limit) => ticketsOf(deps, userId, limit),
    ticketOf: (userId, number) => ticketOf(deps, userId, number),
    confirmResolution: (number, userId, at) => confirmResolution(deps, number, userId, at),
    rejectResolution: (number, userId, comment, at) => rejectResolution(deps, number, userId, comment, at),
    answerSurvey: (input) => answerSurvey(deps, input),
    commentSurvey: (input) => commentSurvey(deps, input),
    pendingSurvey: (conversationId) => pendingSurvey(deps, conversationId),

    queues: (analyst) => queues(deps, analyst),
    list: (analyst, filter) => list(deps, analyst, filter),
    detail: (analyst, number) => detail(deps, analyst, number),
    claim: (analyst, number) => claim(deps, analyst, number),
    transfer: (analyst, number, queueId, reason) => transfer(deps, analyst, number, queueId, reason),
    escalate: (analyst, number, reason) => escalate(deps, analyst, number, reason),
    setPendingUser: (analyst, number) => setPendingUser(deps, analyst, number),
    resolve: (analyst, number, resolution) => resolve(deps, analyst, number, resolution),
    closeAs: (analyst, number, reason) => closeAs(deps, analyst, number, reason),
    addNote: (analyst, number, text) => addNote(deps, analyst, number, text),
    reply: (analyst, number, text) => reply(deps, analyst, number, text),
    handBack: (analyst, number) => handBack(deps, analyst, number),
    typing: (analyst, number) => typing(deps, analyst, number),
    complaints: (analyst) => complaints(deps, analyst),
    setComplaintStatus: (analyst, id, status) => setComplaintStatus(deps, analyst, id, status),
    watch: (analyst, number, listener) => watch(deps, analyst, number, listener),
    profile: (analystId) => profileOf(deps, analystId),
    async setProfile(actor, profile) {
      const saved = await saveProfile(deps, actor, profile);
      await refillPushQueues(deps);
      return saved;
    },
    connect(analyst) {
      const disconnect = deps.presence.connect(analyst);
      // Someone new on shift may take what waits in the push queues.
      deps.background.run(() => refillPushQueues(deps));
      return disconnect;
    },
    subscribe: (listener) => deps.events.subscribe(listener),

    sweep: sweepOnce,
    deliverPendingNotices: () => deps.notices.deliverPending(),
    idle: () => deps.background.idle(),
    async stop() {
      await sweeping?.catch(() => undefined);
      await deps.background.idle();
    },
  };
}
