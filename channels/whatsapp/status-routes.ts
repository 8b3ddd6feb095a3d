import { Router, type ErrorRequestHandler } from 'express';
import QRCode from 'qrcode';
import { MesaError } from '../../bot/core/errors.js';
import type { Translator } from '../../bot/i18n/translator.js';
import type { StaffAuth } from '../../bot/staff/staff-auth.js';
import { requireRole, requireSignedIn } from '../console/require-staff.js';
import { requestLanguage } from '../http/request-language.js';
import type { ConnectionStatus } from './connection-status.js';
import { renderStatusPage, STATUS_PAGE_CSP } from './status-page.js';

export interface StatusRoutesOptions {
  status: ConnectionStatus;
  staff: StaffAuth;
  translator: Translator;
}

async function qrImage(qr: string | null): Promise<string | null> {
  if (!qr) return null;
  const svg = await QRCode.toString(qr, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** `GET /api/console/whatsapp/status`, admins only: `{ state, since, qr? }` (qr as an SVG data URL). */
export function statusApiRouter({ status, staff }: StatusRoutesOptions): Router {
  const router = Router();
  router.get('/status', requireSignedIn(staff), requireRole('admin'), async (_request, response) => {
    const { state, since, qr } = status.current;
    const image = await qrImage(qr);
    response.set('Cache-Control', 'no-store');
    response.json({ state, since: since.toISOString(), ...(image ? { qr: image } : {}) });
  });
  return router;
}

/** `GET /console/whatsapp`, admins only: the state and pairing code page; a visitor who is not signed in goes to the console's sign-in. */
export function statusPageRouter({ status, staff, translator }: StatusRoutesOptions): Router {
  const router = Router();
  router.get('/', requireSignedIn(staff), requireRole('admin'), async (request, response) => {
    const language = requestLanguage(request);
    const { state, qr } = status.current;
    const html = renderStatusPage({ language, state, qrImage: await qrImage(qr), t: translator.forLanguage(language) });
    response.set({ 'Content-Security-Policy': STATUS_PAGE_CSP, 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store' });
    response.type('html').send(html);
  });
  const toSignIn: ErrorRequestHandler = (error, _request, response, next) => {
    if (error instanceof MesaError && error.code === 'not_signed_in') response.redirect(303, '/console');
    else next(error);
  };
  router.use(toSignIn);
  return router;
}
