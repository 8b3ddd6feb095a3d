import type { HelpDesk } from '../core/help-desk.js';
import { done, type Flow } from '../core/flow.js';
import { menuActions } from './menu.js';
import { parseSurveyAction } from './ticket-ids.js';
import { recordScore, skipComment } from './survey-steps.js';

/**
 * The satisfaction survey's buttons (`survey.<number>.<score>` / `.skip`), pressed whenever the user gets to
 * them. The comment that may follow is taken by the handoff gate, which sees every message first.
 */
export function surveyFlow(desk: HelpDesk): Flow {
  return {
    name: 'survey',
    async start(context) {
      const press = parseSurveyAction(context.inbound.actionId ?? '');
      if (!press) context.say({ text: context.t('bot:stale_action'), actions: menuActions(context.t) });
      else if (press.kind === 'skip') skipComment(context, press.number);
      else await recordScore(context, desk, press.number, press.score);
      return done;
    },
  };
}
