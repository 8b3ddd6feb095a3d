// The reset page's behaviour: ticks the policy's rules as the user types (the server decides, so the page
// and the API never disagree) and submits once. Loaded from Mesa itself under a strict CSP.

interface Strings {
  checking: string;
  failed: string;
}

const form = document.getElementById('reset-form') as HTMLFormElement | null;
const statusLine = document.getElementById('status') as HTMLElement;

if (form) {
  const token = form.dataset.token ?? '';
  const password = document.getElementById('password') as HTMLInputElement;
  const confirm = document.getElementById('confirm') as HTMLInputElement;
  const submit = document.getElementById('submit') as HTMLButtonElement;
  const strings = JSON.parse(document.getElementById('reset-strings')?.textContent ?? '{}') as Strings;
  const rules = Array.from(document.querySelectorAll<HTMLLIElement>('#rules li'));
  let broken = new Set<string>(['too_short']);
  let checkTimer: number | undefined;
  let sequence = 0;

  const render = (): void => {
    const mismatch = confirm.value.length > 0 && confirm.value !== password.value;
    for (const rule of rules) {
      const id = rule.dataset.rule ?? '';
      const failing = id === 'mismatch' ? mismatch || confirm.value.length === 0 : broken.has(id);
      rule.className = failing ? 'failing' : 'passing';
    }
  };

  const check = async (): Promise<void> => {
    const mine = ++sequence;
    const response = await fetch(`/api/reset/${encodeURIComponent(token)}/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: password.value || ' ' }) });
    if (mine !== sequence) return;
    const body = (await response.json()) as { violations?: string[]; error?: { message: string } };
    if (!response.ok) {
      statusLine.textContent = body.error?.message ?? strings.failed;
      return;
    }
    broken = new Set(body.violations ?? []);
    render();
  };

  password.addEventListener('input', () => {
    window.clearTimeout(checkTimer);
    checkTimer = window.setTimeout(() => void check().catch(() => (statusLine.textContent = strings.failed)), 200);
    render();
  });
  confirm.addEventListener('input', render);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (password.value !== confirm.value) {
      render();
      return;
    }
    submit.disabled = true;
    statusLine.textContent = strings.checking;
    fetch(`/api/reset/${encodeURIComponent(token)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: password.value }) })
      .then(async (response) => {
        const body = (await response.json()) as { message?: string; error?: { message: string } };
        statusLine.textContent = body.message ?? body.error?.message ?? strings.failed;
        if (response.ok) form.remove();
        else submit.disabled = false;
      })
      .catch(() => {
        statusLine.textContent = strings.failed;
        submit.disabled = false;
      });
  });
  render();
}
