import { actionIds } from '../core/actions.js';
import { done, unhandled, waiting, type Flow, type FlowContext, type FlowOutcome } from '../core/flow.js';
import type { HelpDesk } from '../core/help-desk.js';
import type { Action } from '../core/messages.js';
import type { SelfServiceKind } from '../identity/identity-repository.js';
import type { BeginOutcome, Locked, Refused, SelfServiceRequest, VerifyOutcome } from '../identity/self-service-types.js';
import { ticketOpenedMessage } from './ticket-opened.js';
import { ticketOrigin } from './ticket-origin.js';

/** What the flow needs from bot/identity's SelfService. */
export interface SelfServicePort {
  begin(request: SelfServiceRequest): Promise<BeginOutcome>;
  verify(request: SelfServiceRequest, verificationId: string, code: string): Promise<VerifyOutcome>;
}

interface AwaitingCode {
  step: 'code';
  verificationId: string;
}

const CANCEL = 'selfservice.cancel';

/**
 * Password reset or account unlock in the chat: the channel says who the user is, the directory says where to
 * send a one-time code, the code typed back proves it. A reset then goes on in a single-use web page (never a
 * password in the chat); an unlock happens right away. Whatever fails offers a person, with the history.
 */
export function selfServiceFlow({ kind, service, desk }: { kind: SelfServiceKind; service: SelfServicePort; desk?: HelpDesk }): Flow {
  const name = kind === 'reset' ? 'password-reset' : 'account-unlock';
  const intent = kind === 'reset' ? 'reset_password' : 'unlock_account';

  const requestOf = (context: FlowContext): SelfServiceRequest => ({
    kind,
    mesaUserId: context.inbound.userId,
    conversationId: context.inbound.conversationId,
    channel: context.inbound.channel,
    language: context.language,
  });

  const personAction = (context: FlowContext): Action[] => (desk ? [{ id: actionIds.intent('human'), label: context.t('password:talk_to_person') }] : []);

  function refuse(context: FlowContext, outcome: Refused): FlowOutcome {
    // What a person will need, kept for the ticket the "talk to a person" button opens: no secrets, only steps.
    const problem = [context.t(`password:problem.${kind}`, { reason: outcome.reason }), ...outcome.history].join('\n');
    context.remember({ problem });
    context.say({ text: context.t(`password:refused.${outcome.reason}`), actions: personAction(context) });
    return done;
  }

  async function lockedOut(context: FlowContext, outcome: Locked): Promise<FlowOutcome> {
    if (!desk) {
      context.say({ text: context.t('password:locked_no_desk') });
      return done;
    }
    if (!outcome.fresh) {
      context.say({ text: context.t('password:locked_already'), actions: personAction(context) });
      return done;
    }
    const { language, now, t } = context;
    // The desk hears of it at once, with what happened, so a person can check it really is the user.
    const opened = await desk.openTicket({
      ...ticketOrigin(context),
      type: 'incident',
      summary: t(`password:ticket.summary_${kind}`, { username: outcome.username }),
      impact: 'low',
      urgency: 'medium',
      context: { reason: 'flow_failed', intent: { name: intent, confidence: 1 }, problem: [t(`password:ticket.locked_${kind}`, { username: outcome.username }), ...outcome.history].join('\n') },
      at: now,
    });
    const message = ticketOpenedMessage(t, language, opened, now);
    context.say({ ...message, text: `${t('password:locked')} ${message.text}` });
    return done;
  }

  async function verify(context: FlowContext, state: AwaitingCode): Promise<FlowOutcome> {
    const outcome = await service.verify(requestOf(context), state.verificationId, context.inbound.text);
    const { t } = context;
    switch (outcome.status) {
      case 'link_sent':
        context.say({ text: t('password:link_sent', { link: outcome.link, minutes: outcome.validMinutes }) });
        return done;
      case 'unlocked':
        context.say({ text: t('password:unlocked') });
        return done;
      case 'wrong':
        context.say({ text: t('password:code_wrong', { remaining: outcome.remaining }), actions: [{ id: CANCEL, label: t('password:cancel') }] });
        return waiting(state);
      case 'expired':
        context.say({ text: t('password:code_expired'), actions: [{ id: actionIds.intent(intent), label: t(`password:start_again_${kind}`) }, ...personAction(context)] });
        return done;
      case 'refused':
        return refuse(context, outcome);
      case 'locked':
        return lockedOut(context, outcome);
    }
  }

  return {
    name,
    async start(context) {
      const outcome = await service.begin(requestOf(context));
      if (outcome.status === 'refused') return refuse(context, outcome);
      if (outcome.status === 'locked') return lockedOut(context, outcome);
      const { t } = context;
      context.say({ text: t(`password:code_sent_${outcome.via}`, { address: outcome.maskedTo, minutes: outcome.validMinutes }), actions: [{ id: CANCEL, label: t('password:cancel') }] });
      return waiting({ step: 'code', verificationId: outcome.verificationId } satisfies AwaitingCode);
    },
    async resume(context, data, start) {
      const state = data as AwaitingCode;
      const { inbound, t } = context;
      if (inbound.actionId === CANCEL) {
        context.say({ text: t('password:cancelled') });
        return done;
      }
      if (inbound.actionId) return unhandled;
      if (inbound.redacted) return verify(context, state);
      // Words without a code: the user asked for something else, or needs reminding what is awaited.
      if (start.understanding?.intent) return unhandled;
      context.say({ text: t('password:code_expected'), actions: [{ id: CANCEL, label: t('password:cancel') }] });
      return waiting(state);
    },
  };
}
