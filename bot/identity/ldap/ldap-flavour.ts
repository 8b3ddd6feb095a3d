import { Attribute, BerWriter, Change, type Client, type Entry } from 'ldapts';

/**
 * What differs between OpenLDAP (with the ppolicy overlay) and Active Directory: which attributes name a user,
 * how a lockout shows, how it is cleared and how a password is set. Everything else is plain LDAP.
 */
export interface LdapFlavour {
  readonly name: 'openldap' | 'active-directory';
  readonly usernameAttribute: string;
  /** Attributes a vouched-for UPN (or a signed web chat id) may match. */
  readonly upnAttributes: readonly string[];
  /** Restricts searches to people. */
  readonly personFilter: { attribute: string; value: string };
  /** Operational attributes that must be asked for by name to see a lockout. */
  readonly lockAttributes: readonly string[];
  isLocked(entry: Entry): boolean;
  unlock(client: Client, entry: Entry): Promise<void>;
  setPassword(client: Client, dn: string, password: string, mustChangeAtNextLogon: boolean): Promise<void>;
}

const PASSWORD_MODIFY_OID = '1.3.6.1.4.1.4203.1.11.1';

/** RFC 3062 PasswdModifyRequestValue: userIdentity [0] and newPasswd [2]; the server hashes it under its policy. */
function passwordModifyRequest(dn: string, password: string): Buffer {
  const writer = new BerWriter();
  writer.startSequence();
  writer.writeString(dn, 0x80);
  writer.writeString(password, 0x82);
  writer.endSequence();
  return writer.buffer;
}

const present = (entry: Entry, attribute: string): boolean => {
  const value = entry[attribute];
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
};

/** OpenLDAP: the password modify extended operation, and ppolicy's pwdAccountLockedTime / pwdReset. */
export const openLdapFlavour: LdapFlavour = {
  name: 'openldap',
  usernameAttribute: 'uid',
  upnAttributes: ['uid', 'mail'],
  personFilter: { attribute: 'objectClass', value: 'inetOrgPerson' },
  lockAttributes: ['pwdAccountLockedTime'],
  isLocked: (entry) => present(entry, 'pwdAccountLockedTime'),
  async unlock(client, entry) {
    // Only the lock mark may be removed (pwdFailureTime is no-user-modification; ppolicy drops the failure
    // times with the lock), and removing an absent attribute fails.
    if (!present(entry, 'pwdAccountLockedTime')) return;
    await client.modify(entry.dn, new Change({ operation: 'delete', modification: new Attribute({ type: 'pwdAccountLockedTime', values: [] }) }));
  },
  async setPassword(client, dn, password, mustChangeAtNextLogon) {
    await client.exop(PASSWORD_MODIFY_OID, passwordModifyRequest(dn, password));
    if (mustChangeAtNextLogon) await client.modify(dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'pwdReset', values: ['TRUE'] }) }));
  },
};

/** AD wants the new password as a double-quoted UTF-16LE string in unicodePwd, and only over an encrypted connection. */
export function activeDirectoryPassword(password: string): Buffer {
  return Buffer.from(`"${password}"`, 'utf16le');
}

const ACCOUNT_DISABLED = 0x2;

/**
 * Active Directory: unicodePwd (LDAPS or StartTLS only), lockoutTime=0 to unlock, pwdLastSet=0 to make the user
 * choose a new password at the next sign-in. A disabled account (userAccountControl) counts as locked, since
 * unlocking would not let the user in: that is the service desk's call.
 */
export const activeDirectoryFlavour: LdapFlavour = {
  name: 'active-directory',
  usernameAttribute: 'sAMAccountName',
  upnAttributes: ['userPrincipalName', 'sAMAccountName'],
  personFilter: { attribute: 'objectCategory', value: 'person' },
  lockAttributes: ['lockoutTime', 'userAccountControl'],
  isLocked(entry) {
    const lockout = Number(entry.lockoutTime ?? 0);
    return lockout > 0 || (Number(entry.userAccountControl ?? 0) & ACCOUNT_DISABLED) !== 0;
  },
  async unlock(client, entry) {
    await client.modify(entry.dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'lockoutTime', values: ['0'] }) }));
  },
  async setPassword(client, dn, password, mustChangeAtNextLogon) {
    const changes = [new Change({ operation: 'replace', modification: new Attribute({ type: 'unicodePwd', values: [activeDirectoryPassword(password)] }) })];
    if (mustChangeAtNextLogon) changes.push(new Change({ operation: 'replace', modification: new Attribute({ type: 'pwdLastSet', values: ['0'] }) }));
    await client.modify(dn, changes);
  },
};
