import type { ConversationGateway } from '../../bot/core/conversation-gateway.js';
import type { TicketingConfig } from '../config/ticketing-config-types.js';
import type { NoticeDelivery } from '../notices/notice-delivery.js';
import type { Presence } from '../queues/presence.js';
import type { TicketRepository } from '../tickets/ticket-repository.js';
import type { Background, Serial } from './background.js';
import type { DeskEvents } from './desk-events.js';

/** The little of a logger the desk uses; the app's pino logger fits it. */
export interface DeskLogger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

/** Names of staff accounts by id, for what users and analysts read; unknown ids are simply absent. */
export type StaffNames = (ids: string[]) => Promise<Map<string, string>>;

/** Everything the desk's parts share, built once by createServiceDesk. */
export interface DeskDeps {
  repository: TicketRepository;
  config: TicketingConfig;
  gateway: ConversationGateway;
  staffNames: StaffNames;
  clock: () => Date;
  logger: DeskLogger;
  events: DeskEvents;
  presence: Presence;
  notices: NoticeDelivery;
  background: Background;
  /** Push assignment rounds run one at a time. */
  pushRounds: Serial;
}
