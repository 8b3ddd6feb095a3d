import { ConfigError } from '../../../../bot/core/config-error.js';
import { readSlackSettings } from '../../../../channels/slack/slack-settings.js';

describe('Slack settings', () => {
  it('stays off, saying why, without a bot token', () => {
    expect(readSlackSettings({})).toEqual({ disabled: 'SLACK_BOT_TOKEN is not set' });
  });

  it('runs over HTTP with a bot token and a signing secret, against Slack unless SLACK_API_URL says otherwise', () => {
    expect(readSlackSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toMatchObject({ socketMode: false, apiUrl: 'https://slack.com/api/' });
    expect(readSlackSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api' })).toMatchObject({ apiUrl: 'http://127.0.0.1:9/api/' });
  });

  it('runs in Socket Mode with an app token', () => {
    expect(readSlackSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SOCKET_MODE: 'on' })).toMatchObject({ socketMode: true, appToken: 'xapp-1' });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SOCKET_MODE: 'on' }, 'SLACK_APP_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_SOCKET_MODE: 'yes' }, 'SLACK_SOCKET_MODE'],
  ])('refuses %j, naming %s and not echoing secrets', (env, variable) => {
    expect(() => readSlackSettings(env)).toThrow(ConfigError);
    expect(() => readSlackSettings(env)).toThrow(variable);
    expect(() => readSlackSettings(env)).not.toThrow(/xoxp-user-token/);
  });
});
