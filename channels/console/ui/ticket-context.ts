import { h } from './dom.js';
import type { TicketView, TriedArticle } from '../desk-wire.js';
import { t } from './i18n.js';
import { slaBadge } from './sla-countdown.js';

function row(label: string, ...value: Array<Node | string>): HTMLElement[] {
  return [h('dt', { text: label }), h('dd', {}, ...value)];
}

/** Everything the bot learned before the hand-off, so the analyst never makes the user repeat it. */
export function ticketContext(ticket: TicketView): HTMLElement {
  const { context } = ticket;
  const facts = h('dl', { class: 'facts' },
    ...row(t('ctxUser'), ticket.userId),
    ...row(t('ctxChannel'), ticket.channel),
    ...row(t('ctxLanguage'), ticket.language.toUpperCase()),
    ...row(t('ctxType'), t(`type_${ticket.type}`)),
    ...row(t('ctxCategory'), ticket.category),
    ...row(t('ctxPriority'), t('priorityLong', { priority: ticket.priority, impact: t(`impact_${ticket.impact}`), urgency: t(`urgency_${ticket.urgency}`) })),
    ...row(t('ctxQueue'), ticket.queueName),
    ...row(t('ctxAssignee'), ticket.assigneeName ?? t('unassigned')),
    ...row(t('ctxReason'), t(`reason_${context.reason}`)),
    ...(context.intent ? row(t('ctxIntent'), `${context.intent.name} (${Math.round(context.intent.confidence * 100)} %)`) : []),
    ...row(t('ctxSla'), slaBadge(ticket)),
    ...(ticket.resolution ? row(t('ctxResolution'), ticket.resolution) : []));
  return h('section', { class: 'context card', attrs: { 'aria-label': t('contextTitle') } },
    h('h2', { text: t('contextTitle') }),
    facts,
    h('h3', { text: t('ctxProblem') }),
    context.problem ? h('blockquote', { class: 'problem', text: context.problem, attrs: { lang: ticket.language } }) : h('p', { class: 'empty', text: t('ctxNoProblem') }),
    h('h3', { text: t('ctxTried') }),
    context.tried?.length ? h('ul', { class: 'tried' }, ...context.tried.map(triedItem)) : h('p', { class: 'empty', text: t('ctxNothingTried') }));
}

function triedItem(article: TriedArticle): HTMLElement {
  return h('li', { attrs: { 'data-article': article.id } },
    h('span', { class: 'tried-title', text: article.title, attrs: { lang: article.language } }),
    h('span', { class: 'tried-steps', text: t('ctxSteps', { shown: article.stepsShown, total: article.totalSteps }) }),
    h('span', { class: `badge outcome-${article.outcome}`, text: t(`outcome_${article.outcome}`) }));
}
