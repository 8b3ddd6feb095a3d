import type { Entry } from 'ldapts';
import { activeDirectoryFlavour, activeDirectoryPassword, openLdapFlavour } from '../../../bot/identity/ldap/ldap-flavour.js';

// No Active Directory can run here: these check the bytes and attributes AD documents for unicodePwd and lockoutTime.
describe('the Active Directory flavour', () => {
  it('sends unicodePwd as the quoted password in UTF-16LE', () => {
    expect(activeDirectoryPassword('Pässword1')).toEqual(Buffer.from([0x22, 0, 0x50, 0, 0xe4, 0, 0x73, 0, 0x73, 0, 0x77, 0, 0x6f, 0, 0x72, 0, 0x64, 0, 0x31, 0, 0x22, 0]));
  });

  it.each([
    [{ lockoutTime: '0', userAccountControl: '512' }, false],
    [{ lockoutTime: '133465200000000000', userAccountControl: '512' }, true],
    [{ lockoutTime: '0', userAccountControl: '514' }, true],
  ])('reads %j as locked: %s', (attributes, locked) => {
    expect(activeDirectoryFlavour.isLocked({ dn: 'CN=Ana,DC=corp', ...attributes } as Entry)).toBe(locked);
  });

  it('matches UPNs and sAMAccountName in AD, uid and mail in OpenLDAP', () => {
    expect(activeDirectoryFlavour.upnAttributes).toEqual(['userPrincipalName', 'sAMAccountName']);
    expect(openLdapFlavour.upnAttributes).toEqual(['uid', 'mail']);
  });
});
