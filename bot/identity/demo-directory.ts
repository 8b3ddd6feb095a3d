import type { VerifiedIdentity } from '../core/conversation-repository.js';
import { DirectoryError, type Directory, type DirectoryUser } from './directory.js';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from './reset/password-policy.js';

interface DemoAccount extends DirectoryUser {
  upn: string;
  locked: boolean;
}

/**
 * THE DEMO DIRECTORY: a few made-up people kept in memory, so a newcomer can try reset and unlock on the
 * embedded default. It changes no real account, forgets everything at restart, and Mesa logs a warning while
 * it is in use. Production installs set LDAP_URL or ENTRA_TENANT_ID.
 */
export function demoDirectory(): Directory {
  const accounts: DemoAccount[] = [
    { id: 'demo:ana', username: 'ana', upn: 'ana@demo.mesa.local', displayName: 'Ana García (demo)', email: 'ana@demo.mesa.local', mobile: '+34600000001', locked: false },
    { id: 'demo:bruno', username: 'bruno', upn: 'bruno@demo.mesa.local', displayName: 'Bruno Silva (demo)', email: 'bruno@demo.mesa.local', mobile: '+351910000002', locked: true },
    { id: 'demo:chiara', username: 'chiara', upn: 'chiara@demo.mesa.local', displayName: 'Chiara Rossi (demo)', email: 'chiara@demo.mesa.local', locked: false },
  ];
  const byId = (user: DirectoryUser): DemoAccount => {
    const account = accounts.find((candidate) => candidate.id === user.id);
    if (!account) throw new DirectoryError('failed', 'no such demo account');
    return account;
  };
  const publicView = ({ id, username, displayName, email, mobile }: DemoAccount): DirectoryUser => ({ id, username, displayName, ...(email ? { email } : {}), ...(mobile ? { mobile } : {}) });
  return {
    kind: 'demo',
    async findUser(identity: VerifiedIdentity) {
      const matches = accounts.filter(
        (account) =>
          (identity.upn !== undefined && [account.upn, account.username].includes(identity.upn.toLowerCase())) ||
          (identity.email !== undefined && account.email === identity.email.toLowerCase()) ||
          (identity.phone !== undefined && account.mobile === identity.phone.replace(/[\s-]/g, '')),
      );
      if (matches.length > 1) throw new DirectoryError('ambiguous_user', 'the identity matches several demo accounts');
      return matches[0] ? publicView(matches[0]) : null;
    },
    async isLocked(user) {
      return byId(user).locked;
    },
    async unlock(user) {
      byId(user).locked = false;
    },
    // The demo keeps no password at all: there is nothing to sign in to.
    async setPassword(user) {
      byId(user);
    },
    async passwordPolicy(): Promise<PasswordPolicy> {
      return DEFAULT_PASSWORD_POLICY;
    },
  };
}
