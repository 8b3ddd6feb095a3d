import { api } from './api.js';
import { field, h, replaceChildren } from './dom.js';
import { LANGS, language, t } from './i18n.js';
import type { ArticleSummary } from '../kb-wire.js';

const STATUSES = ['draft', 'in_review', 'published', 'retired'] as const;

function select(options: Array<[string, string]>, value: string): HTMLSelectElement {
  const control = h('select', {}, ...options.map(([optionValue, label]) => h('option', { text: label, attrs: { value: optionValue } })));
  control.value = value;
  return control;
}

/** Articles with search, status and language filters; each row shows its languages and the missing ones. */
export function articleListView(root: HTMLElement, initial: URLSearchParams, reportError: (error: unknown) => void): void {
  const search = h('input', { attrs: { type: 'search', placeholder: t('searchPlaceholder') } });
  search.value = initial.get('q') ?? '';
  const status = select([['', t('any')], ...STATUSES.map((s): [string, string] => [s, t(`status_${s}`)])], initial.get('status') ?? '');
  const lang = select([['', t('any')], ...LANGS.map((l): [string, string] => [l, t(`lang_${l}`)])], initial.get('language') ?? '');
  const results = h('div', { attrs: { 'aria-live': 'polite' } });
  const heading = h('h1', { text: t('navArticles'), attrs: { tabindex: '-1' } });
  const filters = h('form', { class: 'filters', attrs: { role: 'search' } }, field(t('search'), search), field(t('filterStatus'), status), field(t('filterLanguage'), lang));
  filters.addEventListener('submit', (event) => event.preventDefault());
  replaceChildren(root, heading, filters, results);

  let generation = 0;
  const load = (): void => {
    const query = new URLSearchParams();
    if (search.value.trim()) query.set('q', search.value.trim());
    if (status.value) query.set('status', status.value);
    if (lang.value) query.set('language', lang.value);
    // Keep the filters in the address so Back returns to the same list.
    history.replaceState(null, '', `#/articles${query.toString() ? `?${query}` : ''}`);
    const mine = ++generation;
    api<{ articles: ArticleSummary[] }>('GET', `/kb/articles?${query}`, undefined, language()).then((data) => {
      if (mine === generation) replaceChildren(results, table(data.articles));
    }, reportError);
  };
  let timer = 0;
  search.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(load, 200);
  });
  status.addEventListener('change', load);
  lang.addEventListener('change', load);
  load();
}

function table(articles: ArticleSummary[]): HTMLElement {
  if (articles.length === 0) return h('p', { class: 'empty', text: t('noArticles') });
  const rows = articles.map((article) => {
    const title = article.variants.find((v) => v.language === language())?.title ?? article.variants[0]?.title ?? article.id;
    const badges = h('ul', { class: 'langs' }, ...article.variants.map((v) => h('li', { class: `badge status-${v.status}`, text: `${v.language.toUpperCase()} · ${t(`status_${v.status}`)}`, attrs: { title: v.title } })));
    const missing = article.missingLanguages.length > 0
      ? h('span', { class: 'missing', text: t('missing', { languages: article.missingLanguages.map((l) => l.toUpperCase()).join(', ') }) })
      : h('span', { class: 'complete', text: t('complete') });
    return h('tr', { attrs: { 'data-article': article.id } },
      h('td', {}, h('a', { text: title, attrs: { href: `#/articles/${encodeURIComponent(article.id)}` } }), h('div', { class: 'id', text: article.id })),
      h('td', { text: article.category }),
      h('td', {}, badges, missing));
  });
  return h('table', { class: 'list' },
    h('thead', {}, h('tr', {}, h('th', { text: t('colArticle'), attrs: { scope: 'col' } }), h('th', { text: t('colCategory'), attrs: { scope: 'col' } }), h('th', { text: t('colLanguages'), attrs: { scope: 'col' } }))),
    h('tbody', {}, ...rows));
}
