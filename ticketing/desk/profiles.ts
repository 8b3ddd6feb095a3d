import { MesaError } from '../../bot/core/errors.js';
import { isLanguage, LANGUAGES } from '../../bot/core/language.js';
import { hasAnyRole } from '../../bot/staff/roles.js';
import type { Analyst, AnalystProfile } from './analyst-desk.js';
import type { DeskDeps } from './desk-deps.js';
import { forbidden } from './ticket-access.js';

/** Most conversations anyone may be given at once: beyond this nobody answers well. */
const MAX_CAPACITY = 50;

/** The analyst's saved profile, or the defaults: every language, every category, the configured capacity. */
export async function profileOf(deps: DeskDeps, analystId: string): Promise<AnalystProfile> {
  return (await deps.repository.profile(analystId)) ?? { analystId, languages: [...LANGUAGES], categories: ['*'], capacity: deps.config.defaultCapacity };
}

function invalid(details: string): MesaError {
  return new MesaError('invalid_request', `Invalid analyst profile: ${details}`, { params: { details } });
}

function checked(profile: AnalystProfile): AnalystProfile {
  if (profile.languages.length === 0 || !profile.languages.every(isLanguage)) throw invalid(`languages must be some of ${LANGUAGES.join(', ')}`);
  const categories = [...new Set(profile.categories.map((category) => category.trim()).filter((category) => category.length > 0))];
  if (categories.length === 0) throw invalid('categories must not be empty (use * for any)');
  if (!Number.isInteger(profile.capacity) || profile.capacity < 1 || profile.capacity > MAX_CAPACITY) throw invalid(`capacity must be a whole number from 1 to ${MAX_CAPACITY}`);
  return { analystId: profile.analystId, languages: [...new Set(profile.languages)], categories, capacity: profile.capacity };
}

/** Admins and coordinators set who handles what and how much. */
export async function saveProfile(deps: DeskDeps, actor: Analyst, profile: AnalystProfile): Promise<AnalystProfile> {
  if (!hasAnyRole(actor.roles, ['coordinator'])) throw forbidden();
  const saved = checked(profile);
  await deps.repository.saveProfile(saved);
  return saved;
}
