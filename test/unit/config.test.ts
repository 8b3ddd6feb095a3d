import { ConfigError, loadConfig } from '../../channels/app/config.js';

describe('configuration', () => {
  it('starts with sensible defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.webchatOrigins).toEqual(['*']);
  });

  it.each([
    ['PORT', 'eighty', 'PORT="eighty"'],
    ['PORT', '70000', 'PORT="70000"'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL="loud"'],
    ['MESA_WEBCHAT_ORIGINS', 'intranet', 'MESA_WEBCHAT_ORIGINS="intranet"'],
    ['MESA_CHAT_RATE_LIMIT', '0', 'MESA_CHAT_RATE_LIMIT="0"'],
  ])('refuses %s=%s naming the variable and its value', (name, value, expected) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(expected);
  });

  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });
});
