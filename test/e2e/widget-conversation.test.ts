import { useWidgetBrowser } from './helpers/widget-suite.js';
import { WidgetPage, widgetStrings, type Language } from './helpers/widget-page.js';

describe('web chat widget: a conversation in the browser', () => {
  const suite = useWidgetBrowser();

  async function openWidget(language: Language): Promise<WidgetPage> {
    const context = await suite.newContext(language);
    const widget = new WidgetPage(await context.newPage(), widgetStrings(language));
    await widget.open(suite.url);
    return widget;
  }

  it('shows my "hola" and a bot reply, with the chat in Spanish for a Spanish browser', async () => {
    const widget = await openWidget('es');
    const strings = widgetStrings('es');

    expect(await widget.input.getAttribute('placeholder')).toBe(strings.inputPlaceholder);
    expect(await widget.focusedPart()).toBe('input');
    const sentId = await widget.sendAndWaitShown('hola');
    const reply = await widget.waitForReplyAfter(sentId);

    expect(reply.trim()).not.toBe('');
    expect(await widget.bubblesWithText('user', 'hola').count()).toBe(1);
    expect(await widget.input.inputValue()).toBe('');
  });

  // Issue 17, item 6: a right-to-left override in a message reordered it, and what came after it, on screen.
  it('shows a message with bidi overrides without them, so it reads as typed', async () => {
    const widget = await openWidget('en');
    await widget.send('my file invoice\u202Efdp.exe\u2066 is \u2069gone');
    const bubble = widget.bubblesWithText('user', 'my file invoicefdp.exe is gone');
    await bubble.waitFor();
    expect(await bubble.evaluate((node) => node.textContent)).toBe('my file invoicefdp.exe is gone');
  });

  it('offers buttons; pressing one sends that choice and the bot answers it', async () => {
    const widget = await openWidget('en');
    const sentId = await widget.sendAndWaitShown('menu');
    await widget.waitForReplyAfter(sentId);
    const offer = widget.log.locator('.msg').filter({ has: widget.page.locator('button.action:enabled') }).last();
    await offer.waitFor();
    const offerId = (await offer.getAttribute('data-id')) ?? '';
    const button = widget.message(offerId).locator('button.action').first();
    const actionId = await button.getAttribute('data-action-id');

    const [posted] = await Promise.all([
      widget.page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/messages')),
      button.click(),
    ]);
    const reply = await widget.waitForReplyAfter(offerId);

    expect(posted.postDataJSON()).toEqual({ action: { id: actionId } });
    expect(reply.trim()).not.toBe('');
    expect(await widget.message(offerId).locator('button.action:enabled').count()).toBe(0);
  });

  it('keeps the conversation after a page reload, each message once, and carries on', async () => {
    const widget = await openWidget('en');
    const firstId = await widget.sendAndWaitShown('hello');
    await widget.waitForReplyAfter(firstId);
    const secondId = await widget.sendAndWaitShown('thanks');
    await widget.waitForReplyAfter(secondId);
    const before = await widget.shownIds();

    await widget.page.reload();
    await widget.launcher.click();
    await widget.message(before[before.length - 1] ?? '').waitFor();
    const after = await widget.shownIds();

    expect(after).toEqual(before);
    expect(new Set(after).size).toBe(after.length);
    expect(await widget.bubblesWithText('user', 'hello').count()).toBe(1);
    const thirdId = await widget.sendAndWaitShown('help');
    expect((await widget.waitForReplyAfter(thirdId)).trim()).not.toBe('');
    expect(await widget.bubblesWithText('user', 'hello').count()).toBe(1);
  });

  it('starts a new conversation when the one remembered from an earlier visit is no longer known', async () => {
    const widget = await openWidget('en');
    await widget.page.evaluate(`localStorage.setItem('mesa.session', JSON.stringify({ base: location.origin, sessionId: 'gone-session', token: 'stale-token' }))`);

    await widget.page.reload();
    await widget.launcher.click();
    const sentId = await widget.sendAndWaitShown('hello');

    expect((await widget.waitForReplyAfter(sentId)).trim()).not.toBe('');
    expect(await widget.page.evaluate(`JSON.parse(localStorage.getItem('mesa.session')).sessionId`)).not.toBe('gone-session');
  });

  it('shows HTML in a message as plain text and never runs it', async () => {
    const widget = await openWidget('en');
    const payload = '<img src=x onerror="window.__pwned=1">';

    const sentId = await widget.sendAndWaitShown(payload);
    await widget.waitForReplyAfter(sentId);

    expect(await widget.bubblesWithText('user', payload).count()).toBe(1);
    expect(await widget.log.locator('img').count()).toBe(0);
    expect(await widget.page.evaluate('window.__pwned')).toBeUndefined();
  });

  it('keeps my text and shows an error in my language when the message cannot be sent', async () => {
    const widget = await openWidget('it');
    await widget.page.route('**/api/chat/sessions/*/messages', (route) => (route.request().method() === 'POST' ? route.abort('connectionrefused') : route.fallback()));

    await widget.send('la stampante non funziona');
    const alert = widget.dialog.getByRole('alert');
    await alert.filter({ hasText: widget.strings.sendError }).waitFor();

    expect(await widget.input.inputValue()).toBe('la stampante non funziona');
    expect(await widget.messages('user').count()).toBe(0);
  });

  it('still chats when the push stream is unavailable, by long polling', async () => {
    const context = await suite.newContext('pt');
    await context.route('**/api/chat/sessions/*/stream*', (route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":{"code":"not_found","message":"no stream"}}' }));
    const widget = new WidgetPage(await context.newPage(), widgetStrings('pt'));
    await widget.open(suite.url);

    const sentId = await widget.sendAndWaitShown('olá');

    expect((await widget.waitForReplyAfter(sentId)).trim()).not.toBe('');
    expect(await widget.bubblesWithText('user', 'olá').count()).toBe(1);
  });
});
