import { initialState } from '../../../bot/core/conversation-state.js';
import { looksLikePassword, selfServiceRedactor } from '../../../bot/identity/redaction.js';

describe('what the transcript never shows', () => {
  it.each(['Summer2024!', 'my password is P@ssw0rd', 'Secret=Key99', 'Xk9mQ2vL', 'la contraseña es Correct-Horse-9-Battery'])('hides a password-like word at any time: %s', (text) => {
    expect(looksLikePassword(text)).toBe(true);
  });

  it.each(['Windows10', 'my iPhone12 will not charge', 'SD-000123', 'I use Windows10.', 'https://Intranet.example.com/A1b2c3', 'ana@Mesa1.test', 'hola', '\tat com.acme.vpn.Tunnel.open(Tunnel.java:42)', 'Error in Main::Run2 at step 3', 'rows[0] of Table1.Cell2.Value'])('keeps ordinary words and pasted code: %s', (text) => {
    expect(looksLikePassword(text)).toBe(false);
  });

  it('treats digits as a secret only while a self-service flow waits for a code', () => {
    const redact = selfServiceRedactor();
    const waiting = { ...initialState('en', 'default'), flow: { name: 'password-reset', data: { step: 'code', verificationId: 'v' } } };
    expect(redact('123 456', waiting)).toBe('secret');
    expect(redact('my code is 123456', waiting)).toBe('secret');
    expect(redact('cancel', waiting)).toBeNull();
    expect(redact('123456', initialState('en', 'default'))).toBeNull();
    expect(redact('Summer2024!', initialState('en', 'default'))).toBe('discard');
  });
});
