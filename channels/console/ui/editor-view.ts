import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { LANGS, language, t, type Lang } from './i18n.js';
import type { ArticleDetail, Me } from '../kb-wire.js';
import { variantColumn } from './variant-column.js';

const METRICS = ['offered', 'opened', 'solved', 'not_solved', 'helpful', 'not_helpful'] as const;

/** One article: usage figures, then its four languages side by side. */
export function editorView(root: HTMLElement, articleId: string, me: Me, reportError: (error: unknown) => void, notice?: { lang: Lang; message: string }): void {
  api<ArticleDetail>('GET', `/kb/articles/${encodeURIComponent(articleId)}`, undefined, language()).then((article) => {
    const heading = h('h1', { text: article.variants.find((v) => v.language === language())?.title ?? articleId, attrs: { tabindex: '-1' } });
    const metrics = h('dl', { class: 'metrics', attrs: { 'aria-label': t('metrics') } },
      ...METRICS.flatMap((name) => [h('div', { class: 'metric' }, h('dt', { text: t(`metric_${name}`) }), h('dd', { text: String(article.metrics[name] ?? 0) }))]));
    const columns = LANGS.map((lang) => variantColumn({
      articleId,
      lang,
      variant: article.variants.find((v) => v.language === lang) ?? null,
      isAdmin: me.roles.includes('admin'),
      onChanged: (changed, message) => editorView(root, articleId, me, reportError, { lang: changed, message }),
    }));
    replaceChildren(root,
      h('p', {}, h('a', { class: 'back', text: `← ${t('back')}`, attrs: { href: '#/articles' } })),
      heading,
      h('p', { class: 'id', text: articleId }),
      h('section', { class: 'metrics-panel', attrs: { 'aria-label': t('metrics') } }, h('h2', { text: t('metrics') }), metrics),
      h('div', { class: 'variants' }, ...columns));
    if (notice) {
      const column = root.querySelector(`section.variant[data-lang="${notice.lang}"]`);
      const status = column?.querySelector<HTMLElement>('.notice');
      if (status) status.textContent = notice.message;
      column?.querySelector<HTMLElement>('h2')?.setAttribute('tabindex', '-1');
      column?.querySelector<HTMLElement>('h2')?.focus();
    } else heading.focus();
  }, reportError);
}
