import { api } from './api.js';
import { field, h, replaceChildren } from './dom.js';
import { LANGS, language, t } from './i18n.js';
import type { Gap } from '../kb-wire.js';

/** Questions nothing answered, grouped, with counts and examples: what to write next. */
export function gapsView(root: HTMLElement, reportError: (error: unknown) => void): void {
  const lang = h('select', {}, h('option', { text: t('any'), attrs: { value: '' } }), ...LANGS.map((l) => h('option', { text: t(`lang_${l}`), attrs: { value: l } })));
  const results = h('div', { attrs: { 'aria-live': 'polite' } });
  const heading = h('h1', { text: t('gapsTitle'), attrs: { tabindex: '-1' } });
  replaceChildren(root, heading, h('p', { class: 'intro', text: t('gapsIntro') }), h('div', { class: 'filters' }, field(t('filterLanguage'), lang)), results);
  const load = (): void => {
    const query = lang.value ? `?language=${lang.value}` : '';
    api<{ gaps: Gap[] }>('GET', `/kb/gaps${query}`, undefined, language()).then((data) => replaceChildren(results, table(data.gaps)), reportError);
  };
  lang.addEventListener('change', load);
  load();
}

function table(gaps: Gap[]): HTMLElement {
  if (gaps.length === 0) return h('p', { class: 'empty', text: t('noGaps') });
  const when = new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' });
  return h('table', { class: 'list gaps' },
    h('thead', {}, h('tr', {}, ...['gapLanguage', 'gapGroup', 'gapCount', 'gapExamples', 'gapLast'].map((key) => h('th', { text: t(key), attrs: { scope: 'col' } })))),
    h('tbody', {}, ...gaps.map((gap) => h('tr', { class: 'gap' },
      h('td', { text: gap.language.toUpperCase() }),
      h('td', { class: 'key', text: gap.key }),
      h('td', { class: 'count', text: String(gap.count) }),
      h('td', {}, h('ul', { class: 'examples' }, ...gap.examples.map((example) => h('li', { text: example })))),
      h('td', { text: when.format(new Date(gap.lastAskedAt)) })))));
}
