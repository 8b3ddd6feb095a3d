import { z } from 'zod';
import { ConfigError } from '../core/config-error.js';
import type { LdapSettings } from './ldap/ldap-directory.js';
import type { EntraSettings } from './entra/entra-directory.js';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from './reset/password-policy.js';
import { DEFAULT_SELF_SERVICE, type SelfServiceSettings } from './self-service-settings.js';

const onOff = z.enum(['on', 'off'], { message: 'must be on or off' });
const minutes = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max, `must be at most ${max} (minutes)`).default(fallback);

const schema = z.object({
  MESA_DIRECTORY: z.enum(['demo', 'ldap', 'entra'], { message: 'must be demo, ldap or entra' }).optional(),
  LDAP_URL: z.string().regex(/^ldaps?:\/\/[^\s/]+\/?$/, 'must look like ldap://host:389 or ldaps://host:636').optional(),
  LDAP_BIND_DN: z.string().min(1).optional(),
  LDAP_BIND_PASSWORD: z.string().min(1).optional(),
  LDAP_BASE_DN: z.string().min(1).optional(),
  LDAP_FLAVOUR: z.enum(['openldap', 'active-directory'], { message: 'must be openldap or active-directory' }).default('openldap'),
  LDAP_EMAIL_ATTRIBUTE: z.string().regex(/^[A-Za-z][\w-]*$/, 'must be an attribute name').default('mail'),
  LDAP_PHONE_ATTRIBUTE: z.string().regex(/^[A-Za-z][\w-]*$/, 'must be an attribute name').default('mobile'),
  LDAP_CA_FILE: z.string().min(1).optional(),
  LDAP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  ENTRA_TENANT_ID: z.string().min(1).optional(),
  ENTRA_CLIENT_ID: z.string().min(1).optional(),
  ENTRA_CLIENT_SECRET: z.string().min(1).optional(),
  ENTRA_GRAPH_URL: z.url('must be a URL').default('https://graph.microsoft.com'),
  ENTRA_LOGIN_URL: z.url('must be a URL').default('https://login.microsoftonline.com'),
  SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, 'must look like smtp://user:password@host:587 or smtps://host:465').optional(),
  SMTP_FROM: z.string().min(3).optional(),
  MESA_RESET_CODE_DIGITS: z.coerce.number().int().min(6, 'must be at least 6').max(10).default(DEFAULT_SELF_SERVICE.codeDigits),
  MESA_RESET_CODE_MINUTES: minutes(10, 10),
  MESA_RESET_LINK_MINUTES: minutes(15, 15),
  MESA_RESET_FORCE_CHANGE: onOff.default('off'),
  MESA_PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8, 'must be at least 8').max(128).default(DEFAULT_PASSWORD_POLICY.minLength),
  MESA_PASSWORD_MIN_CLASSES: z.coerce.number().int().min(0).max(4).default(DEFAULT_PASSWORD_POLICY.minClasses),
});

type Env = z.infer<typeof schema>;

/** Which directory self-service talks to, and how it sends codes. */
export interface IdentitySettings {
  directory: { kind: 'demo' } | { kind: 'ldap'; ldap: LdapSettings } | { kind: 'entra'; entra: EntraSettings };
  smtp: { url: string; from: string } | null;
  selfService: Omit<SelfServiceSettings, 'publicUrl'>;
}

function required(env: Env, names: Array<keyof Env>, why: string): void {
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) throw new ConfigError(`${missing.join(', ')}: required ${why}. See "Password reset and account unlock" in README.md.`);
}

/** Reads the self-service settings from the environment; a bad value stops Mesa naming the variable. */
export function loadIdentitySettings(raw: NodeJS.ProcessEnv): IdentitySettings {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}=${JSON.stringify(raw[String(issue.path[0])] ?? '')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}\nSee the configuration table in README.md.`);
  }
  const env = parsed.data;
  if (Boolean(env.SMTP_URL) !== Boolean(env.SMTP_FROM)) required(env, ['SMTP_URL', 'SMTP_FROM'], 'together to send codes by email');
  const policy: PasswordPolicy = { ...DEFAULT_PASSWORD_POLICY, minLength: env.MESA_PASSWORD_MIN_LENGTH, minClasses: env.MESA_PASSWORD_MIN_CLASSES };
  const kind = env.MESA_DIRECTORY ?? (env.LDAP_URL ? 'ldap' : env.ENTRA_TENANT_ID ? 'entra' : 'demo');
  const selfService = {
    ...DEFAULT_SELF_SERVICE,
    codeDigits: env.MESA_RESET_CODE_DIGITS,
    codeTtlMs: env.MESA_RESET_CODE_MINUTES * 60_000,
    linkTtlMs: env.MESA_RESET_LINK_MINUTES * 60_000,
    mustChangeAtNextLogon: env.MESA_RESET_FORCE_CHANGE === 'on',
  };
  const smtp = env.SMTP_URL && env.SMTP_FROM ? { url: env.SMTP_URL, from: env.SMTP_FROM } : null;
  if (kind === 'ldap') {
    required(env, ['LDAP_URL', 'LDAP_BIND_DN', 'LDAP_BIND_PASSWORD', 'LDAP_BASE_DN'], 'for an LDAP directory');
    // Active Directory only accepts unicodePwd over an encrypted connection.
    if (env.LDAP_FLAVOUR === 'active-directory' && !env.LDAP_URL!.startsWith('ldaps://')) throw new ConfigError(`LDAP_URL=${JSON.stringify(env.LDAP_URL)}: Active Directory needs ldaps:// to set passwords.`);
    const ldap: LdapSettings = {
      url: env.LDAP_URL!,
      bindDn: env.LDAP_BIND_DN!,
      bindPassword: env.LDAP_BIND_PASSWORD!,
      baseDn: env.LDAP_BASE_DN!,
      flavour: env.LDAP_FLAVOUR,
      emailAttribute: env.LDAP_EMAIL_ATTRIBUTE,
      phoneAttribute: env.LDAP_PHONE_ATTRIBUTE,
      ...(env.LDAP_CA_FILE ? { caFile: env.LDAP_CA_FILE } : {}),
      timeoutMs: env.LDAP_TIMEOUT_MS,
      policy,
    };
    return { directory: { kind, ldap }, smtp, selfService };
  }
  if (kind === 'entra') {
    required(env, ['ENTRA_TENANT_ID', 'ENTRA_CLIENT_ID', 'ENTRA_CLIENT_SECRET'], 'for Microsoft Entra ID');
    const entra: EntraSettings = {
      tenantId: env.ENTRA_TENANT_ID!,
      clientId: env.ENTRA_CLIENT_ID!,
      clientSecret: env.ENTRA_CLIENT_SECRET!,
      graphUrl: env.ENTRA_GRAPH_URL.replace(/\/+$/, ''),
      loginUrl: env.ENTRA_LOGIN_URL.replace(/\/+$/, ''),
      policy,
    };
    return { directory: { kind, entra }, smtp, selfService };
  }
  return { directory: { kind: 'demo' }, smtp, selfService };
}
