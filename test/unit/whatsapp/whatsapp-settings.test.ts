import { ConfigError } from '../../../bot/core/config-error.js';
import { readWhatsappSettings } from '../../../channels/whatsapp/whatsapp-settings.js';
import { whatsappChannel } from '../../../channels/whatsapp/whatsapp-channel.js';
import type { ChannelContext } from '../../../channels/contract.js';

describe('WhatsApp settings', () => {
  it('is off unless WHATSAPP_ENABLED=on, and says so', async () => {
    const built = await whatsappChannel().create({ env: {}, dataDir: '/tmp/mesa-unused' } as unknown as ChannelContext);
    expect(built).toEqual({ disabled: 'WHATSAPP_ENABLED is not on' });
  });

  it('keeps the session under DATA_DIR/whatsapp and uses Debian\'s Chromium, an 800 MB limit and a 6 s pace by default', () => {
    expect(readWhatsappSettings({ WHATSAPP_ENABLED: 'on' }, '/srv/mesa')).toEqual({
      enabled: true,
      chromiumPath: '/usr/bin/chromium',
      sessionDir: '/srv/mesa/whatsapp',
      maxRssBytes: 800 * 1024 * 1024,
      chatIntervalMs: 6000,
      maxPerMinute: 30,
    });
  });

  it.each([['WHATSAPP_ENABLED', 'yes'], ['WHATSAPP_MAX_RSS_MB', 'lots'], ['WHATSAPP_CHAT_INTERVAL_MS', '-1'], ['WHATSAPP_MAX_PER_MINUTE', '0']])('refuses %s=%s, naming it', (name, value) => {
    expect(() => readWhatsappSettings({ [name]: value }, '/srv/mesa')).toThrow(ConfigError);
    expect(() => readWhatsappSettings({ [name]: value }, '/srv/mesa')).toThrow(name);
  });

  it('refuses a Chromium path with no browser there, naming WHATSAPP_CHROMIUM_PATH', async () => {
    const context = { env: { WHATSAPP_ENABLED: 'on', WHATSAPP_CHROMIUM_PATH: '/nowhere/chromium' }, dataDir: '/tmp/mesa-whatsapp-settings' } as unknown as ChannelContext;
    await expect(whatsappChannel().create(context)).rejects.toThrow('WHATSAPP_CHROMIUM_PATH');
  });
});
