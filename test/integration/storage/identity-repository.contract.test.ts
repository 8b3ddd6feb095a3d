import type { IdentityRepository, ResetLinkRecord, VerificationRecord } from '../../../bot/identity/identity-repository.js';
import { SqliteIdentityRepository } from '../../../bot/identity/storage/sqlite-identity-repository.js';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

interface Engine {
  name: string;
  open(dataDir: string): IdentityRepository;
}

/** Every storage engine must pass the same suite; MongoDB joins this list when it lands. */
const engines: Engine[] = [{ name: 'sqlite', open: (dataDir) => new SqliteIdentityRepository(openDatabase(dataDir)) }];

const at = new Date('2026-12-04T10:00:00Z');
const later = (minutes: number): Date => new Date(at.getTime() + minutes * 60_000);

const verification = (id: string, createdAt = at): VerificationRecord => ({
  id,
  kind: 'reset',
  mesaUserId: 'u1',
  conversationId: 'c1',
  channel: 'testchat',
  directoryUserId: 'uid=ana,dc=x',
  username: 'ana',
  codeHash: 'h',
  expiresAt: later(10),
  failures: 0,
  usedAt: null,
  createdAt,
});

const link = (tokenHash: string, verificationId: string): ResetLinkRecord => ({
  tokenHash,
  verificationId,
  mesaUserId: 'u1',
  conversationId: 'c1',
  channel: 'testchat',
  directoryUserId: 'uid=ana,dc=x',
  username: 'ana',
  language: 'es',
  expiresAt: later(15),
  usedAt: null,
});

describe.each(engines)('IdentityRepository on $name', (engine) => {
  let repository: IdentityRepository;

  beforeEach(() => {
    repository = engine.open(freshDataDir());
  });

  it('uses a verification once and counts wrong codes per account across verifications', async () => {
    await repository.createVerification(verification('v1'));
    await repository.createVerification(verification('v2', later(1)));
    expect(await repository.addWrongCode('v1')).toBe(1);
    expect(await repository.addWrongCode('v2')).toBe(1);
    expect(await repository.wrongCodesSince('uid=ana,dc=x', at)).toBe(2);
    expect(await repository.requestsSince('uid=ana,dc=x', later(1))).toBe(1);
    expect(await repository.useVerification('v1', later(2))).toBe(true);
    expect(await repository.useVerification('v1', later(3))).toBe(false);
    expect((await repository.findVerification('v1'))?.usedAt).toEqual(later(2));
  });

  it('lets exactly one claim take a link, refuses expired links, and takes a released link again', async () => {
    await repository.createVerification(verification('v1'));
    await repository.createLink(link('t1', 'v1'));
    expect(await repository.claimLink('t1', later(1))).toBe(true);
    expect(await repository.claimLink('t1', later(1))).toBe(false);
    await repository.releaseLink('t1');
    expect((await repository.findLink('t1'))?.usedAt).toBeNull();
    expect(await repository.claimLink('t1', later(16))).toBe(false);
    expect(await repository.claimLink('unknown', later(1))).toBe(false);
  });

  it('keeps the later of two locks', async () => {
    await repository.lockFlow('uid=ana,dc=x', later(60));
    await repository.lockFlow('uid=ana,dc=x', later(30));
    expect(await repository.flowLockedUntil('uid=ana,dc=x')).toEqual(later(60));
    expect(await repository.flowLockedUntil('uid=bob,dc=x')).toBeNull();
  });

  it('lists the audit newest first, optionally for one account', async () => {
    await repository.appendAudit({ at, kind: 'reset', event: 'requested', outcome: 'ok', mesaUserId: 'u1', channel: 'teams', username: 'ana', detail: null });
    await repository.appendAudit({ at: later(1), kind: 'unlock', event: 'refused', outcome: 'refused', mesaUserId: 'u2', channel: 'whatsapp', username: 'bob', detail: 'not_locked' });
    expect((await repository.audit({ limit: 10 })).map((entry) => entry.username)).toEqual(['bob', 'ana']);
    expect(await repository.audit({ limit: 10, username: 'bob' })).toEqual([{ at: later(1), kind: 'unlock', event: 'refused', outcome: 'refused', mesaUserId: 'u2', channel: 'whatsapp', username: 'bob', detail: 'not_locked' }]);
  });
});
