import { api, ApiError } from './api.js';
import { field, h, replaceChildren } from './dom.js';
import { language, t, type Lang } from './i18n.js';
import { renderPreview } from './markdown.js';
import type { PreviewBlock, Variant, Version } from '../kb-wire.js';

export interface ColumnOptions {
  articleId: string;
  lang: Lang;
  variant: Variant | null;
  isAdmin: boolean;
  /** Reloads the whole article after a change, so every column shows the saved state. */
  onChanged: (lang: Lang, message: string) => void;
}

/** One language of an article: its fields, a live preview, the workflow buttons and the version history. */
export function variantColumn({ articleId, lang, variant, isAdmin, onChanged }: ColumnOptions): HTMLElement {
  const headingId = `col-${lang}`;
  const title = h('input', { attrs: { type: 'text', name: 'title', maxlength: '200' } });
  const category = h('input', { attrs: { type: 'text', name: 'category', maxlength: '80' } });
  const tags = h('input', { attrs: { type: 'text', name: 'tags' } });
  const body = h('textarea', { attrs: { name: 'body', rows: '14', spellcheck: 'true', lang } });
  title.value = variant?.title ?? '';
  category.value = variant?.category ?? '';
  tags.value = variant?.tags.join(', ') ?? '';
  body.value = variant?.body ?? '';

  const previewTitle = h('h3', { class: 'preview-title' });
  const previewBody = h('div', { class: 'preview-body' });
  const preview = h('div', { class: 'preview', attrs: { 'data-part': 'preview', 'aria-label': t('preview'), role: 'region', lang } },
    h('p', { class: 'preview-label', text: t('preview'), attrs: { 'aria-hidden': 'true' } }), previewTitle, previewBody);
  // The body is read by the server (the bot's own parser); typing sends at most one request per pause,
  // and an answer that arrives after a newer one was asked for is dropped.
  let asked = 0;
  let timer: number | undefined;
  const refreshBody = (): void => {
    const ask = ++asked;
    api<{ blocks: PreviewBlock[] }>('POST', '/kb/preview', { body: body.value }, language())
      .then((result) => { if (ask === asked) replaceChildren(previewBody, renderPreview(result.blocks)); }, () => undefined);
  };
  title.addEventListener('input', () => { previewTitle.textContent = title.value; });
  body.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(refreshBody, 150);
  });
  previewTitle.textContent = title.value;
  refreshBody();

  const status = h('p', { class: 'notice', attrs: { role: 'status' } });
  const publish = h('input', { attrs: { type: 'checkbox' } });
  const save = h('button', { class: 'primary', text: t('save'), attrs: { type: 'submit' } });
  const form = h('form', { class: 'variant-form' },
    field(t('title'), title), field(t('category'), category), field(t('tags'), tags), field(t('body'), body),
    isAdmin ? h('label', { class: 'check' }, publish, ` ${t('publishNow')}`) : null,
    h('div', { class: 'actions' }, save));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save.disabled = true;
    const content = { title: title.value, category: category.value, body: body.value, tags: tags.value.split(',').map((tag) => tag.trim()).filter(Boolean), ...(publish.checked ? { publish: true } : {}) };
    api<{ outcome: string; variant: Variant }>('PUT', `/kb/articles/${encodeURIComponent(articleId)}/${lang}`, content, language())
      .then((result) => onChanged(lang, result.outcome === 'unchanged' ? t('unchanged') : t('saved', { version: result.variant.version, status: t(`status_${result.variant.status}`) })),
        (error: unknown) => { status.textContent = error instanceof ApiError ? error.message : t('errorGeneric'); })
      .finally(() => { save.disabled = false; });
  });

  const workflow = h('div', { class: 'workflow', attrs: { role: 'group', 'aria-label': t('workflow') } },
    ...(variant?.nextStatuses ?? []).map((next) => h('button', { class: `secondary to-${next}`, text: t(`action_${next}`), attrs: { type: 'button' }, on: { click: () => {
      api<{ variant: Variant }>('POST', `/kb/articles/${encodeURIComponent(articleId)}/${lang}/status`, { status: next }, language())
        .then((result) => onChanged(lang, t('statusChanged', { status: t(`status_${result.variant.status}`) })), (error: unknown) => {
          status.textContent = error instanceof ApiError ? error.message : t('errorGeneric');
        });
    } } })));

  const badge = variant
    ? h('span', { class: `badge status-${variant.status}`, text: `${t(`status_${variant.status}`)} · v${variant.version}` })
    : h('span', { class: 'badge missing', text: t('notWritten') });
  return h('section', { class: 'variant', attrs: { 'data-lang': lang, 'aria-labelledby': headingId, lang: language() } },
    h('header', {}, h('h2', { text: t(`lang_${lang}`), attrs: { id: headingId } }), badge),
    form, workflow, status, preview, variant ? historyPanel(articleId, lang) : null);
}

function historyPanel(articleId: string, lang: Lang): HTMLElement {
  const body = h('tbody');
  const panel = h('details', { class: 'history' }, h('summary', { text: t('history') }),
    h('table', {}, h('thead', {}, h('tr', {}, ...['historyVersion', 'historyStatus', 'historyAuthor', 'historyTime'].map((key) => h('th', { text: t(key), attrs: { scope: 'col' } })))), body));
  const when = new Intl.DateTimeFormat(language(), { dateStyle: 'short', timeStyle: 'short' });
  api<{ versions: Version[] }>('GET', `/kb/articles/${encodeURIComponent(articleId)}/${lang}/history`).then((data) => {
    replaceChildren(body, ...data.versions.map((version) => h('tr', { attrs: { 'data-version': String(version.version) } },
      h('td', { text: `v${version.version}` }), h('td', { text: t(`status_${version.status}`) }), h('td', { text: version.author }), h('td', { text: when.format(new Date(version.createdAt)) }))));
  }, () => replaceChildren(body, h('tr', {}, h('td', { text: t('errorGeneric'), attrs: { colspan: '4' } }))));
  return panel;
}
