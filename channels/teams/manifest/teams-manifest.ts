import { z } from 'zod';
import { ConfigError } from '../../../bot/core/config-error.js';
import { DEFAULT_APP_DESCRIPTION, DEFAULT_APP_NAME } from '../teams-settings.js';

/** The app manifest schema version the package is written for. */
export const MANIFEST_VERSION = '1.22';

export const ACCENT_COLOR = '#2B5797';

/** What the app package needs to know. */
export interface ManifestSettings {
  appId: string;
  publicUrl: URL;
  name: string;
  description: string;
  version: string;
}

const schema = z.object({
  MicrosoftAppId: z.guid('must be the bot\'s Microsoft App ID (a GUID from the Azure Bot registration)'),
  PUBLIC_URL: z.url({ protocol: /^https$/, error: 'must be the https URL Teams reaches Mesa at, like https://mesa.example.com' }),
  MESA_TEAMS_APP_NAME: z.string().trim().min(1).max(30).default(DEFAULT_APP_NAME),
  MESA_TEAMS_APP_DESCRIPTION: z.string().trim().min(1).max(80).default(DEFAULT_APP_DESCRIPTION),
});

/** Reads and checks the package's settings; a ConfigError names every missing or bad variable. */
export function readManifestSettings(env: NodeJS.ProcessEnv, version: string): ManifestSettings {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    throw new ConfigError(`Cannot build the Teams app package:\n${parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`);
  }
  const values = parsed.data;
  return { appId: values.MicrosoftAppId, publicUrl: new URL(values.PUBLIC_URL), name: values.MESA_TEAMS_APP_NAME, description: values.MESA_TEAMS_APP_DESCRIPTION, version };
}

/** The Teams app manifest: one bot (the Azure Bot registration's app id) in personal chats, group chats and teams. */
export function teamsManifest(settings: ManifestSettings): Record<string, unknown> {
  const site = settings.publicUrl.origin;
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: settings.version,
    id: settings.appId,
    developer: { name: settings.name, websiteUrl: site, privacyUrl: site, termsOfUseUrl: site },
    name: { short: settings.name, full: settings.name },
    description: { short: settings.description, full: settings.description },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: ACCENT_COLOR,
    bots: [{ botId: settings.appId, scopes: ['personal', 'groupChat', 'team'], supportsFiles: false, isNotificationOnly: false }],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [settings.publicUrl.host],
  };
}
