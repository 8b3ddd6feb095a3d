import { pino } from 'pino';
import { ensureAdmin } from '../../../bot/staff/ensure-admin.js';
import { StaffAuth } from '../../../bot/staff/staff-auth.js';
import { SqliteStaffRepository } from '../../../bot/staff/storage/sqlite-staff-repository.js';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

describe('the admin account from MESA_ADMIN_EMAIL', () => {
  it('is found again on the next start when the variable has capitals (the second start used to fail with email_taken)', async () => {
    const dataDir = freshDataDir('mesa-admin-');
    const admin = { email: 'Boss@Example.com', password: 'correct horse battery' };
    for (const start of [1, 2]) {
      const db = openDatabase(dataDir);
      try {
        const repository = new SqliteStaffRepository(db);
        await ensureAdmin({ admin, auth: new StaffAuth(repository), repository, logger: pino({ level: 'silent' }) });
        expect([start, await repository.countWithRole('admin')]).toEqual([start, 1]);
        expect(await repository.findByEmail('boss@example.com')).toMatchObject({ email: 'boss@example.com', roles: ['admin'] });
      } finally {
        db.close();
      }
    }
  });
});
