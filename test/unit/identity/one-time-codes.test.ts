import { randomBytes } from 'node:crypto';
import { codeIn } from '../../../bot/identity/verification/identity-check.js';
import { maskAddress } from '../../../bot/identity/verification/mask-address.js';
import { newLinkToken, newOneTimeCode, SecretHasher } from '../../../bot/identity/verification/secret-hasher.js';

describe('one-time codes and link tokens', () => {
  it('makes six-digit codes, keeping leading zeros', () => {
    const codes = Array.from({ length: 200 }, () => newOneTimeCode(6));
    expect(codes.every((code) => /^\d{6}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(190);
  });

  it('stores only a keyed hash: another install (another secret) cannot check it', () => {
    const hasher = new SecretHasher(randomBytes(32));
    const stored = hasher.hash('otp', '123456');
    expect(stored).not.toContain('123456');
    expect(hasher.matches('otp', '123456', stored)).toBe(true);
    expect(hasher.matches('otp', '123457', stored)).toBe(false);
    expect(new SecretHasher(randomBytes(32)).matches('otp', '123456', stored)).toBe(false);
  });

  it('makes 256-bit URL-safe tokens', () => {
    expect(newLinkToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    ['my code is 12-34-56', '123456'],
    ['12345', null],
    ['call me at 2pm', null],
  ])('reads the code in %j', (text, expected) => {
    expect(codeIn(text, 6)).toBe(expected);
  });

  it('shows only enough of an address to recognise it', () => {
    expect(maskAddress('alice@mesa.test')).toBe('a•••@mesa.test');
    expect(maskAddress('+34 600 111 222')).toBe('•••••222');
  });
});
