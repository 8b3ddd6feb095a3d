import { api, ApiError } from './api.js';
import { articleListView } from './article-list-view.js';
import { field, h, replaceChildren } from './dom.js';
import { editorView } from './editor-view.js';
import { gapsView } from './gaps-view.js';
import { initialLanguage, LANGS, language, loadStrings, t, type Lang } from './i18n.js';
import { loginView } from './login-view.js';
import type { Me } from './types.js';

/*
 * The Mesa console: sign-in, then the knowledge managers' pages, routed by the URL hash
 * (#/articles, #/articles/<id>, #/gaps) so Back and bookmarks work without server routes.
 */
const shell = document.getElementById('app') as HTMLElement;
let me: Me | null = null;

function languagePicker(): HTMLElement {
  const picker = h('select', {}, ...LANGS.map((l) => h('option', { text: t(`lang_${l}`), attrs: { value: l, lang: l } })));
  picker.value = language();
  picker.addEventListener('change', () => {
    void loadStrings(picker.value as Lang).then(render);
  });
  return field(t('language'), picker);
}

function showError(main: HTMLElement, error: unknown): void {
  if (error instanceof ApiError && error.status === 401) {
    me = null;
    render();
    return;
  }
  replaceChildren(main, h('p', { class: 'error', text: error instanceof ApiError ? error.message : t('errorGeneric'), attrs: { role: 'alert' } }));
}

function header(): HTMLElement {
  const nav = me
    ? h('nav', { attrs: { 'aria-label': t('navLabel') } }, h('a', { text: t('navArticles'), attrs: { href: '#/articles' } }), h('a', { text: t('navGaps'), attrs: { href: '#/gaps' } }))
    : null;
  const user = me
    ? h('div', { class: 'user' }, h('span', { text: t('signedInAs', { name: me.name }) }), h('button', { class: 'link', text: t('signOut'), attrs: { type: 'button' }, on: { click: () => {
      void api('POST', '/logout').finally(() => { me = null; render(); });
    } } }))
    : null;
  return h('header', { class: 'top' }, h('a', { class: 'brand', text: t('appTitle'), attrs: { href: '#/articles' } }), nav, h('div', { class: 'spacer' }), languagePicker(), user);
}

function render(): void {
  document.title = t('appTitle');
  const main = h('main', { attrs: { id: 'main', tabindex: '-1' } });
  replaceChildren(shell, h('a', { class: 'skip', text: t('skipLink'), attrs: { href: '#main' } }), header(), main);
  if (!me) {
    loginView(main, (signedIn) => {
      me = signedIn;
      if (!location.hash.startsWith('#/')) location.hash = '#/articles';
      render();
    });
    return;
  }
  if (!me.roles.some((role) => role === 'admin' || role === 'knowledge_manager')) {
    replaceChildren(main, h('p', { class: 'notice', text: t('forbidden') }));
    return;
  }
  const [path = '', query = ''] = location.hash.replace(/^#/, '').split('?');
  const onError = (error: unknown): void => showError(main, error);
  const articleMatch = /^\/articles\/([^/]+)$/.exec(path);
  if (articleMatch) editorView(main, decodeURIComponent(articleMatch[1]!), me, onError);
  else if (path === '/gaps') gapsView(main, onError);
  else articleListView(main, new URLSearchParams(query), onError);
  main.querySelector<HTMLElement>('h1')?.focus();
}

window.addEventListener('hashchange', () => {
  // The list rewrites its own query into the hash; only a different page needs a new render.
  if (me) render();
});

async function start(): Promise<void> {
  await loadStrings(initialLanguage());
  try {
    me = await api<Me>('GET', '/me');
  } catch {
    me = null;
  }
  render();
}

void start();
