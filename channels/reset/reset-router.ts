import { Router, type Response } from 'express';
import { join } from 'node:path';
import type { Language } from '../../bot/core/language.js';
import type { ResetLinks } from '../../bot/identity/reset/reset-links.js';
import type { Translator } from '../../bot/i18n/translator.js';
import { parseWith } from '../http/parse-with.js';
import { requestLanguage } from '../http/request-language.js';
import { RESET_PAGE_CSP, resetFormPage, resetProblemPage } from './reset-page.js';
import { resetBody, resetToken } from './reset-schemas.js';

export interface ResetRoutesOptions {
  links: Pick<ResetLinks, 'inspect' | 'check' | 'complete'>;
  translator: Translator;
  projectRoot: string;
}

/** What each outcome of a submission is over HTTP; the message is in the language of the chat that sent the link. */
const OUTCOME_STATUS = {
  done: 200,
  policy: 422,
  invalid: 404,
  expired: 410,
  used: 409,
  unavailable: 503,
} as const;

const ERROR_CODES = { policy: 'password_policy', invalid: 'reset_link_invalid', expired: 'reset_link_expired', used: 'reset_link_used', unavailable: 'directory_unavailable' } as const;

function noStore(response: Response): void {
  // Nothing about a reset belongs in a cache, a referrer or a frame.
  response.set('Cache-Control', 'no-store');
  response.set('Content-Security-Policy', RESET_PAGE_CSP);
  response.set('X-Frame-Options', 'DENY');
}

/** The reset page at /reset/:token and its assets: localized, escaped, under a strict CSP. */
export function resetPageRouter({ links, translator, projectRoot }: ResetRoutesOptions): Router {
  const router = Router();
  router.use((_request, response, next) => {
    noStore(response);
    next();
  });
  router.get('/assets/reset.css', (_request, response) => response.sendFile(join(projectRoot, 'channels/reset/ui/reset.css')));
  router.get('/assets/reset-page.js', (_request, response) => response.type('application/javascript').sendFile(join(projectRoot, 'dist/channels/reset/ui/reset-page.js')));
  router.get('/:token', async (request, response) => {
    const token = resetToken.safeParse(request.params.token);
    const view = token.success ? await links.inspect(token.data) : ({ status: 'invalid' } as const);
    const language: Language = ('language' in view && view.language) || requestLanguage(request);
    const t = translator.forLanguage(language);
    if (view.status !== 'ok') {
      response.status(OUTCOME_STATUS[view.status]).type('html').send(resetProblemPage({ language, t, problem: view.status }));
      return;
    }
    response.status(200).type('html').send(resetFormPage({ language, t, token: token.data!, username: view.username, policy: view.policy }));
  });
  return router;
}

/** POST /api/reset/:token sets the password; POST /api/reset/:token/check tells the page which rules it breaks. */
export function resetApiRouter({ links, translator }: ResetRoutesOptions): Router {
  const router = Router();
  router.use((_request, response, next) => {
    response.set('Cache-Control', 'no-store');
    next();
  });
  router.post('/:token/check', async (request, response) => {
    const { password } = parseWith(resetBody, request.body, 'request body');
    const token = resetToken.safeParse(request.params.token);
    const outcome = token.success ? await links.check(token.data, password) : ({ status: 'invalid' } as const);
    if (outcome.status !== 'ok') {
      const t = translator.forLanguage(requestLanguage(request));
      response.status(OUTCOME_STATUS[outcome.status]).json({ error: { code: ERROR_CODES[outcome.status], message: t(`password:link.${outcome.status}`) } });
      return;
    }
    response.json({ violations: outcome.violations });
  });
  router.post('/:token', async (request, response) => {
    const { password } = parseWith(resetBody, request.body, 'request body');
    const token = resetToken.safeParse(request.params.token);
    const outcome = token.success ? await links.complete(token.data, password) : ({ status: 'invalid' } as const);
    const t = translator.forLanguage(('language' in outcome && outcome.language) || requestLanguage(request));
    if (outcome.status === 'done') {
      response.json({ status: 'done', message: t('password:page.done') });
      return;
    }
    const message =
      outcome.status === 'policy'
        ? [t('password:page.policy_failed'), ...outcome.violations.map((violation) => t(`password:violations.${violation}`))].join(' ')
        : outcome.status === 'unavailable'
          ? t('password:page.unavailable')
          : t(`password:link.${outcome.status}`);
    response.status(OUTCOME_STATUS[outcome.status]).json({ error: { code: ERROR_CODES[outcome.status], message, ...(outcome.status === 'policy' ? { violations: outcome.violations } : {}) } });
  });
  return router;
}
