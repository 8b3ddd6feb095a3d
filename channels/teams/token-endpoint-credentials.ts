import { AppCredentials, PasswordServiceClientCredentialFactory } from 'botframework-connector';
import type { AuthenticatorResult } from 'botframework-connector';
import { z } from 'zod';

const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

/**
 * The bot's outgoing token from a plain OAuth2 client-credentials endpoint. The SDK goes through MSAL, which
 * only talks to Entra over https with instance discovery; a private cloud's token service or a local fake
 * cannot answer that, so `MESA_TEAMS_TOKEN_URL` swaps in this one grant (the same request MSAL sends).
 */
export class TokenEndpointCredentials extends AppCredentials {
  constructor(
    appId: string,
    private readonly password: string,
    private readonly tokenUrl: string,
    scope: string,
  ) {
    super(appId, undefined, scope);
  }

  protected async refreshToken(): Promise<AuthenticatorResult> {
    const scope = this.oAuthScope.endsWith('/.default') ? this.oAuthScope : `${this.oAuthScope}/.default`;
    const response = await fetch(this.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: this.appId, client_secret: this.password, scope }),
    });
    if (!response.ok) throw new Error(`the token endpoint refused the bot's credentials (HTTP ${response.status})`);
    const body = tokenResponse.parse(await response.json());
    return { accessToken: body.access_token, expiresOn: new Date(Date.now() + body.expires_in * 1000) };
  }
}

/** Hands the SDK's connector clients {@link TokenEndpointCredentials} instead of MSAL-backed ones. */
export class TokenEndpointCredentialsFactory extends PasswordServiceClientCredentialFactory {
  constructor(appId: string, password: string, private readonly tokenUrl: string) {
    super(appId, password);
  }

  override async createCredentials(appId: string, audience: string): Promise<AppCredentials> {
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    return new TokenEndpointCredentials(appId, this.password ?? '', this.tokenUrl, audience);
  }
}
