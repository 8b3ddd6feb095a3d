import { looksLikeLog, usefulText } from '../../../bot/nlu/useful-text.js';

describe('the useful part of a pasted log', () => {
  it('keeps the error message and what the user wrote, without frames, paths and package names', () => {
    const trace = ['my sap login fails:', 'Exception in thread "main" java.lang.IllegalStateException: user locked', '\tat com.sap.Login.check(Login.java:42)', '\tat com.sap.Main.main(Main.java:10)'].join('\n');
    expect(usefulText(trace)).toBe('my sap login fails:\nException in thread "main" IllegalStateException: user locked');
  });

  it('drops Python frame headers and log prefixes', () => {
    const trace = ['Traceback (most recent call last):', '  File "sync.py", line 3, in <module>', '2026-12-04 10:00:01,123 ERROR [main] Permission denied on /mnt/share/finance'].join('\n');
    expect(usefulText(trace)).toBe('Permission denied on');
  });

  it('leaves what a person wrote alone', () => {
    const message = 'at home the vpn does not connect\nat the office it does';
    expect(looksLikeLog('my outlook is broken')).toBe(false);
    expect(looksLikeLog(message)).toBe(false);
    expect(usefulText(message)).toBe(message);
  });
});
