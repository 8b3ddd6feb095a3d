import type { Translate } from '../i18n/translator.js';
import { actionIds } from '../core/actions.js';
import type { KnowledgeHit } from '../core/knowledge-base.js';
import type { Action } from '../core/messages.js';
import type { Language } from '../core/language.js';
import type { IntentName } from '../nlu/nlu.js';

/** Button ids of the fix flow; they only mean something while the flow is active. */
export const kbFixIds = {
  open: (hit: Pick<KnowledgeHit, 'id' | 'language'>) => `kbfix.open.${hit.language}.${hit.id}`,
  next: 'kbfix.next',
  fixed: 'kbfix.fixed',
  notFixed: 'kbfix.not_fixed',
  none: 'kbfix.none',
  helpful: 'kbfix.helpful',
  notHelpful: 'kbfix.not_helpful',
  /** "Talk to a person" when the fix itself failed (search down, article gone), so the ticket says why. */
  human: 'kbfix.human',
} as const;

export function parseOpen(actionId: string): { id: string; language: Language } | null {
  const match = /^kbfix\.open\.(en|es|pt|it)\.(.+)$/.exec(actionId);
  return match ? { language: match[1] as Language, id: match[2]! } : null;
}

/** The articles as buttons, then "none of these", the command the user may have meant, and a person. */
export function offerActions(t: Translate, hits: KnowledgeHit[], language: Language, choice?: IntentName): Action[] {
  const open = hits.map((hit) => ({
    id: kbFixIds.open(hit),
    label: hit.language === language ? hit.title : t('bot:kb.other_language_title', { title: hit.title, language: t('bot:language.self_name', { lng: hit.language }) }),
  }));
  const command = choice ? [{ id: actionIds.intent(choice), label: t(`bot:menu.${choice}`) }] : [];
  return [...open, ...command, { id: kbFixIds.none, label: t('bot:kb.none_of_these') }, { id: actionIds.intent('human'), label: t('bot:menu.human') }];
}

export function stepActions(t: Translate, last: boolean): Action[] {
  return [
    ...(last ? [] : [{ id: kbFixIds.next, label: t('bot:kb.next_step') }]),
    { id: kbFixIds.fixed, label: t('bot:kb.fixed_button') },
    { id: kbFixIds.notFixed, label: t('bot:kb.not_fixed_button') },
    { id: actionIds.intent('human'), label: t('bot:menu.human') },
  ];
}

export function personActions(t: Translate): Action[] {
  return [{ id: kbFixIds.human, label: t('bot:menu.human') }];
}

export function voteActions(t: Translate): Action[] {
  return [
    { id: kbFixIds.helpful, label: t('bot:kb.helpful') },
    { id: kbFixIds.notHelpful, label: t('bot:kb.not_helpful') },
  ];
}
