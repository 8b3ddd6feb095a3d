import type { Request } from 'express';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../bot/core/language.js';

/** The first of our languages the client accepts (Accept-Language), for messages not tied to a conversation. */
export function requestLanguage(request: Request): Language {
  const header = request.get('accept-language') ?? '';
  for (const part of header.split(',')) {
    const primary = part.trim().split(';')[0]?.split('-')[0]?.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}
