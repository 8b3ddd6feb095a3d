import { z } from 'zod';
import { LANGUAGES } from '../../bot/core/language.js';
import { STAFF_ROLES } from '../../bot/staff/roles.js';
import { ARTICLE_STATUSES } from '../../kb/articles/article.js';

const language = z.enum(LANGUAGES);
const status = z.enum(ARTICLE_STATUSES);
/** Same shape as the ids in article files (kebab-case). */
export const articleId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'must be lowercase letters, digits and dashes');

export const loginBody = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

export const newStaffBody = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  roles: z.array(z.enum(STAFF_ROLES)).min(1),
  password: z.string().min(12, 'must be at least 12 characters').max(1024),
});

export const articleListQuery = z.object({
  q: z.string().max(200).optional(),
  status: status.optional(),
  language: language.optional(),
});

export const variantParams = z.object({ id: articleId, lang: language });

export const articleBody = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().min(1).max(50_000),
  category: z.string().trim().min(1).max(80),
  tags: z.array(z.string().trim().min(1).max(60)).max(30),
  /** Admins only: publish the edit without review. */
  publish: z.boolean().optional(),
});

export const statusBody = z.object({ status });

/** What the editor previews: the body as typed so far (possibly empty). */
export const previewBody = z.object({ body: z.string().max(50_000) });

export const gapsQuery = z.object({
  language: language.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
