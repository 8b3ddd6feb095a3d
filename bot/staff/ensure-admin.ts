import { randomBytes } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { StaffAuth } from './staff-auth.js';
import type { StaffRepository } from './staff-repository.js';

export const DEFAULT_ADMIN_EMAIL = 'admin@mesa.local';

/**
 * First start: makes sure someone can sign into the consoles. With MESA_ADMIN_EMAIL/MESA_ADMIN_PASSWORD that
 * account is created if missing; without them, and with no admin yet, one is created with a generated password.
 */
export async function ensureAdmin(options: {
  admin: { email: string; password: string } | null;
  auth: StaffAuth;
  repository: StaffRepository;
  logger: Logger;
}): Promise<void> {
  const { admin, auth, repository, logger } = options;
  if (admin) {
    if (await repository.findByEmail(admin.email)) return;
    await auth.createStaff({ email: admin.email, name: 'Administrator', roles: ['admin'], password: admin.password });
    logger.info({ event: 'admin_created', email: admin.email.toLowerCase() }, 'created the admin account from MESA_ADMIN_EMAIL');
    return;
  }
  if ((await repository.countWithRole('admin')) > 0) return;
  const password = randomBytes(18).toString('base64url');
  await auth.createStaff({ email: DEFAULT_ADMIN_EMAIL, name: 'Administrator', roles: ['admin'], password });
  // The one documented exception to "never log a password": a newcomer must be able to sign in, and this line is
  // printed once, on the start that creates the account. The key is not `password` because the logger redacts that.
  logger.warn(
    { event: 'admin_created', email: DEFAULT_ADMIN_EMAIL, initialPassword: password },
    `created the console admin ${DEFAULT_ADMIN_EMAIL} with a generated password (shown only this once); set MESA_ADMIN_EMAIL/MESA_ADMIN_PASSWORD to choose your own`,
  );
}
