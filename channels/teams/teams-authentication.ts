import { ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { AuthenticationConstants, type BotFrameworkAuthentication } from 'botframework-connector';
import type { TeamsSettings } from './teams-settings.js';
import { TokenEndpointCredentialsFactory } from './token-endpoint-credentials.js';

/**
 * The SDK's own authentication (inbound JWT checks, outgoing tokens) from Mesa's settings. With no endpoint
 * overridden it is the SDK's public-cloud default; overriding one makes the SDK take every endpoint as given,
 * so the others are filled with the public cloud's values.
 */
export function teamsAuthentication(settings: TeamsSettings): BotFrameworkAuthentication {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: settings.appId,
    MicrosoftAppPassword: settings.appPassword,
    MicrosoftAppTenantId: settings.tenantId,
    MicrosoftAppType: settings.appType,
  };
  const overridden = settings.openIdMetadataUrl || settings.tokenIssuer || settings.tokenUrl;
  if (overridden) {
    Object.assign(options, {
      ValidateAuthority: true,
      ToChannelFromBotLoginUrl: settings.tokenUrl ?? loginUrlFor(settings),
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: settings.tokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToBotFromChannelOpenIdMetadataUrl: settings.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      CallerId: 'urn:botframework:azure',
    });
  }
  const credentials = settings.tokenUrl && settings.appPassword ? new TokenEndpointCredentialsFactory(settings.appId, settings.appPassword, settings.tokenUrl) : undefined;
  return new ConfigurationBotFrameworkAuthentication(options, credentials);
}

// The SDK's own choice of login authority: the bot's tenant for single-tenant apps, botframework.com otherwise.
function loginUrlFor(settings: TeamsSettings): string {
  return settings.appType === 'SingleTenant' && settings.tenantId
    ? `${AuthenticationConstants.ToChannelFromBotLoginUrlPrefix}${settings.tenantId}`
    : AuthenticationConstants.ToChannelFromBotLoginUrl;
}
