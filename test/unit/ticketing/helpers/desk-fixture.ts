import type { Language } from '../../../../bot/core/language.js';
import type { Level, OpenedTicket, OpenTicketRequest, TriedArticle } from '../../../../bot/core/help-desk.js';
import { openDatabase, type SqliteDatabase } from '../../../../bot/storage/sqlite/open-database.js';
import { defaultTicketingConfig } from '../../../../ticketing/config/load-ticketing-config.js';
import type { TicketingConfig } from '../../../../ticketing/config/ticketing-config-types.js';
import type { Analyst, DeskEvent } from '../../../../ticketing/desk/analyst-desk.js';
import { createServiceDesk, type ServiceDesk } from '../../../../ticketing/service-desk.js';
import { SqliteTicketRepository } from '../../../../ticketing/storage/sqlite-ticket-repository.js';
import { freshDataDir } from '../../../helpers/start-mesa.js';
import { InMemoryGateway } from './in-memory-gateway.js';

/** A test clock: time moves only when the test says so. Monday 10:00 in Madrid, inside office hours. */
export class TestClock {
  constructor(public now = new Date('2026-03-02T09:00:00Z')) {}
  read = (): Date => this.now;
  advanceMinutes(minutes: number): void {
    this.now = new Date(this.now.getTime() + minutes * 60_000);
  }
}

export const ANA: Analyst = { id: 'ana', name: 'Ana Souza', roles: ['l1_analyst'] };
export const BRUNO: Analyst = { id: 'bruno', name: 'Bruno Rossi', roles: ['l1_analyst'] };
export const LUCIA: Analyst = { id: 'lucia', name: 'Lucía Pérez', roles: ['l2_analyst'] };
export const CARLA: Analyst = { id: 'carla', name: 'Carla Mendes', roles: ['coordinator'] };
export const KEVIN: Analyst = { id: 'kevin', name: 'Kevin Knowles', roles: ['knowledge_manager'] };

const NAMES = new Map([ANA, BRUNO, LUCIA, CARLA, KEVIN].map((analyst) => [analyst.id, analyst.name]));

export interface DeskFixture {
  desk: ServiceDesk;
  gateway: InMemoryGateway;
  clock: TestClock;
  db: SqliteDatabase;
  dataDir: string;
  events: DeskEvent[];
  config: TicketingConfig;
  /** Opens a ticket as the bot would, one new source message each time unless given. */
  open(overrides?: Partial<OpenTicketRequest> & { tried?: TriedArticle[]; impact?: Level; urgency?: Level }): Promise<OpenedTicket>;
  /** A fresh desk on the same database, as after a restart. */
  restart(): DeskFixture;
  close(): void;
}

let sequence = 0;

export function deskFixture(options: { config?: TicketingConfig; dataDir?: string; clock?: TestClock; gateway?: InMemoryGateway } = {}): DeskFixture {
  const config = options.config ?? defaultTicketingConfig();
  const dataDir = options.dataDir ?? freshDataDir('mesa-ticketing-');
  const clock = options.clock ?? new TestClock();
  const gateway = options.gateway ?? new InMemoryGateway(clock.read);
  const db = openDatabase(dataDir);
  const desk = createServiceDesk({
    repository: new SqliteTicketRepository(db),
    config,
    gateway,
    staffNames: async (ids) => new Map(ids.flatMap((id) => (NAMES.has(id) ? [[id, NAMES.get(id)!] as const] : []))),
    clock: clock.read,
  });
  const events: DeskEvent[] = [];
  desk.subscribe((event) => events.push(event));
  const fixture: DeskFixture = {
    desk,
    gateway,
    clock,
    db,
    dataDir,
    events,
    config,
    open(overrides = {}) {
      sequence += 1;
      const { tried, ...rest } = overrides;
      const language: Language = overrides.language ?? 'en';
      return desk.openTicket({
        conversationId: `conv-${sequence}`,
        channel: 'webchat',
        userId: `user-${sequence}`,
        language,
        sourceMessageId: `msg-${sequence}`,
        type: 'incident',
        summary: 'The VPN does not connect',
        impact: 'medium',
        urgency: 'medium',
        context: { reason: 'kb_not_fixed', problem: 'The VPN does not connect', ...(tried ? { tried } : {}) },
        at: clock.now,
        ...rest,
      });
    },
    restart() {
      db.close();
      return deskFixture({ config, dataDir, clock, gateway });
    },
    close() {
      if (db.open) db.close();
    },
  };
  return fixture;
}
