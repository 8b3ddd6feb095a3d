import type { VerifiedIdentity } from '../../core/conversation-repository.js';
import { DirectoryError, type Directory, type DirectoryUser } from '../directory.js';
import type { PasswordPolicy } from '../reset/password-policy.js';
import { GraphClient, type GraphClientSettings } from './graph-client.js';

export interface EntraSettings extends GraphClientSettings {
  policy: PasswordPolicy;
}

interface GraphUser {
  id: string;
  userPrincipalName: string;
  displayName: string | null;
  mail: string | null;
  mobilePhone: string | null;
}

const SELECT = '$select=id,userPrincipalName,displayName,mail,mobilePhone';
const quoted = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * Microsoft Entra ID through Microsoft Graph, with an app registration granted User-PasswordProfile.ReadWrite.All
 * (or User.ReadWrite.All) and a role allowed to reset the users' passwords. Entra's smart lockout ends by itself
 * and Graph cannot clear it, so accounts never read as locked here: unlock offers a person instead.
 */
export function entraDirectory(settings: EntraSettings, graph = new GraphClient(settings)): Directory {
  const toUser = (user: GraphUser): DirectoryUser => ({
    id: user.id,
    username: user.userPrincipalName,
    displayName: user.displayName ?? user.userPrincipalName,
    ...(user.mail ? { email: user.mail } : {}),
    ...(user.mobilePhone ? { mobile: user.mobilePhone } : {}),
  });

  async function filtered(filter: string): Promise<DirectoryUser | null> {
    // mobilePhone is only filterable as an "advanced query", which needs eventual consistency and $count.
    const page = await graph.request<{ value: GraphUser[] }>('GET', `/v1.0/users?$filter=${encodeURIComponent(filter)}&$count=true&$top=2&${SELECT}`, undefined, { ConsistencyLevel: 'eventual' });
    const users = page?.value ?? [];
    if (users.length > 1) throw new DirectoryError('ambiguous_user', 'the identity matches several Entra users');
    return users[0] ? toUser(users[0]) : null;
  }

  return {
    kind: 'entra',
    async findUser(identity: VerifiedIdentity) {
      if (identity.aadObjectId) {
        const user = await graph.request<GraphUser>('GET', `/v1.0/users/${encodeURIComponent(identity.aadObjectId)}?${SELECT}`);
        return user ? toUser(user) : null;
      }
      if (identity.upn) return filtered(`userPrincipalName eq ${quoted(identity.upn)}`);
      if (identity.email) return filtered(`mail eq ${quoted(identity.email)}`);
      if (identity.phone) return filtered(`mobilePhone eq ${quoted(identity.phone)}`);
      return null;
    },
    async isLocked() {
      return false;
    },
    async unlock() {
      throw new DirectoryError('not_permitted', "Graph cannot clear Entra's smart lockout");
    },
    async setPassword(user, password, options) {
      await graph.request('PATCH', `/v1.0/users/${encodeURIComponent(user.id)}`, { passwordProfile: { password, forceChangePasswordNextSignIn: options.mustChangeAtNextLogon } });
    },
    async passwordPolicy() {
      return settings.policy;
    },
  };
}
