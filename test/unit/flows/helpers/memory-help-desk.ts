import { MesaError } from '../../../../bot/core/errors.js';
import type { CloseReason, HelpDesk, HandoffMode, OpenedTicket, OpenTicketRequest, TicketStatus, TicketSummary } from '../../../../bot/core/help-desk.js';

interface Ticket {
  summary: TicketSummary;
  request: OpenTicketRequest;
  closeReason?: CloseReason;
  survey?: { asked: boolean; score?: number; comment?: string };
  messagedAt: Date[];
}

export interface QueueSetup {
  queueName: string;
  staffed: boolean;
  estimatedWaitMinutes: number | null;
  opensAt?: Date;
  timeZone?: string;
}

/**
 * A small service desk in memory that keeps the HelpDesk promises the bot relies on: users only ever see their
 * own tickets, status changes follow the lifecycle, a survey is answered once. Analyst actions are methods.
 */
export class MemoryHelpDesk implements HelpDesk {
  readonly ticketNumberPrefix = 'SD';
  readonly tickets = new Map<string, Ticket>();
  readonly complaints: string[] = [];
  queue: QueueSetup = { queueName: 'L1 Service Desk', staffed: true, estimatedWaitMinutes: 12 };
  private sequence = 0;

  async openTicket(request: OpenTicketRequest): Promise<OpenedTicket> {
    const again = [...this.tickets.values()].find((ticket) => ticket.request.conversationId === request.conversationId && ticket.request.sourceMessageId === request.sourceMessageId);
    const ticket = again ?? this.create(request);
    const waiting = [...this.tickets.values()].filter((other) => other.summary.handoff === 'queued');
    const { queueName: _name, ...queue } = this.queue;
    return { ticket: { ...ticket.summary }, position: waiting.indexOf(ticket) + 1, ...queue };
  }

  async activeHandoff(conversationId: string): Promise<TicketSummary | null> {
    const active = [...this.tickets.values()].find((ticket) => ticket.request.conversationId === conversationId && ticket.summary.handoff !== 'ended');
    return active ? { ...active.summary } : null;
  }

  async userMessaged(number: string, at: Date): Promise<void> {
    this.find(number).messagedAt.push(at);
  }

  async leaveQueue(number: string, userId: string, at: Date): Promise<TicketSummary> {
    const ticket = this.own(number, userId);
    if (ticket.summary.handoff !== 'queued') throw new MesaError('illegal_ticket_transition', 'Only a waiting ticket can leave the queue.');
    return this.close(number, 'cancelled', at);
  }

  async ticketsOf(userId: string, limit: number): Promise<TicketSummary[]> {
    return [...this.tickets.values()]
      .filter((ticket) => ticket.request.userId === userId)
      .map((ticket) => ({ ...ticket.summary }))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, limit);
  }

  async ticketOf(userId: string, number: string): Promise<TicketSummary> {
    return { ...this.own(number, userId).summary };
  }

  async confirmResolution(number: string, userId: string, at: Date): Promise<TicketSummary> {
    this.expect(this.own(number, userId), 'resolved');
    return this.close(number, 'confirmed', at);
  }

  async rejectResolution(number: string, userId: string, _comment: string | null, at: Date): Promise<TicketSummary> {
    this.expect(this.own(number, userId), 'resolved');
    return this.change(number, { status: 'reopened', handoff: 'queued' }, at);
  }

  async answerSurvey({ number, userId, score }: { number: string; userId: string; score: number; at: Date }): Promise<{ complaint: boolean }> {
    const ticket = this.own(number, userId);
    if (!Number.isInteger(score) || score < 1 || score > 5) throw new MesaError('survey_out_of_range', 'Scores go from 1 to 5.');
    if (!ticket.survey?.asked || ticket.survey.score !== undefined) throw new MesaError('survey_closed', 'This survey is not open.');
    ticket.survey.score = score;
    return { complaint: this.complain(number, score <= 2) };
  }

  async commentSurvey({ number, userId, comment }: { number: string; userId: string; comment: string; at: Date }): Promise<{ complaint: boolean }> {
    const ticket = this.own(number, userId);
    if (ticket.survey?.score === undefined || ticket.survey.comment !== undefined) throw new MesaError('survey_closed', 'Nothing to comment on.');
    ticket.survey.comment = comment;
    return { complaint: this.complain(number, /complain|terrible|awful|queja|horrible|pésim|reclama|pessim/i.test(comment)) };
  }

  async pendingSurvey(conversationId: string): Promise<string | null> {
    const asked = [...this.tickets.values()].find((ticket) => ticket.request.conversationId === conversationId && ticket.survey?.asked && ticket.survey.score === undefined);
    return asked?.summary.number ?? null;
  }

  // What analysts and the desk's timers do, for tests to drive.

  claim(number: string, analystName: string, at = new Date()): void {
    this.change(number, { status: 'in_progress', handoff: 'live', assigneeName: analystName }, at);
  }

  resolve(number: string, at = new Date()): void {
    this.change(number, { status: 'resolved', handoff: 'ended' }, at);
  }

  closeAndSurvey(number: string, reason: CloseReason = 'auto_closed', at = new Date()): void {
    this.close(number, reason, at);
    this.find(number).survey = { asked: true };
  }

  ticket(number: string): Ticket {
    return this.find(number);
  }

  private create(request: OpenTicketRequest): Ticket {
    this.sequence += 1;
    const number = `SD-${String(this.sequence).padStart(6, '0')}`;
    const summary: TicketSummary = {
      number,
      type: request.type,
      status: 'new',
      summary: request.summary,
      priority: 3,
      queueName: this.queue.queueName,
      handoff: 'queued',
      createdAt: request.at,
      updatedAt: request.at,
    };
    const ticket: Ticket = { summary, request, messagedAt: [] };
    this.tickets.set(number, ticket);
    return ticket;
  }

  private find(number: string): Ticket {
    const ticket = this.tickets.get(number);
    if (!ticket) throw new MesaError('ticket_not_found', `No ticket ${number}.`);
    return ticket;
  }

  /** Someone else's ticket is as unknown as a ticket that does not exist. */
  private own(number: string, userId: string): Ticket {
    const ticket = this.find(number);
    if (ticket.request.userId !== userId) throw new MesaError('ticket_not_found', `No ticket ${number}.`);
    return ticket;
  }

  private expect(ticket: Ticket, status: TicketStatus): void {
    if (ticket.summary.status !== status) throw new MesaError('illegal_ticket_transition', `${ticket.summary.number} is ${ticket.summary.status}.`);
  }

  private close(number: string, reason: CloseReason, at: Date): TicketSummary {
    this.find(number).closeReason = reason;
    return this.change(number, { status: 'closed', handoff: 'ended' }, at);
  }

  private change(number: string, patch: Partial<{ status: TicketStatus; handoff: HandoffMode; assigneeName: string }>, at: Date): TicketSummary {
    const ticket = this.find(number);
    ticket.summary = { ...ticket.summary, ...patch, updatedAt: at };
    return { ...ticket.summary };
  }

  private complain(number: string, complaint: boolean): boolean {
    if (complaint) this.complaints.push(number);
    return complaint;
  }
}
