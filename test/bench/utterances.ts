import { settings } from './settings.js';

export const LOCALES = ['en', 'es', 'pt', 'it'] as const;
export type BenchLocale = (typeof LOCALES)[number];

/**
 * What users really type, per language: greetings, common incidents, requests, status questions, thanks.
 * Nothing here asks for a human, because a handoff makes the bot go silent and the turn would never end.
 */
const TEXTS: Record<BenchLocale, string[]> = {
  en: ['hello', "my VPN doesn't work", 'I forgot my password', 'I need a new mouse', "what's the status of my ticket?", 'thanks', 'help', 'my laptop is very slow'],
  es: ['hola', 'no puedo conectarme a la VPN', 'olvidé mi contraseña', 'necesito un teclado nuevo', '¿cómo va mi ticket?', 'gracias', 'ayuda', 'la impresora no imprime'],
  pt: ['olá', 'a VPN não funciona', 'esqueci minha senha', 'preciso de um monitor novo', 'qual é o status do meu chamado?', 'obrigado', 'ajuda', 'meu e-mail não abre'],
  it: ['ciao', 'la VPN non funziona', 'ho dimenticato la password', 'ho bisogno di un nuovo mouse', 'a che punto è il mio ticket?', 'grazie', 'aiuto', 'il computer non si accende'],
};

// Request bodies are serialised once up front so the load generator does no JSON work per send.
const BODIES: Record<BenchLocale, string[]> = Object.fromEntries(
  LOCALES.map((locale) => [locale, TEXTS[locale].map((text) => JSON.stringify({ text }))]),
) as Record<BenchLocale, string[]>;

/** Conversation i speaks LOCALES[i % 4]. */
export function localeFor(conversation: number): BenchLocale {
  return LOCALES[conversation % LOCALES.length] ?? 'en';
}

const PUNCTUATION = ['.', '!', '?', ' '];

// A tail no other (conversation, turn) gets: the pair's number written in four punctuation marks.
function uniqueTail(conversation: number, turn: number): string {
  let tail = '';
  for (let n = conversation * 1_000_000 + turn + 1; n > 0; n = Math.floor(n / 4)) tail += PUNCTUATION[n % 4];
  return tail;
}

/**
 * The JSON body of turn `turn` of conversation `conversation`. The offset per conversation spreads the
 * intents so that at any moment the server sees a mix, not every conversation saying "hello" at once.
 */
export function messageBody(conversation: number, turn: number): string {
  const index = (conversation * 3 + turn) % TEXTS.en.length;
  if (settings.uniqueTexts) return JSON.stringify({ text: `${TEXTS[localeFor(conversation)][index] ?? 'hello'}${uniqueTail(conversation, turn)}.` });
  return BODIES[localeFor(conversation)][index] ?? '{"text":"hello"}';
}
