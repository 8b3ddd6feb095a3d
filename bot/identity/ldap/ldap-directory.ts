import { readFileSync } from 'node:fs';
import { AndFilter, Client, ConstraintViolationError, EqualityFilter, InsufficientAccessError, OrFilter, UnwillingToPerformError, type Entry, type Filter } from 'ldapts';
import type { VerifiedIdentity } from '../../core/conversation-repository.js';
import { DirectoryError, type Directory, type DirectoryUser } from '../directory.js';
import type { PasswordPolicy } from '../reset/password-policy.js';
import { activeDirectoryFlavour, openLdapFlavour, type LdapFlavour } from './ldap-flavour.js';

/** How Mesa reaches an LDAP directory (LDAP_* settings). */
export interface LdapSettings {
  url: string;
  bindDn: string;
  bindPassword: string;
  baseDn: string;
  flavour: 'openldap' | 'active-directory';
  emailAttribute: string;
  phoneAttribute: string;
  /** A CA certificate (PEM file) for ldaps:// servers signed by a private CA. */
  caFile?: string;
  timeoutMs: number;
  policy: PasswordPolicy;
}

const single = (value: Entry[string] | undefined): string | undefined => {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
};

/**
 * A directory over LDAP (OpenLDAP with ppolicy, or Active Directory): Mesa binds as a service account allowed
 * to reset passwords and clear lockouts under LDAP_BASE_DN, and never as the user.
 */
export function ldapDirectory(settings: LdapSettings): Directory {
  const flavour: LdapFlavour = settings.flavour === 'active-directory' ? activeDirectoryFlavour : openLdapFlavour;
  const tlsOptions = settings.caFile ? { ca: readFileSync(settings.caFile) } : undefined;

  async function withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ url: settings.url, timeout: settings.timeoutMs, connectTimeout: settings.timeoutMs, ...(tlsOptions ? { tlsOptions } : {}) });
    try {
      try {
        await client.bind(settings.bindDn, settings.bindPassword);
      } catch (error) {
        throw new DirectoryError('unreachable', 'cannot bind to the directory as the service account', { cause: error });
      }
      return await work(client);
    } catch (error) {
      throw asDirectoryError(error);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  function identityFilter(identity: VerifiedIdentity): Filter | null {
    const alternatives: Filter[] = [];
    if (identity.upn) alternatives.push(...flavour.upnAttributes.map((attribute) => new EqualityFilter({ attribute, value: identity.upn! })));
    if (identity.email) alternatives.push(new EqualityFilter({ attribute: settings.emailAttribute, value: identity.email }));
    // telephoneNumberMatch ignores spaces and hyphens, so "+34 600 111 222" in the directory matches WhatsApp's +34600111222.
    if (identity.phone) alternatives.push(new EqualityFilter({ attribute: settings.phoneAttribute, value: identity.phone }));
    if (alternatives.length === 0) return null;
    const person = new EqualityFilter(flavour.personFilter);
    return new AndFilter({ filters: [person, new OrFilter({ filters: alternatives })] });
  }

  async function entryOf(client: Client, dn: string, attributes: readonly string[]): Promise<Entry> {
    const { searchEntries } = await client.search(dn, { scope: 'base', attributes: [...attributes] });
    if (!searchEntries[0]) throw new DirectoryError('failed', 'the account is gone from the directory');
    return searchEntries[0];
  }

  return {
    kind: flavour.name,
    async findUser(identity) {
      const filter = identityFilter(identity);
      if (!filter) return null;
      return withClient(async (client) => {
        const attributes = ['cn', 'displayName', flavour.usernameAttribute, settings.emailAttribute, settings.phoneAttribute];
        const { searchEntries } = await client.search(settings.baseDn, { scope: 'sub', filter, attributes, sizeLimit: 2 });
        if (searchEntries.length > 1) throw new DirectoryError('ambiguous_user', 'the identity matches several directory accounts');
        const entry = searchEntries[0];
        if (!entry) return null;
        const email = single(entry[settings.emailAttribute]);
        const mobile = single(entry[settings.phoneAttribute]);
        const user: DirectoryUser = {
          id: entry.dn,
          username: single(entry[flavour.usernameAttribute]) ?? entry.dn,
          displayName: single(entry.displayName) ?? single(entry.cn) ?? entry.dn,
          ...(email ? { email } : {}),
          ...(mobile ? { mobile } : {}),
        };
        return user;
      });
    },
    async isLocked(user) {
      return withClient(async (client) => flavour.isLocked(await entryOf(client, user.id, flavour.lockAttributes)));
    },
    async unlock(user) {
      await withClient(async (client) => flavour.unlock(client, await entryOf(client, user.id, flavour.lockAttributes)));
    },
    async setPassword(user, password, options) {
      await withClient((client) => flavour.setPassword(client, user.id, password, options.mustChangeAtNextLogon));
    },
    async passwordPolicy() {
      return settings.policy;
    },
  };
}

function asDirectoryError(error: unknown): DirectoryError {
  if (error instanceof DirectoryError) return error;
  // The server's own quality checks (ppolicy's pwdCheckQuality, AD's complexity and history rules).
  if (error instanceof ConstraintViolationError || error instanceof UnwillingToPerformError) return new DirectoryError('policy_rejected', 'the directory refused the password', { cause: error });
  if (error instanceof InsufficientAccessError) return new DirectoryError('not_permitted', 'the service account may not do this', { cause: error });
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND)$/.test(code)) return new DirectoryError('unreachable', 'the directory does not answer', { cause: error });
  if (error instanceof Error && /timeout|timed out|connect/i.test(error.message)) return new DirectoryError('unreachable', 'the directory does not answer', { cause: error });
  return new DirectoryError('failed', 'the directory refused the operation', { cause: error });
}
