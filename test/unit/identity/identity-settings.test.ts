import { ConfigError } from '../../../bot/core/config-error.js';
import { loadIdentitySettings } from '../../../bot/identity/identity-settings.js';
import { signUserId, signUserIdAndEmail, verifiedIdentity } from '../../../channels/webchat/user-identity.js';

const ldap = { LDAP_URL: 'ldap://127.0.0.1:389', LDAP_BIND_DN: 'cn=admin,dc=x', LDAP_BIND_PASSWORD: 'secret', LDAP_BASE_DN: 'dc=x' };

describe('self-service settings', () => {
  it('defaults to the demo directory, 6-digit codes for 10 minutes and links for 15', () => {
    const settings = loadIdentitySettings({});
    expect(settings.directory.kind).toBe('demo');
    expect(settings.selfService).toMatchObject({ codeDigits: 6, codeTtlMs: 600_000, linkTtlMs: 900_000, maxWrongCodes: 5, maxRequestsPerDay: 3 });
  });

  it.each([
    [{ MESA_RESET_CODE_MINUTES: '30' }, 'MESA_RESET_CODE_MINUTES'],
    [{ MESA_RESET_LINK_MINUTES: '60' }, 'MESA_RESET_LINK_MINUTES'],
    [{ MESA_RESET_CODE_DIGITS: '4' }, 'MESA_RESET_CODE_DIGITS'],
    [{ SMTP_URL: 'smtp://mail:25' }, 'SMTP_FROM'],
    [{ LDAP_URL: 'ldap://dir:389' }, 'LDAP_BIND_DN'],
    [{ ...ldap, LDAP_FLAVOUR: 'active-directory' }, 'LDAP_URL'],
    [{ LDAP_URL: 'http://dir' }, 'LDAP_URL'],
    [{ ENTRA_TENANT_ID: 'tenant' }, 'ENTRA_CLIENT_ID'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadIdentitySettings(env)).toThrow(ConfigError);
    expect(() => loadIdentitySettings(env)).toThrow(variable);
  });

  it('reads an OpenLDAP directory', () => {
    const settings = loadIdentitySettings(ldap);
    expect(settings.directory).toMatchObject({ kind: 'ldap', ldap: { flavour: 'openldap', emailAttribute: 'mail', phoneAttribute: 'mobile' } });
  });
});

describe('what a signed web chat session vouches for', () => {
  const secret = 'x'.repeat(32);

  it('vouches for nothing without a secret (a demo): such users cannot reset a password', () => {
    expect(verifiedIdentity(undefined, 'ana', undefined, undefined)).toBeUndefined();
  });

  it('vouches for the id as the directory username, and for the email when the signature covers it', () => {
    expect(verifiedIdentity(secret, 'ana', 'ana@x.test', signUserId(secret, 'ana'))).toEqual({ upn: 'ana' });
    expect(verifiedIdentity(secret, 'ana', 'ana@x.test', signUserIdAndEmail(secret, 'ana', 'ana@x.test'))).toEqual({ upn: 'ana', email: 'ana@x.test' });
    expect(() => verifiedIdentity(secret, 'ana', undefined, signUserId(secret, 'bob'))).toThrow('not signed');
  });
});
