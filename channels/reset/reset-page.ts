import type { Language } from '../../bot/core/language.js';
import type { PasswordPolicy } from '../../bot/identity/reset/password-policy.js';
import type { Translate } from '../../bot/i18n/translator.js';
import { escapeHtml, jsonForScript } from '../http/escape-html.js';
import { htmlPage } from '../http/html-page.js';

/** No inline script or style, no third parties, no framing: a reset page is a phishing target. */
export const RESET_PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function page(language: Language, t: Translate, body: string): string {
  return htmlPage({ language, title: t('password:page.title'), stylesheet: '/reset/assets/reset.css', body });
}

/** The form: the policy as a checklist the page ticks live, and the strings its script shows. */
export function resetFormPage(input: { language: Language; t: Translate; token: string; username: string; policy: PasswordPolicy }): string {
  const { language, t, token, username, policy } = input;
  const rules: Array<[string, string]> = [
    ['too_short', t('password:rules.too_short', { min: policy.minLength })],
    ...(policy.minClasses > 0 ? [['classes', t('password:rules.classes', { count: policy.minClasses })] as [string, string]] : []),
    ...(policy.rejectUsername ? [['contains_username', t('password:rules.contains_username')] as [string, string]] : []),
    ...(policy.rejectBreached ? [['breached', t('password:rules.breached')] as [string, string]] : []),
    ['mismatch', t('password:rules.mismatch')],
  ];
  const strings = { checking: t('password:page.checking'), failed: t('password:page.network_error') };
  return page(
    language,
    t,
    `<p>${escapeHtml(t('password:page.intro', { username }))}</p>
<form id="reset-form" data-token="${escapeHtml(token)}" novalidate>
<label for="password">${escapeHtml(t('password:page.new_password'))}</label>
<input id="password" name="password" type="password" autocomplete="new-password" maxlength="${policy.maxLength}" required aria-describedby="rules">
<label for="confirm">${escapeHtml(t('password:page.confirm_password'))}</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" maxlength="${policy.maxLength}" required>
<ul id="rules" aria-live="polite">
${rules.map(([id, text]) => `<li data-rule="${escapeHtml(id)}" class="pending">${escapeHtml(text)}</li>`).join('\n')}
</ul>
<button type="submit" id="submit">${escapeHtml(t('password:page.submit'))}</button>
</form>
<p id="status" role="status" aria-live="polite"></p>
<script type="application/json" id="reset-strings">${jsonForScript(strings)}</script>
<script src="/reset/assets/reset-page.js" defer></script>`,
  );
}

/** A link that cannot be used: why, and what to do instead. */
export function resetProblemPage(input: { language: Language; t: Translate; problem: 'invalid' | 'expired' | 'used' }): string {
  const { language, t, problem } = input;
  return page(language, t, `<p id="status" role="alert" class="problem">${escapeHtml(t(`password:link.${problem}`))}</p>`);
}
