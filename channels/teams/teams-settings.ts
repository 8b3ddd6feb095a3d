import { z } from 'zod';
import { ConfigError } from '../../bot/core/config-error.js';

/** The Teams channel's settings, read from the environment (the SDK's own variable names where it has them). */
export interface TeamsSettings {
  appId: string;
  appPassword: string | undefined;
  tenantId: string | undefined;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /** Where the SDK reads the Bot Connector's signing keys; Microsoft's when unset. */
  openIdMetadataUrl: string | undefined;
  /** The issuer inbound tokens must carry; Microsoft's when unset. */
  tokenIssuer: string | undefined;
  /** An OAuth2 token endpoint the bot gets its outgoing token from, instead of Microsoft Entra through MSAL. */
  tokenUrl: string | undefined;
  /** The manifest's name and description. */
  appName: string;
  appDescription: string;
}

/** The app's name and description in Teams when MESA_TEAMS_APP_NAME / MESA_TEAMS_APP_DESCRIPTION are unset. */
export const DEFAULT_APP_NAME = 'Mesa';
export const DEFAULT_APP_DESCRIPTION = 'IT service desk: fixes, tickets and live help in your language.';

const optionalUrl = z.url({ protocol: /^https?$/ }).optional();

const schema = z.object({
  MicrosoftAppId: z.string().trim().min(1).optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  MicrosoftAppTenantId: z.string().trim().min(1).optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MESA_TEAMS_OPENID_METADATA_URL: optionalUrl,
  MESA_TEAMS_TOKEN_ISSUER: z.string().trim().min(1).optional(),
  MESA_TEAMS_TOKEN_URL: optionalUrl,
  MESA_TEAMS_APP_NAME: z.string().trim().min(1).max(30).default(DEFAULT_APP_NAME),
  MESA_TEAMS_APP_DESCRIPTION: z.string().trim().min(1).max(80).default(DEFAULT_APP_DESCRIPTION),
});

/** Validated Teams settings, or null when `MicrosoftAppId` is unset (the channel stays off). */
export function readTeamsSettings(env: NodeJS.ProcessEnv): TeamsSettings | null {
  const parsed = schema.safeParse(blankToUndefined(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid Teams settings: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  if (!values.MicrosoftAppId) return null;
  if (values.MicrosoftAppType === 'SingleTenant' && !values.MicrosoftAppTenantId) {
    throw new ConfigError('MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant');
  }
  if (values.MicrosoftAppType === 'UserAssignedMSI' && values.MicrosoftAppPassword) {
    throw new ConfigError('MicrosoftAppPassword must be unset when MicrosoftAppType is UserAssignedMSI (the managed identity has no secret)');
  }
  if (values.MicrosoftAppType !== 'UserAssignedMSI' && !values.MicrosoftAppPassword) {
    throw new ConfigError(`MicrosoftAppPassword is required when MicrosoftAppType is ${values.MicrosoftAppType}`);
  }
  return {
    appId: values.MicrosoftAppId,
    appPassword: values.MicrosoftAppPassword,
    tenantId: values.MicrosoftAppTenantId,
    appType: values.MicrosoftAppType,
    openIdMetadataUrl: values.MESA_TEAMS_OPENID_METADATA_URL,
    tokenIssuer: values.MESA_TEAMS_TOKEN_ISSUER,
    tokenUrl: values.MESA_TEAMS_TOKEN_URL,
    appName: values.MESA_TEAMS_APP_NAME,
    appDescription: values.MESA_TEAMS_APP_DESCRIPTION,
  };
}

// An empty variable in a .env file means "not set", as it does for the rest of Mesa's settings.
function blankToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === '' ? undefined : value]));
}
