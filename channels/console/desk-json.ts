import type { TicketDetail } from '../../ticketing/desk/analyst-desk.js';
import { toMessageJson } from '../webchat/message-json.js';
import type { MessageJson } from '../webchat/wire.js';

/**
 * A ticket's detail as the console reads it. The transcript uses the web chat's Message shape, so the
 * console, the widget and integrators read one format; dates elsewhere become ISO strings via JSON.
 */
export function detailJson(detail: TicketDetail): Omit<TicketDetail, 'transcript'> & { transcript: MessageJson[] } {
  return { ticket: detail.ticket, timeline: detail.timeline, transcript: detail.transcript.map(toMessageJson) };
}

