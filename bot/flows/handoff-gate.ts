import type { HandoffGate } from '../core/handoff-gate.js';
import type { HelpDesk, TicketSummary } from '../core/help-desk.js';
import type { FlowContext } from '../core/flow.js';
import { deskRefusal } from './desk-refusal.js';
import { parseLeave } from './ticket-ids.js';
import { ticketRef } from './ticket-words.js';
import { parseTypedScore } from './survey-score.js';
import { askAgain, awaitedComment, recordComment, recordScore } from './survey-steps.js';

// A typed 1/2/3 this soon after a flow asked a numbered question answers that question, not a survey.
const CHOICE_WINDOW_MS = 30 * 60 * 1000;
// Buttons of the bot's own ticket messages keep working during a handoff: their flows answer them.
const BOT_OWNED_PREFIXES = ['ticket.', 'survey.'];

/**
 * Sees every user message before the bot does. While people own the conversation the bot only relays (and
 * stays silent); otherwise it lets a survey be answered in the user's own words.
 */
export function createHandoffGate(desk: HelpDesk): HandoffGate {
  async function duringHandoff(context: FlowContext, active: TicketSummary): Promise<boolean> {
    const { actionId } = context.inbound;
    const leaving = actionId ? parseLeave(actionId) : null;
    if (leaving) {
      await leaveQueue(context, leaving);
      return true;
    }
    if (actionId && BOT_OWNED_PREFIXES.some((prefix) => actionId.startsWith(prefix))) return false;
    await desk.userMessaged(active.number, context.now);
    // While nobody has it yet, one word that the message was not lost; once an analyst is there, only they talk.
    if (active.handoff === 'queued' && context.memory.acknowledgedTicket !== active.number) {
      context.remember({ acknowledgedTicket: active.number });
      context.say({ text: context.t('bot:handoff.queued_ack', { number: active.number }), ticket: ticketRef(active) });
    }
    return true;
  }

  async function leaveQueue(context: FlowContext, number: string): Promise<void> {
    try {
      const ticket = await desk.leaveQueue(number, context.inbound.userId, context.now);
      context.say({ text: context.t('bot:handoff.left', { number }), ticket: ticketRef(ticket) });
    } catch (error) {
      const refusal = deskRefusal(error, ['illegal_ticket_transition', 'ticket_not_found'] as const);
      context.say({ text: context.t(refusal === 'ticket_not_found' ? 'bot:ticket.not_found' : 'bot:handoff.cannot_leave', { number }) });
    }
  }

  async function surveyInWords(context: FlowContext): Promise<boolean> {
    const { inbound, memory, now } = context;
    const commentFor = awaitedComment(context);
    if (commentFor) {
      if (!inbound.actionId) {
        await recordComment(context, desk, commentFor, inbound.text.trim());
        return true;
      }
      // Another button means the user moved on; the rating is already stored.
      if (!inbound.actionId.startsWith('survey.')) context.remember({ surveyComment: undefined });
      return false;
    }
    if (inbound.actionId) return false;
    if (memory.choiceAskedAt && now.getTime() - Date.parse(memory.choiceAskedAt) <= CHOICE_WINDOW_MS) return false;
    const typed = parseTypedScore(inbound.text);
    if (!typed) return false;
    const pending = await desk.pendingSurvey(inbound.conversationId);
    if (!pending) return false;
    if (typed.kind === 'score') await recordScore(context, desk, pending, typed.score);
    else askAgain(context, pending);
    return true;
  }

  return {
    async intercept(context) {
      const active = await desk.activeHandoff(context.inbound.conversationId);
      return active ? duringHandoff(context, active) : surveyInWords(context);
    },
  };
}
