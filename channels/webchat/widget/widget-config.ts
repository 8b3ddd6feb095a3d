/** The languages the widget speaks; anything else falls back to English. */
export type Lang = 'en' | 'es' | 'pt' | 'it';

/** Every Lang, in the order the widget tries them. */
export const LANGS: readonly Lang[] = ['en', 'es', 'pt', 'it'];

/** The signed-in intranet user, as the page's script tag names them. */
export interface PageUser {
  id?: string;
  name?: string;
  email?: string;
  /** HMAC of the id from the intranet's server (MESA_WEBCHAT_IDENTITY_SECRET). */
  signature?: string;
}

/** What the integrator configured on the script tag. */
export interface Config {
  base: string;
  forcedLocale: Lang | null;
  user: PageUser;
}

/** The supported language a tag like 'pt-BR' names, if any. */
export function toLang(tag: string | undefined): Lang | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return LANGS.find((lang) => lang === primary) ?? null;
}

/** The first of the browser's preferred languages that the widget speaks. */
export function browserLang(): Lang {
  const tags = navigator.languages && navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  for (const tag of tags) {
    const lang = toLang(tag);
    if (lang) return lang;
  }
  return 'en';
}

/** Reads the data-* attributes of the widget's own script tag; the API defaults to the script's origin. */
export function readConfig(script: HTMLScriptElement | null): Config {
  const configured = script?.dataset.mesaUrl?.trim();
  const scriptOrigin = script?.src ? new URL(script.src, location.href).origin : location.origin;
  return {
    base: configured ? configured.replace(/\/+$/, '') : scriptOrigin,
    forcedLocale: toLang(script?.dataset.locale),
    user: {
      ...(script?.dataset.userId ? { id: script.dataset.userId } : {}),
      ...(script?.dataset.userName ? { name: script.dataset.userName } : {}),
      ...(script?.dataset.userEmail ? { email: script.dataset.userEmail } : {}),
      ...(script?.dataset.userSignature ? { signature: script.dataset.userSignature } : {}),
    },
  };
}
