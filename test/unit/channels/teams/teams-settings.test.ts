import { ConfigError } from '../../../../bot/core/config-error.js';
import type { ChannelContext } from '../../../../channels/contract.js';
import { teamsChannel } from '../../../../channels/teams/teams-channel.js';
import { readTeamsSettings } from '../../../../channels/teams/teams-settings.js';

describe('Teams settings', () => {
  it('keeps the channel off, saying why, when MicrosoftAppId is unset', async () => {
    expect(readTeamsSettings({ MicrosoftAppId: '' })).toBeNull();
    expect(await teamsChannel.create({ env: {} } as ChannelContext)).toEqual({ disabled: 'MicrosoftAppId is unset' });
  });

  it('reads the SDK\'s variables, MultiTenant by default', () => {
    expect(readTeamsSettings({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' })).toMatchObject({ appId: 'app', appType: 'MultiTenant', tenantId: undefined });
    expect(readTeamsSettings({ MicrosoftAppId: 'app', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'tenant' })).toMatchObject({ appType: 'UserAssignedMSI' });
  });

  it.each([
    [{ MicrosoftAppType: 'Personal' }, /MicrosoftAppType/],
    [{ MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId is required/],
    [{ MicrosoftAppPassword: '' }, /MicrosoftAppPassword is required/],
    [{ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }, /MicrosoftAppPassword must be unset/],
    [{ MESA_TEAMS_OPENID_METADATA_URL: 'login.example' }, /MESA_TEAMS_OPENID_METADATA_URL/],
  ])('refuses %j with a ConfigError naming the variable', (override, message) => {
    const read = () => readTeamsSettings({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', ...override });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
  });

  it('never puts the password in an error message', () => {
    expect(() => readTeamsSettings({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'hunter2-secret', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' })).toThrow(/^(?!.*hunter2)/s);
  });
});
