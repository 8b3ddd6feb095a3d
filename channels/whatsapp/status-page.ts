import type { Translate } from '../../bot/i18n/translator.js';
import type { ConnectionState } from './connection-status.js';
import { escapeHtml } from '../http/escape-html.js';
import { htmlPage } from '../http/html-page.js';


/** Nothing inline may run or style, so even an escaped value gone wrong could not act; the QR is a data: image. */
export const STATUS_PAGE_CSP = "default-src 'none'; img-src data:; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface StatusPageInput {
  language: string;
  state: ConnectionState;
  /** The pairing code as an image data URL, while one is waiting to be scanned. */
  qrImage: string | null;
  t: Translate;
}

/** The admin's WhatsApp page: the connection state and, while unpaired, the code to scan; it reloads itself. */
export function renderStatusPage({ language, state, qrImage, t }: StatusPageInput): string {
  const qr = qrImage
    ? `<p>${escapeHtml(t('whatsapp:admin.scan'))}</p>\n<p><img src="${escapeHtml(qrImage)}" alt="${escapeHtml(t('whatsapp:admin.qrAlt'))}" width="264" height="264"></p>`
    : `<p>${escapeHtml(t('whatsapp:admin.noQr'))}</p>`;
  return htmlPage({
    language,
    title: t('whatsapp:admin.title'),
    stylesheet: '/console/console.css',
    head: '<meta http-equiv="refresh" content="5">\n',
    body: `<p>${escapeHtml(t('whatsapp:admin.state'))}: <strong data-state="${escapeHtml(state)}">${escapeHtml(t(`whatsapp:admin.states.${state}`))}</strong></p>
${qr}
<p><small>${escapeHtml(t('whatsapp:admin.refreshing'))}</small></p>`,
  });
}
