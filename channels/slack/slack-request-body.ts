import { z } from 'zod';

/** What a verified request body asks for. */
export type SlackBody =
  | { kind: 'app'; body: Record<string, unknown> }
  /** Slack's handshakes, answered without the app. */
  | { kind: 'reply'; reply: Record<string, unknown> }
  /** Well formed, but nothing Mesa handles (a view submission, a rate-limit notice). */
  | { kind: 'ignore' }
  | { kind: 'invalid'; message: string };

const envelope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('url_verification'), challenge: z.string() }),
  z.object({ type: z.literal('event_callback'), event_id: z.string().min(1), team_id: z.string().optional(), event: z.looseObject({ type: z.string() }) }).loose(),
  z.object({ type: z.literal('block_actions'), actions: z.array(z.looseObject({ action_id: z.string() })) }).loose(),
]);

const typedBody = z.looseObject({ type: z.string() });

function decode(raw: string, contentType: string | undefined): unknown {
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(raw);
    // Interactivity posts its JSON in a `payload` field; the SSL check is a plain form.
    if (form.has('ssl_check')) return { type: 'ssl_check' };
    const payload = form.get('payload');
    return payload === null ? null : JSON.parse(payload);
  }
  return JSON.parse(raw);
}

/** Parses and checks the body of a verified Slack request: an Events API envelope or an interactivity payload. */
export function parseSlackBody(raw: string, contentType: string | undefined): SlackBody {
  let decoded: unknown;
  try {
    decoded = decode(raw, contentType);
  } catch {
    return { kind: 'invalid', message: 'The body is not valid JSON.' };
  }
  const typed = typedBody.safeParse(decoded);
  if (!typed.success) return { kind: 'invalid', message: 'The body is not a Slack event or interaction.' };
  if (typed.data.type === 'ssl_check') return { kind: 'reply', reply: {} };
  if (!['url_verification', 'event_callback', 'block_actions'].includes(typed.data.type)) return { kind: 'ignore' };
  const checked = envelope.safeParse(decoded);
  if (!checked.success) return { kind: 'invalid', message: `The ${typed.data.type} payload is missing fields Slack always sends.` };
  if (checked.data.type === 'url_verification') return { kind: 'reply', reply: { challenge: checked.data.challenge } };
  return { kind: 'app', body: decoded as Record<string, unknown> };
}
