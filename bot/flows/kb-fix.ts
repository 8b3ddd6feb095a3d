import { MesaError } from '../core/errors.js';
import { done, handover, unhandled, waiting, type Flow, type FlowContext, type FlowOutcome, type FlowStart } from '../core/flow.js';
import type { EscalationContext, EscalationReason, TriedArticle } from '../core/help-desk.js';
import type { KnowledgeBase, KnowledgeHit } from '../core/knowledge-base.js';
import type { Language } from '../core/language.js';
import { kbFixIds, offerActions, parseOpen, personActions, stepActions, voteActions } from './kb-fix-actions.js';
import { offeredArticles, rememberTried } from './kb-fix-memory.js';

const MAX_OFFERS = 3;

type Intent = EscalationContext['intent'];

interface Walk {
  id: string;
  language: Language;
  title: string;
  category: string;
  steps: string[];
  step: number;
  intent?: Intent;
}

type KbFixData =
  | { stage: 'offered'; query: string; offered: KnowledgeHit[]; intent?: Intent }
  | { stage: 'walking'; walk: Walk }
  | { stage: 'vote'; id: string }
  /** Search or the article failed: the only way forward offered is a person. */
  | { stage: 'stuck'; reason: EscalationReason };

export interface KbFixFlowOptions {
  kb: KnowledgeBase;
  /** What happens when nothing is found or the fix failed: the handoff to a person. */
  human: Flow;
  /** What happens when nothing matches and the message was not clearly a problem report. */
  fallback?: Flow;
}

/**
 * The self-service fix: offer the best articles for what the user wrote, walk the chosen one a step at
 * a time, and record whether it worked, so the knowledge base learns which articles solve problems.
 * The conversation remembers the problem and every article tried, so a person taking over knows it all.
 */
export function kbFixFlow({ kb, human, fallback }: KbFixFlowOptions): Flow {
  const meta = (context: FlowContext) => ({ conversationId: context.inbound.conversationId, at: context.now });

  function toPerson(context: FlowContext, reason: EscalationReason, intent?: Intent, tried?: TriedArticle[]): FlowOutcome {
    const { problem } = context.memory;
    const escalation: EscalationContext = { reason, ...(problem ? { problem } : {}), ...(intent ? { intent } : {}), tried: tried ?? context.memory.tried ?? [] };
    return handover(human, { escalation });
  }

  async function offer(context: FlowContext, start: FlowStart): Promise<FlowOutcome> {
    const query = context.inbound.text;
    const intent = start.understanding?.intent ? { name: start.understanding.intent, confidence: start.understanding.score } : undefined;
    let hits: KnowledgeHit[];
    try {
      if (start.searchDown) throw new MesaError('search_unavailable', 'search was down when the message was routed');
      hits = start.hits ?? (await kb.search(query, context.language, MAX_OFFERS));
    } catch (error) {
      if (!(error instanceof MesaError && error.code === 'search_unavailable')) throw error;
      context.remember({ problem: query, tried: [] });
      context.say({ text: context.t('bot:kb.search_down'), actions: personActions(context.t) });
      return waiting({ stage: 'stuck', reason: 'kb_unavailable' } satisfies KbFixData);
    }
    if (hits.length === 0) {
      await kb.recordGap(query, context.language, meta(context));
      if (fallback) return handover(fallback, start);
      context.remember({ problem: query, tried: [] });
      context.say({ text: context.t('bot:kb.nothing_found') });
      return toPerson(context, 'kb_nothing_found', intent);
    }
    for (const hit of hits) await kb.record(hit.id, 'offered', meta(context));
    context.remember({ problem: query, tried: await offeredArticles(kb, hits) });
    const foreign = hits.every((hit) => hit.language !== context.language);
    context.say({
      text: context.t(foreign ? 'bot:kb.offer_other_language' : 'bot:kb.offer'),
      articles: hits.map((hit) => ({ id: hit.id, title: hit.title, language: hit.language })),
      actions: offerActions(context.t, hits, context.language, start.choice),
    });
    return waiting({ stage: 'offered', query, offered: hits, ...(intent ? { intent } : {}) } satisfies KbFixData);
  }

  function progress(context: FlowContext, walk: Walk, outcome: TriedArticle['outcome']): TriedArticle[] {
    return rememberTried(context, { id: walk.id, title: walk.title, language: walk.language, category: walk.category, stepsShown: walk.step + 1, totalSteps: walk.steps.length, outcome });
  }

  function sayStep(context: FlowContext, walk: Walk): FlowOutcome {
    // Until the user says how it went, leaving mid-walk counts as abandoning it.
    progress(context, walk, 'abandoned');
    const last = walk.step === walk.steps.length - 1;
    const text = context.t('bot:kb.step', { number: walk.step + 1, total: walk.steps.length, text: walk.steps[walk.step] ?? '' });
    context.say({ text: last ? `${text}\n\n${context.t('bot:kb.last_step_check')}` : text, actions: stepActions(context.t, last) });
    return waiting({ stage: 'walking', walk } satisfies KbFixData);
  }

  async function open(context: FlowContext, choice: { id: string; language: Language }, intent?: Intent): Promise<FlowOutcome> {
    // Prefer the user's own language when the article exists in it, whatever variant matched.
    const article = (await kb.article(choice.id, context.language)) ?? (await kb.article(choice.id, choice.language));
    if (!article || article.steps.length === 0) {
      context.say({ text: context.t('bot:kb.article_gone'), actions: personActions(context.t) });
      return waiting({ stage: 'stuck', reason: 'flow_failed' } satisfies KbFixData);
    }
    await kb.record(article.id, 'opened', meta(context));
    context.say({ text: context.t('bot:kb.walk_intro', { title: article.title, total: article.steps.length }) });
    return sayStep(context, { id: article.id, language: article.language, title: article.title, category: article.category, steps: article.steps, step: 0, ...(intent ? { intent } : {}) });
  }

  async function walkAction(context: FlowContext, walk: Walk, actionId: string): Promise<FlowOutcome> {
    if (actionId === kbFixIds.next && walk.step < walk.steps.length - 1) return sayStep(context, { ...walk, step: walk.step + 1 });
    if (actionId === kbFixIds.fixed) {
      await kb.record(walk.id, 'solved', meta(context));
      // Solved: a later "talk to a person" is about something new.
      context.remember({ problem: undefined, tried: undefined });
      context.say({ text: context.t('bot:kb.fixed'), actions: voteActions(context.t) });
      return waiting({ stage: 'vote', id: walk.id } satisfies KbFixData);
    }
    if (actionId === kbFixIds.notFixed) {
      await kb.record(walk.id, 'not_solved', meta(context));
      const tried = progress(context, walk, 'not_fixed');
      context.say({ text: context.t('bot:kb.not_fixed') });
      return toPerson(context, 'kb_not_fixed', walk.intent, tried);
    }
    return unhandled;
  }

  return {
    name: 'kb-fix',
    start: (context, start) => offer(context, start),
    async resume(context, raw) {
      const data = raw as KbFixData;
      const actionId = context.inbound.actionId;
      if (!actionId) return unhandled;
      if (data.stage === 'offered') {
        const choice = parseOpen(actionId);
        if (choice) return open(context, choice, data.intent);
        if (actionId === kbFixIds.none) return toPerson(context, 'kb_nothing_found', data.intent);
        return unhandled;
      }
      if (data.stage === 'walking') return walkAction(context, data.walk, actionId);
      if (data.stage === 'stuck') return actionId === kbFixIds.human ? toPerson(context, data.reason) : unhandled;
      if (actionId === kbFixIds.helpful || actionId === kbFixIds.notHelpful) {
        await kb.record(data.id, actionId === kbFixIds.helpful ? 'helpful' : 'not_helpful', meta(context));
        context.say({ text: context.t('bot:kb.vote_thanks') });
        return done;
      }
      return unhandled;
    },
  };
}
