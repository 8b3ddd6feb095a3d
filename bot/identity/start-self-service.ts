import { join } from 'node:path';
import type { VerifiedIdentity } from '../core/conversation-repository.js';
import type { Translator } from '../i18n/translator.js';
import type { Logger } from '../logger.js';
import type { SqliteDatabase } from '../storage/sqlite/open-database.js';
import { demoDirectory } from './demo-directory.js';
import type { Directory } from './directory.js';
import { entraDirectory } from './entra/entra-directory.js';
import type { IdentityRepository, ResetLinkRecord } from './identity-repository.js';
import { loadIdentitySettings } from './identity-settings.js';
import { ldapDirectory } from './ldap/ldap-directory.js';
import { loadBreachedPasswords } from './reset/breached-passwords.js';
import { SelfService } from './self-service.js';
import { SqliteIdentityRepository } from './storage/sqlite-identity-repository.js';
import { noSmsProvider, type SmsProvider } from './verification/code-delivery.js';
import { loadInstallSecret } from './verification/install-secret.js';
import { SecretHasher } from './verification/secret-hasher.js';
import { smtpCodeMailer } from './verification/smtp-code-mailer.js';

export interface StartSelfServiceOptions {
  env: NodeJS.ProcessEnv;
  db: SqliteDatabase;
  dataDir: string;
  projectRoot: string;
  translator: Translator;
  logger: Logger;
  clock: () => Date;
  /** Where users reach Mesa; the reset link starts with it. */
  publicUrl: () => string;
  identityOf: (mesaUserId: string) => Promise<VerifiedIdentity | null>;
  confirmInChat: (link: ResetLinkRecord) => Promise<void>;
  /** An SMS provider an install plugs in; none ships with Mesa. */
  sms?: SmsProvider;
}

/** Builds password reset and unlock from the environment: the directory, code delivery, storage and audit. */
export function startSelfService(options: StartSelfServiceOptions): { service: SelfService; directory: Directory; repository: IdentityRepository } {
  const { logger } = options;
  const settings = loadIdentitySettings(options.env);
  const directory =
    settings.directory.kind === 'ldap' ? ldapDirectory(settings.directory.ldap) : settings.directory.kind === 'entra' ? entraDirectory(settings.directory.entra) : demoDirectory();
  if (directory.kind === 'demo') logger.warn({ directory: 'demo' }, 'password reset and unlock use the DEMO directory (made-up users, nothing real changes); set LDAP_URL or ENTRA_TENANT_ID for a real one');
  const sms = options.sms ?? noSmsProvider;
  if (!sms.configured) logger.info('SMS is not configured: one-time codes go by email only');
  if (!settings.smtp) logger.warn('SMTP_URL is not set: one-time codes cannot be sent, so password reset and unlock will offer a person instead');
  const mailer = settings.smtp ? smtpCodeMailer({ ...settings.smtp, translator: options.translator }) : null;
  const repository = new SqliteIdentityRepository(options.db);
  const service = new SelfService({
    directory,
    repository,
    hasher: new SecretHasher(loadInstallSecret(join(options.dataDir, 'identity-secret'))),
    mailer,
    sms,
    breached: loadBreachedPasswords(join(options.projectRoot, 'bot/identity/breached-passwords.txt')),
    identityOf: options.identityOf,
    confirmInChat: options.confirmInChat,
    settings: { ...settings.selfService, publicUrl: options.publicUrl },
    logger,
    clock: options.clock,
  });
  return { service, directory, repository };
}
