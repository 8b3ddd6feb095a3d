import { api } from './api.js';
import { field, h, replaceChildren } from './dom.js';
import { language, t } from './i18n.js';
import { barChart } from './kpi-chart.js';
import type { KpiAnswerJson as KpiAnswer, KpiFiguresJson as KpiFigures, KpiTicketJson as KpiTicket, RatioJson as Ratio } from '../kpi-wire.js';
import { KPI_CARDS } from './kpi-cards.js';

const DIMENSIONS = ['channel', 'language', 'queue', 'analyst', 'category'] as const;
const BREAKDOWN_COLUMNS: Array<[string, (figures: KpiFigures) => number | Ratio | null]> = [
  ['kpi_ticketsOpened', (f) => f.ticketsOpened],
  ['kpi_solvedWithArticle', (f) => f.solvedWithArticle],
  ['kpi_firstContactResolution', (f) => f.firstContactResolution],
  ['kpi_csatAverage', (f) => f.csat.average],
  ['kpi_abandonment', (f) => f.abandonment],
  ['kpi_responseSla', (f) => f.responseSla],
];

const day = (date: Date): string => date.toISOString().slice(0, 10);
const isRatio = (value: unknown): value is Ratio => typeof value === 'object' && value !== null && 'rate' in value;

function reading(value: number | Ratio | null): string {
  if (value === null) return '—';
  if (!isRatio(value)) return new Intl.NumberFormat(language()).format(value);
  if (value.rate === null) return '—';
  return `${new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 1 }).format(value.rate)} (${value.count}/${value.of})`;
}

/** Coordinators' dashboard: the period's figures, a breakdown, charts, the tickets behind a figure, CSV and the monthly report. */
export function kpiView(root: HTMLElement, onError: (error: unknown) => void): () => void {
  const now = new Date();
  const from = h('input', { attrs: { type: 'date', value: day(new Date(now.getTime() - 29 * 86_400_000)), required: '' } });
  const to = h('input', { attrs: { type: 'date', value: day(now), required: '' } });
  const by = h('select', {}, h('option', { text: t('kpi_noBreakdown'), attrs: { value: '' } }), ...DIMENSIONS.map((dimension) => h('option', { text: t(`kpi_by_${dimension}`), attrs: { value: dimension } })));
  const month = h('input', { attrs: { type: 'month', value: day(now).slice(0, 7) } });
  const csv = h('a', { text: t('kpi_exportCsv'), attrs: { download: '' } });
  const report = h('a', { text: t('kpi_openReport'), attrs: { target: '_blank', rel: 'noopener' } });
  const cards = h('div', { class: 'kpi-cards', attrs: { 'aria-live': 'polite' } });
  const charts = h('div', { class: 'kpi-charts' });
  const breakdown = h('div', {});
  const drilldown = h('section', { attrs: { 'aria-live': 'polite' } });
  const disposers: Array<() => void> = [];
  const query = (extra: Record<string, string> = {}): string => new URLSearchParams({ from: from.value, to: to.value, ...(by.value ? { by: by.value } : {}), ...extra }).toString();
  const refreshLinks = (): void => {
    csv.setAttribute('href', `/api/console/kpis?${query({ format: 'csv', lang: language() })}`);
    report.setAttribute('href', `/api/console/kpis/report?${new URLSearchParams({ month: month.value, lang: language() })}`);
  };

  const showTickets = (figure: string): void => {
    const params = new URLSearchParams({ from: from.value, to: to.value, figure });
    api<{ tickets: KpiTicket[] }>('GET', `/kpis/tickets?${params}`).then(({ tickets }) => {
      const title = h('h2', { text: t('kpi_drilldown', { figure: t(`kpi_figure_${figure}`) }), attrs: { tabindex: '-1' } });
      const link = h('a', { text: t('kpi_exportCsv'), attrs: { download: '', href: `/api/console/kpis/tickets?${params}&format=csv&lang=${language()}` } });
      const list = tickets.length === 0 ? h('p', { class: 'empty', text: t('kpi_noTickets') }) : h('table', { class: 'list' },
        h('thead', {}, h('tr', {}, ...['colTicket', 'colStatus', 'colQueue', 'ctxChannel', 'colLanguage', 'colCreated'].map((key) => h('th', { text: t(key), attrs: { scope: 'col' } })))),
        h('tbody', {}, ...tickets.map((ticket) => h('tr', {},
          h('td', {}, h('a', { text: ticket.number, attrs: { href: `#/tickets/${encodeURIComponent(ticket.number)}` } })),
          h('td', { text: t(`ticket_${ticket.status}`) }), h('td', { text: ticket.queueId }), h('td', { text: ticket.channel }), h('td', { text: ticket.language }),
          h('td', { text: new Date(ticket.createdAt).toLocaleString(language()) })))));
      replaceChildren(drilldown, title, link, list);
      title.focus();
    }, onError);
  };

  const draw = (answer: KpiAnswer): void => {
    replaceChildren(cards, ...KPI_CARDS.map((card) => h('div', { class: 'kpi-card' },
      h('span', { class: 'kpi-label', text: t(card.key) }),
      h('strong', { class: 'kpi-value', text: reading(card.read(answer.totals)) }),
      card.figure ? h('button', { class: 'link', text: t('kpi_showTickets'), attrs: { type: 'button', 'aria-label': `${t('kpi_showTickets')}: ${t(card.key)}` }, on: { click: () => showTickets(card.figure!) } }) : null)));
    const rows = answer.rows ?? [];
    replaceChildren(breakdown, rows.length === 0 ? null : h('table', { class: 'list' },
      h('thead', {}, h('tr', {}, h('th', { text: t(`kpi_by_${answer.by ?? 'channel'}`), attrs: { scope: 'col' } }), ...BREAKDOWN_COLUMNS.map(([key]) => h('th', { text: t(key), attrs: { scope: 'col' } })))),
      h('tbody', {}, ...rows.map((row) => h('tr', {}, h('th', { text: row.key ?? t('kpi_none'), attrs: { scope: 'row' } }), ...BREAKDOWN_COLUMNS.map(([, read]) => h('td', { text: reading(read(row.figures)) })))))));
    for (const dispose of disposers.splice(0)) dispose();
    const csatCanvas = h('canvas', { attrs: { role: 'img', 'aria-label': t('kpi_chartCsat') } });
    const breakdownCanvas = h('canvas', { attrs: { role: 'img', 'aria-label': t('kpi_chartBreakdown') } });
    replaceChildren(charts, h('div', { class: 'kpi-chart' }, csatCanvas), rows.length > 0 ? h('div', { class: 'kpi-chart' }, breakdownCanvas) : null);
    const scores = ['1', '2', '3', '4', '5'] as const;
    void barChart(csatCanvas, t('kpi_chartCsat'), [...scores], [{ label: t('kpi_csatAnswered'), values: scores.map((score) => answer.totals.csat.distribution[score]), color: '#3b6fd4' }]).then((dispose) => disposers.push(dispose), () => undefined);
    if (rows.length > 0) {
      void barChart(breakdownCanvas, t('kpi_chartBreakdown'), rows.map((row) => row.key ?? t('kpi_none')), [
        { label: t('kpi_ticketsOpened'), values: rows.map((row) => row.figures.ticketsOpened), color: '#3b6fd4' },
        { label: t('kpi_solvedWithArticle'), values: rows.map((row) => row.figures.solvedWithArticle), color: '#2e9d6a' },
      ]).then((dispose) => disposers.push(dispose), () => undefined);
    }
  };

  const load = (): void => {
    refreshLinks();
    replaceChildren(drilldown);
    api<KpiAnswer>('GET', `/kpis?${query()}`).then(draw, onError);
  };
  const form = h('form', { class: 'kpi-filters', on: { submit: (event) => {
    event.preventDefault();
    load();
  } } }, field(t('kpi_from'), from), field(t('kpi_to'), to), field(t('kpi_breakdown'), by), h('button', { text: t('kpi_apply'), attrs: { type: 'submit' } }), csv);
  month.addEventListener('change', refreshLinks);
  const monthly = h('div', { class: 'kpi-filters' }, field(t('kpi_monthlyReport'), month), report);
  replaceChildren(root, h('h1', { text: t('kpi_title'), attrs: { tabindex: '-1' } }), h('p', { class: 'intro', text: t('kpi_intro') }), form, monthly, cards, charts, breakdown, drilldown);
  load();
  return () => {
    for (const dispose of disposers.splice(0)) dispose();
  };
}
