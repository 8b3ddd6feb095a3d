import type { Analyst, Complaint, DeskEvent, QueueSummary, TicketDetail, TicketView } from '../../ticketing/desk/analyst-desk.js';
import type { TimelineEntry } from '../../ticketing/tickets/ticket.js';
import { jsonOf } from '../http/json-of.js';
import { toMessageJson } from '../webchat/message-json.js';
import type * as Wire from './desk-wire.js';

// Each serialiser is typed against the console's wire shape: a field the server renames, drops or retypes
// fails tsc here instead of leaving the console reading undefined.

export const analystJson = (analyst: Analyst): Wire.Analyst => jsonOf(analyst);

export const ticketJson = (ticket: TicketView): Wire.TicketView => jsonOf(ticket);

export const timelineEntryJson = (entry: TimelineEntry): Wire.TimelineEntry => jsonOf(entry);

export const queueSummaryJson = (queue: QueueSummary): Wire.QueueSummary => jsonOf(queue);

export const complaintJson = (complaint: Complaint): Wire.Complaint => jsonOf(complaint);

export const deskEventJson = (event: DeskEvent): Wire.DeskEvent => jsonOf(event);

/** A ticket's detail as the console reads it; the transcript in the web chat's Message shape. */
export function detailJson(detail: TicketDetail): Wire.TicketDetail {
  return { ticket: ticketJson(detail.ticket), timeline: detail.timeline.map(timelineEntryJson), transcript: detail.transcript.map(toMessageJson) };
}
