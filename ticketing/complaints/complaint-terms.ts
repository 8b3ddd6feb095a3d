import type { Language } from '../../bot/core/language.js';

/**
 * Words that mark a survey comment as a complaint, as people write them (accents are ignored when matching).
 * Every language's list is checked, since users mix languages; keep them short and unambiguous.
 */
export const COMPLAINT_TERMS: Record<Language, readonly string[]> = {
  en: ['complaint', 'complain', 'unacceptable', 'outrageous', 'disgraceful', 'terrible service', 'awful service', 'worst service'],
  es: ['queja', 'quejarme', 'reclamacion', 'reclamo', 'inaceptable', 'vergonzoso', 'pesimo servicio', 'servicio pesimo', 'hoja de reclamaciones'],
  pt: ['reclamacao', 'reclamar', 'queixa', 'inaceitavel', 'vergonhoso', 'pessimo atendimento', 'atendimento pessimo', 'pessimo servico'],
  it: ['reclamo', 'lamentela', 'inaccettabile', 'vergognoso', 'pessimo servizio', 'servizio pessimo', 'sporgere reclamo'],
};
