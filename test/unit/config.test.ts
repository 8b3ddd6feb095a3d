import { ConfigError, loadConfig } from '../../channels/app/config.js';

describe('configuration', () => {
  it('starts with sensible defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.webchatOrigins).toEqual(['*']);
  });

  it('has the limits of issue 17 on by default: sessions, streams, sign-ins and slow clients', () => {
    const config = loadConfig({});
    expect(config.chatSessionsPerMinute).toEqual({ perAddress: 20, overall: 600 });
    expect(config.unusedSessionMaxAgeMs).toBe(24 * 3_600_000);
    expect(config.chatStreams).toEqual({ perSession: 5, perAddress: 200 });
    expect(config.login).toEqual({ maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000, perAddressPerMinute: 30 });
    expect(config.httpTimeouts).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 });
  });

  it.each([
    ['PORT', 'eighty', 'PORT="eighty"'],
    ['PORT', '70000', 'PORT="70000"'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL="loud"'],
    ['MESA_WEBCHAT_ORIGINS', 'intranet', 'MESA_WEBCHAT_ORIGINS="intranet"'],
    ['MESA_CHAT_RATE_LIMIT', '0', 'MESA_CHAT_RATE_LIMIT="0"'],
    ['MESA_CHAT_SESSIONS_PER_ADDRESS', '0', 'MESA_CHAT_SESSIONS_PER_ADDRESS="0"'],
    ['MESA_CHAT_STREAMS_PER_SESSION', 'many', 'MESA_CHAT_STREAMS_PER_SESSION="many"'],
    ['MESA_LOGIN_MAX_FAILURES', '0', 'MESA_LOGIN_MAX_FAILURES="0"'],
    ['MESA_HTTP_HEADERS_TIMEOUT_MS', '5', 'MESA_HTTP_HEADERS_TIMEOUT_MS="5"'],
  ])('refuses %s=%s naming the variable and its value', (name, value, expected) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(expected);
  });

  it('refuses a header timeout longer than the request timeout', () => {
    expect(() => loadConfig({ MESA_HTTP_HEADERS_TIMEOUT_MS: '40000', MESA_HTTP_REQUEST_TIMEOUT_MS: '30000' })).toThrow(/MESA_HTTP_HEADERS_TIMEOUT_MS="40000": must not exceed/);
  });

  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });
});
