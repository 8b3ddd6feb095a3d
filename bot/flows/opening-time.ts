import type { Language } from '../core/language.js';

const LOCALES: Record<Language, string> = { en: 'en-GB', es: 'es-ES', pt: 'pt-BR', it: 'it-IT' };
const WEEK_MS = 6 * 24 * 60 * 60 * 1000;

/** "Mon 08:00" in the user's language and the queue's time zone; a date is added when it is over six days away. */
export function formatOpening(opensAt: Date, timeZone: string, language: Language, now: Date): string {
  const far = opensAt.getTime() - now.getTime() > WEEK_MS;
  return new Intl.DateTimeFormat(LOCALES[language], {
    weekday: 'short',
    ...(far ? { day: 'numeric', month: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(opensAt);
}
