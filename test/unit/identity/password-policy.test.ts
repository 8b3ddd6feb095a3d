import { join } from 'node:path';
import { projectRoot } from '../../../bot/paths.js';
import { loadBreachedPasswords } from '../../../bot/identity/reset/breached-passwords.js';
import { checkPassword, DEFAULT_PASSWORD_POLICY } from '../../../bot/identity/reset/password-policy.js';

const breached = loadBreachedPasswords(join(projectRoot(), 'bot/identity/breached-passwords.txt'));

describe('the reset page password policy (NIST SP 800-63B)', () => {
  it('ships a list of a few thousand commonly breached passwords', () => {
    expect(breached.size).toBeGreaterThan(3000);
  });

  it.each([
    ['Sh0rt!', ['too_short']],
    ['alllowercaseletters', ['classes']],
    ['Password2024!', ['breached']],
    ['Qwerty123456!', ['breached']],
    ['Ana-Garcia-Is-Me-7', ['contains_username']],
    ['Tangerine-Bicycle-47', []],
  ])('%s breaks %j', (password, expected) => {
    expect(checkPassword(DEFAULT_PASSWORD_POLICY, password, 'garcia', breached)).toEqual(expected);
  });
});
