import { useWidgetBrowser } from './helpers/widget-suite.js';
import { LANGUAGES, WidgetPage, widgetStrings, type Language } from './helpers/widget-page.js';

describe('web chat widget: keyboard, screen readers and languages', () => {
  const suite = useWidgetBrowser();

  async function loadDemo(language: Language): Promise<WidgetPage> {
    const context = await suite.newContext(language);
    const widget = new WidgetPage(await context.newPage(), widgetStrings(language));
    await widget.page.goto(suite.url);
    await widget.launcher.waitFor();
    return widget;
  }

  /** Presses Tab the way a keyboard user would until the launcher has focus. */
  async function tabToLauncher(widget: WidgetPage): Promise<void> {
    for (let presses = 0; presses < 30; presses += 1) {
      await widget.page.keyboard.press('Tab');
      if ((await widget.focusedPart()) === 'launcher') return;
    }
    throw new Error('the launcher is not reachable with Tab');
  }

  it('works with the keyboard alone: Tab to the launcher, Enter opens, Escape closes', async () => {
    const widget = await loadDemo('en');
    await tabToLauncher(widget);
    expect(await widget.launcher.getAttribute('aria-expanded')).toBe('false');

    await widget.page.keyboard.press('Enter');
    await widget.dialog.waitFor();
    expect(await widget.focusedPart()).toBe('input');
    expect(await widget.launcher.getAttribute('aria-expanded')).toBe('true');

    await widget.page.keyboard.press('Escape');
    await widget.dialog.waitFor({ state: 'hidden' });
    expect(await widget.focusedPart()).toBe('launcher');
    expect(await widget.launcher.getAttribute('aria-expanded')).toBe('false');
  });

  it('exposes a labelled dialog, a polite message log and a labelled input', async () => {
    const widget = await loadDemo('en');
    await widget.launcher.click();
    await widget.dialog.waitFor();

    expect(await widget.log.getAttribute('aria-live')).toBe('polite');
    expect(await widget.input.getAttribute('maxlength')).toBe('4000');
    expect(await widget.dialog.getByRole('button', { name: widget.strings.close, exact: true }).count()).toBe(1);
    expect(await widget.dialog.getByRole('button', { name: widget.strings.send, exact: true }).count()).toBe(1);
  });

  it('adds a new line with Shift+Enter and sends nothing blank', async () => {
    const widget = await loadDemo('en');
    await widget.launcher.click();
    await widget.input.waitFor();

    await widget.input.pressSequentially('first line');
    await widget.input.press('Shift+Enter');
    await widget.input.pressSequentially('second line');
    expect(await widget.input.inputValue()).toBe('first line\nsecond line');

    await widget.input.fill('   ');
    await widget.input.press('Enter');
    const sentId = await widget.sendAndWaitShown('hello');
    await widget.waitForReplyAfter(sentId);
    expect(await widget.messages('user').count()).toBe(1);
  });

  describe.each(LANGUAGES)('in %s', (language) => {
    it('shows the title, the input label and the launcher label from its widget strings', async () => {
      const widget = await loadDemo(language);
      const strings = widgetStrings(language);
      await widget.launcher.click();
      await widget.dialog.waitFor();

      expect(await widget.dialog.getByRole('heading', { level: 2 }).textContent()).toBe(strings.title);
      expect(await widget.input.count()).toBe(1);
      expect(await widget.input.getAttribute('placeholder')).toBe(strings.inputPlaceholder);
      expect(await widget.launcher.getAttribute('aria-label')).toBe(strings.launcherLabel);
    });
  });
});
