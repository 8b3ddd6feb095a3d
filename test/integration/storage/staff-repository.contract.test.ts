import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import type { LoginAttemptPolicy, StaffRepository } from '../../../bot/staff/staff-repository.js';
import { SqliteStaffRepository } from '../../../bot/staff/storage/sqlite-staff-repository.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

interface Engine {
  name: string;
  open(dataDir: string): { repository: StaffRepository; close(): void };
}

/** Every storage engine must pass the same suite; MongoDB joins this list when it lands. */
const engines: Engine[] = [
  {
    name: 'sqlite',
    open(dataDir) {
      const db = openDatabase(dataDir);
      return { repository: new SqliteStaffRepository(db), close: () => db.close() };
    },
  },
];

const at = new Date('2026-05-04T08:00:00Z');
const later = (minutes: number): Date => new Date(at.getTime() + minutes * 60_000);

/** The lockout's shape with small numbers: three attempts in ten minutes lock for fifteen. */
function policy(minutes: number): LoginAttemptPolicy {
  return { at: later(minutes), windowStart: later(minutes - 10), maxAttempts: 3, lockUntil: later(minutes + 15) };
}

describe.each(engines)('StaffRepository on $name', (engine) => {
  let dataDir: string;
  let store: { repository: StaffRepository; close(): void };
  let staff: StaffRepository;

  beforeEach(() => {
    dataDir = freshDataDir('mesa-staff-');
    store = engine.open(dataDir);
    staff = store.repository;
  });

  afterEach(() => store.close());

  const ana = () => staff.create({ email: 'ana@example.com', name: 'Ana', roles: ['l1_analyst', 'knowledge_manager'], passwordHash: 'hash-1', at });

  it('finds an account by id without its secret, and by email with it, whatever the case of the email', async () => {
    const created = await ana();
    expect(created).toEqual({ id: expect.any(String), email: 'ana@example.com', name: 'Ana', roles: ['l1_analyst', 'knowledge_manager'], createdAt: at });
    expect(await staff.findById(created.id)).toEqual(created);
    expect(await staff.findByEmail('ana@example.com')).toEqual({ ...created, passwordHash: 'hash-1' });
    // MESA_ADMIN_EMAIL=Admin@Example.com on a second start must find the account the first start made.
    expect(await staff.findByEmail('Ana@Example.COM')).toEqual({ ...created, passwordHash: 'hash-1' });
    expect(await staff.findByEmail('bruno@example.com')).toBeNull();
    expect(await staff.findById('no-such-id')).toBeNull();
  });

  it('keeps one account per email, whatever its case, even when both are created at once', async () => {
    const both = await Promise.allSettled([ana(), ana()]);
    const created = both.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    expect(created).toHaveLength(1);
    expect(both.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []))).toEqual([expect.objectContaining({ code: 'email_taken' })]);
    await expect(staff.create({ email: 'ANA@example.com', name: 'Ana again', roles: ['admin'], passwordHash: 'hash-2', at })).rejects.toMatchObject({ code: 'email_taken' });
    expect(await staff.findByEmail('ana@example.com')).toMatchObject({ id: created[0]!.id, name: 'Ana', passwordHash: 'hash-1' });
    expect(await staff.countWithRole('admin')).toBe(0);
  });

  it('counts the accounts holding a role, and changes a password', async () => {
    const first = await ana();
    await staff.create({ email: 'bruno@example.com', name: 'Bruno', roles: ['admin'], passwordHash: 'hash-b', at });
    await staff.create({ email: 'carla@example.com', name: 'Carla', roles: ['l1_analyst'], passwordHash: 'hash-c', at });
    expect(await staff.countWithRole('l1_analyst')).toBe(2);
    expect(await staff.countWithRole('admin')).toBe(1);
    expect(await staff.countWithRole('coordinator')).toBe(0);

    await staff.setPassword(first.id, 'hash-new');
    expect((await staff.findByEmail('ana@example.com'))?.passwordHash).toBe('hash-new');
    expect((await staff.findByEmail('bruno@example.com'))?.passwordHash).toBe('hash-b');
  });

  it('creates, finds, extends and deletes sessions one at a time', async () => {
    const account = await ana();
    await staff.createSession({ tokenHash: 'laptop', staffId: account.id, expiresAt: later(60) });
    await staff.createSession({ tokenHash: 'phone', staffId: account.id, expiresAt: later(30) });
    expect(await staff.findSession('laptop')).toEqual({ tokenHash: 'laptop', staffId: account.id, expiresAt: later(60) });
    expect(await staff.findSession('unknown')).toBeNull();

    await staff.extendSession('laptop', later(120));
    expect(await staff.findSession('laptop')).toEqual({ tokenHash: 'laptop', staffId: account.id, expiresAt: later(120) });
    expect((await staff.findSession('phone'))?.expiresAt).toEqual(later(30));

    await staff.deleteSession('laptop');
    expect(await staff.findSession('laptop')).toBeNull();
    expect(await staff.findSession('phone')).not.toBeNull();
    await staff.deleteSession('laptop');
    await staff.extendSession('laptop', later(240));
    expect(await staff.findSession('laptop')).toBeNull();
  });

  it('counts sign-in attempts per email, locks at the limit, and starts over after the window, the lock or a success', async () => {
    expect(await staff.countLoginAttempt('ana@example.com', policy(0))).toEqual({ count: 1, firstAt: later(0), lockedUntil: null });
    expect(await staff.countLoginAttempt('ana@example.com', policy(1))).toEqual({ count: 2, firstAt: later(0), lockedUntil: null });
    expect(await staff.countLoginAttempt('bruno@example.com', policy(1))).toMatchObject({ count: 1 });
    // The third attempt locks (and is still checked); attempts during the lock count on without moving it.
    expect(await staff.countLoginAttempt('ana@example.com', policy(2))).toEqual({ count: 3, firstAt: later(0), lockedUntil: later(17) });
    expect(await staff.countLoginAttempt('ana@example.com', policy(5))).toEqual({ count: 4, firstAt: later(0), lockedUntil: later(17) });
    expect(await staff.countLoginAttempt('ana@example.com', policy(16))).toEqual({ count: 5, firstAt: later(0), lockedUntil: later(17) });
    // The lock ran out: a fresh count.
    expect(await staff.countLoginAttempt('ana@example.com', policy(18))).toEqual({ count: 1, firstAt: later(18), lockedUntil: null });
    expect(await staff.countLoginAttempt('ana@example.com', policy(20))).toMatchObject({ count: 2 });
    // The window is over before the limit: a fresh count.
    expect(await staff.countLoginAttempt('ana@example.com', policy(40))).toEqual({ count: 1, firstAt: later(40), lockedUntil: null });
    // A success clears the count.
    await staff.countLoginAttempt('ana@example.com', policy(41));
    await staff.clearLoginFailures('ana@example.com');
    expect(await staff.countLoginAttempt('ana@example.com', policy(42))).toEqual({ count: 1, firstAt: later(42), lockedUntil: null });
    expect(await staff.countLoginAttempt('bruno@example.com', policy(42))).toMatchObject({ count: 1 });
  });

  it('counts an email’s attempts together whatever the case, so changing case does not get round the lock', async () => {
    await staff.countLoginAttempt('ana@example.com', policy(0));
    await staff.countLoginAttempt('Ana@Example.com', policy(1));
    expect(await staff.countLoginAttempt('ANA@EXAMPLE.COM', policy(2))).toMatchObject({ count: 3, lockedUntil: later(17) });
    await staff.clearLoginFailures('ANA@example.com');
    expect(await staff.countLoginAttempt('ana@example.com', policy(3))).toMatchObject({ count: 1, lockedUntil: null });
  });

  it('counts every one of a burst of parallel attempts, on one instance and on two sharing the database', async () => {
    const burst = await Promise.all(Array.from({ length: 20 }, () => staff.countLoginAttempt('ana@example.com', policy(0))));
    expect(burst.map((attempt) => attempt.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(burst.filter((attempt) => attempt.lockedUntil === null).map((attempt) => attempt.count).sort()).toEqual([1, 2]);

    // A second Mesa instance on the same database: the two count into one total.
    const other = engine.open(dataDir);
    try {
      const both = await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 ? other.repository : staff).countLoginAttempt('bruno@example.com', policy(0))));
      expect(both.map((attempt) => attempt.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
      expect(await other.repository.countLoginAttempt('bruno@example.com', policy(1))).toMatchObject({ count: 21, lockedUntil: later(15) });
    } finally {
      other.close();
    }
  });

  it('keeps accounts, sessions and counts across a reopen of the database', async () => {
    const account = await ana();
    await staff.createSession({ tokenHash: 'laptop', staffId: account.id, expiresAt: later(60) });
    await staff.countLoginAttempt('bruno@example.com', policy(0));
    store.close();
    store = engine.open(dataDir);
    staff = store.repository;
    expect(await staff.findById(account.id)).toEqual(account);
    expect(await staff.findSession('laptop')).toMatchObject({ staffId: account.id });
    expect(await staff.countLoginAttempt('bruno@example.com', policy(1))).toMatchObject({ count: 2 });
  });
});
