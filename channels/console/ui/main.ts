import { api, ApiError } from './api.js';
import { articleListView } from './article-list-view.js';
import { complaintsView } from './complaints-view.js';
import { DeskAlerts } from './desk-alerts.js';
import { openDeskFeed } from './desk-feed.js';
import { DESK_ROLES, deskApi, hasRole, loadQueues, type DeskSession } from './desk-session.js';
import type { Analyst } from '../desk-wire.js';
import { field, h, replaceChildren } from './dom.js';
import { editorView } from './editor-view.js';
import { gapsView } from './gaps-view.js';
import { kpiView } from './kpi-view.js';
import { initialLanguage, LANGS, language, loadStrings, t, type Lang } from './i18n.js';
import { loginView } from './login-view.js';
import { mineView } from './mine-view.js';
import { queueView } from './queue-view.js';
import { ticketView } from './ticket-view.js';
import type { Me } from '../kb-wire.js';

/*
 * The Mesa console: sign-in, then pages by role, routed by the URL hash so Back and bookmarks work
 * without server routes. Analysts: #/queues, #/mine, #/tickets/<number>; coordinators also #/complaints;
 * knowledge managers: #/articles, #/articles/<id>, #/gaps. Admins see everything.
 */
const shell = document.getElementById('app') as HTMLElement;
const alerts = new DeskAlerts();
let me: Me | null = null;
let desk: DeskSession | null = null;
let disposeView: (() => void) | null = null;

const isDesk = (account: Me): boolean => hasRole(account.roles, DESK_ROLES);
const isKnowledge = (account: Me): boolean => hasRole(account.roles, ['knowledge_manager']);
const isCoordinator = (account: Me): boolean => hasRole(account.roles, ['coordinator']);

function home(account: Me): string {
  return isKnowledge(account) ? '#/articles' : '#/queues';
}

function languagePicker(): HTMLElement {
  const picker = h('select', {}, ...LANGS.map((l) => h('option', { text: t(`lang_${l}`), attrs: { value: l, lang: l } })));
  picker.value = language();
  picker.addEventListener('change', () => {
    void loadStrings(picker.value as Lang).then(render);
  });
  return field(t('language'), picker);
}

function signedOut(): void {
  desk?.feed.close();
  desk = null;
  alerts.clear();
  me = null;
  render();
}

function showError(main: HTMLElement, error: unknown): void {
  if (error instanceof ApiError && error.status === 401) return signedOut();
  replaceChildren(main, h('p', { class: 'error', text: error instanceof ApiError ? error.message : t('errorGeneric'), attrs: { role: 'alert' } }));
}

function navigation(account: Me): HTMLElement {
  const links: Array<[string, string]> = [
    ...(isDesk(account) ? [['#/queues', t('navQueues')], ['#/mine', t('navMine')]] as Array<[string, string]> : []),
    ...(isDesk(account) && isCoordinator(account) ? [['#/complaints', t('navComplaints')], ['#/kpis', t('navKpis')]] as Array<[string, string]> : []),
    ...(isKnowledge(account) ? [['#/articles', t('navArticles')], ['#/gaps', t('navGaps')]] as Array<[string, string]> : []),
  ];
  const current = location.hash.split('?')[0] ?? '';
  return h('nav', { attrs: { 'aria-label': t('navLabel') } }, ...links.map(([href, label]) =>
    h('a', { text: label, attrs: { href, ...(current === href ? { 'aria-current': 'page' } : {}) } })));
}

function header(): HTMLElement {
  const user = me
    ? h('div', { class: 'user' }, h('span', { text: t('signedInAs', { name: me.name }) }), h('button', { class: 'link', text: t('signOut'), attrs: { type: 'button' }, on: { click: () => {
      void api('POST', '/logout').finally(signedOut);
    } } }))
    : null;
  return h('header', { class: 'top' }, h('a', { class: 'brand', text: t('appTitle'), attrs: { href: me ? home(me) : '#/' } }), me ? navigation(me) : null, h('div', { class: 'spacer' }), languagePicker(), user);
}

/** The live desk (feed and alerts) for analysts; knowledge managers never open it. */
async function openDesk(account: Me): Promise<void> {
  if (desk || !isDesk(account)) return;
  // Without the desk (not running, or refused) the rest of the console still works.
  const analyst = await deskApi<Analyst>('GET', '/me').catch(() => null);
  if (!analyst) return;
  const feed = openDeskFeed();
  const queueNames = new Map<string, string>();
  const refreshNames = (): void => {
    loadQueues().then((queues) => queues.forEach((queue) => queueNames.set(queue.id, queue.name)), () => undefined);
  };
  refreshNames();
  feed.subscribe((event) => {
    if (event.type === 'resync') refreshNames();
    if (event.type === 'queue_alert' && event.analystIds.includes(analyst.id)) alerts.alert(event.number, queueNames.get(event.queueId) ?? event.queueId);
  });
  desk = { me: analyst, feed, alerts, reportError: () => undefined };
}

function route(main: HTMLElement, account: Me): (() => void) | null {
  const [path = '', query = ''] = location.hash.replace(/^#/, '').split('?');
  const onError = (error: unknown): void => showError(main, error);
  if (desk) {
    const session: DeskSession = { ...desk, reportError: onError };
    const ticketMatch = /^\/tickets\/([^/]+)$/.exec(path);
    if (ticketMatch) return ticketView(main, session, decodeURIComponent(ticketMatch[1]!));
    if (path === '/queues') return queueView(main, session, new URLSearchParams(query));
    if (path === '/mine') return mineView(main, session);
    if (path === '/complaints' && isCoordinator(account)) return complaintsView(main, session);
    if (path === '/kpis' && isCoordinator(account)) return kpiView(main, onError);
  }
  if (isKnowledge(account)) {
    const articleMatch = /^\/articles\/([^/]+)$/.exec(path);
    if (articleMatch) editorView(main, decodeURIComponent(articleMatch[1]!), account, onError);
    else if (path === '/gaps') gapsView(main, onError);
    else if (path === '/articles' || !desk) articleListView(main, new URLSearchParams(query), onError);
    else return queueView(main, { ...desk, reportError: onError }, new URLSearchParams(query));
    return null;
  }
  if (desk) return queueView(main, { ...desk, reportError: onError }, new URLSearchParams());
  replaceChildren(main, h('p', { class: 'notice', text: t('forbidden') }));
  return null;
}

function render(): void {
  disposeView?.();
  disposeView = null;
  alerts.setTitle(t('appTitle'));
  const main = h('main', { attrs: { id: 'main', tabindex: '-1' } });
  replaceChildren(shell, h('a', { class: 'skip', text: t('skipLink'), attrs: { href: '#main' } }), header(), alerts.region, main);
  if (!me) {
    loginView(main, (signedIn) => {
      void openDesk(signedIn).then(() => {
        me = signedIn;
        if (!location.hash.startsWith('#/') || location.hash === '#/') location.hash = home(signedIn);
        render();
      });
    });
    return;
  }
  disposeView = route(main, me);
  main.querySelector<HTMLElement>('h1')?.focus();
}

window.addEventListener('hashchange', () => {
  // The article list rewrites its own query into the hash; only a different page needs a new render.
  if (me) render();
});

async function start(): Promise<void> {
  await loadStrings(initialLanguage());
  try {
    me = await api<Me>('GET', '/me');
  } catch {
    me = null;
  }
  if (me) await openDesk(me);
  render();
}

void start();
