import type { Language } from '../../bot/core/language.js';
import type { Translate } from '../../bot/i18n/translator.js';
import type { KpiFigures, KpiRow } from '../../ticketing/reports/kpi-figures.js';
import { escapeHtml } from '../http/escape-html.js';
import { cellText, KPI_COLUMNS, labelOf } from './kpi-columns.js';

// Everything that reaches the page is text: queue ids and channel names included.
const escape = escapeHtml;

export interface MonthlyReport {
  month: string;
  language: Language;
  t: Translate;
  totals: KpiFigures;
  breakdowns: Record<'channel' | 'queue' | 'language', KpiRow[]>;
  generatedAt: Date;
}

function table(t: Translate, caption: string, first: string, rows: Array<{ key: string; figures: KpiFigures }>): string {
  const head = [first, ...KPI_COLUMNS.map((column) => labelOf(t, column.key))].map((label) => `<th scope="col">${escape(label)}</th>`).join('');
  const body = rows
    .map((row) => `<tr><th scope="row">${escape(row.key)}</th>${KPI_COLUMNS.map((column) => `<td>${escape(cellText(column, column.value(row.figures)))}</td>`).join('')}</tr>`)
    .join('');
  return `<table><caption>${escape(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The client review meeting's monthly report: the month's figures and their breakdowns, printable. */
export function monthlyReportPage({ month, language, t, totals, breakdowns, generatedAt }: MonthlyReport): string {
  const title = labelOf(t, 'kpi_reportTitle').replace('{{month}}', month);
  const none = labelOf(t, 'kpi_none');
  const sections = (['channel', 'queue', 'language'] as const)
    .map((by) => table(t, labelOf(t, `kpi_by_${by}`), labelOf(t, `kpi_by_${by}`), breakdowns[by].map((row) => ({ key: row.key ?? none, figures: row.figures }))))
    .join('');
  const csat = (['1', '2', '3', '4', '5'] as const).map((score) => `<li>${escape(score)}: ${totals.csat.distribution[score]}</li>`).join('');
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escape(title)}</title><style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1d2433}table{border-collapse:collapse;margin:1.5rem 0;font-size:12px}
caption{text-align:left;font-weight:600;font-size:14px;margin-bottom:.4rem}th,td{border:1px solid #c9d1dd;padding:.25rem .45rem;text-align:right}
th[scope=row],thead th:first-child{text-align:left}@media print{body{margin:0}}</style></head><body>
<h1>${escape(title)}</h1><p>${escape(labelOf(t, 'kpi_reportGenerated').replace('{{at}}', generatedAt.toISOString().slice(0, 16).replace('T', ' ')))}</p>
${table(t, labelOf(t, 'kpi_totals'), labelOf(t, 'kpi_period'), [{ key: month, figures: totals }])}
<h2>${escape(labelOf(t, 'kpi_csatDistribution'))}</h2><ul>${csat}</ul>${sections}</body></html>`;
}
