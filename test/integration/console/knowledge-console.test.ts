import { ChatSession } from '../../helpers/chat-client.js';
import { ConsoleClient } from '../../helpers/console-client.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';

const ADMIN = { email: 'admin@example.com', password: 'admin password 123' };
const KM = { email: 'km@example.com', password: 'km password 1234' };

interface Summary {
  id: string;
  variants: Array<{ language: string; status: string; title: string }>;
  missingLanguages: string[];
}
interface Variant {
  language: string;
  status: string;
  title: string;
  version: number;
  nextStatuses: string[];
}

describe('the knowledge managers console API', () => {
  let mesa: InProcessMesa;
  let km: ConsoleClient;
  let admin: ConsoleClient;

  beforeAll(async () => {
    mesa = await startInProcess({ MESA_STARTER_KB: 'on', MESA_ADMIN_EMAIL: ADMIN.email, MESA_ADMIN_PASSWORD: ADMIN.password });
    admin = await ConsoleClient.signedIn(mesa.url, ADMIN.email, ADMIN.password);
    await admin.call('POST', '/staff', { email: KM.email, name: 'Kim', roles: ['knowledge_manager'], password: KM.password });
    km = await ConsoleClient.signedIn(mesa.url, KM.email, KM.password);
  });
  afterAll(() => mesa.stop());

  it('lists one row per article with its languages, and finds by words in any language', async () => {
    const all = await km.call<{ articles: Summary[] }>('GET', '/kb/articles');
    expect(all.status).toBe(200);
    expect(all.body.articles.length).toBeGreaterThanOrEqual(28);
    const vpn = all.body.articles.find((row) => row.id === 'vpn-cannot-connect')!;
    expect(vpn.variants.map((v) => v.language).sort()).toEqual(['en', 'es', 'it', 'pt']);
    expect(vpn.missingLanguages).toEqual([]);

    const found = await km.call<{ articles: Summary[] }>('GET', '/kb/articles?q=vpn');
    expect(found.body.articles.map((row) => row.id)).toContain('vpn-cannot-connect');
    expect(found.body.articles.length).toBeLessThan(5);
    const spanish = await km.call<{ articles: Summary[] }>('GET', `/kb/articles?q=${encodeURIComponent('impresora')}`);
    expect(spanish.body.articles.map((row) => row.id)).toEqual(expect.arrayContaining(['printer-not-printing']));
  });

  it('filters by status and language, and shows missing languages', async () => {
    const saved = await km.call('PUT', '/kb/articles/only-english/en', { title: 'Only in English', body: 'Text.\n\n1. One\n2. Two', category: 'misc', tags: ['x'] });
    expect(saved.status).toBe(201);
    const drafts = await km.call<{ articles: Summary[] }>('GET', '/kb/articles?status=draft');
    expect(drafts.body.articles.map((row) => row.id)).toEqual(['only-english']);
    expect(drafts.body.articles[0]!.missingLanguages).toEqual(['es', 'pt', 'it']);
    const italianDrafts = await km.call<{ articles: Summary[] }>('GET', '/kb/articles?status=draft&language=it');
    expect(italianDrafts.body.articles).toEqual([]);
    const bad = await km.call('GET', '/kb/articles?status=lost');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('shows an article with all its variants and its metrics', async () => {
    const response = await km.call<{ variants: Variant[]; metrics: Record<string, number>; missingLanguages: string[] }>('GET', '/kb/articles/vpn-cannot-connect');
    expect(response.status).toBe(200);
    expect(response.body.variants).toHaveLength(4);
    expect(response.body.metrics).toEqual({ offered: 0, opened: 0, solved: 0, not_solved: 0, helpful: 0, not_helpful: 0 });
    expect((await km.call('GET', '/kb/articles/no-such-article')).status).toBe(404);
  });

  it('an edit of a published variant becomes a new draft version in the history, then goes through review to published', async () => {
    const before = await km.call<{ versions: Array<{ version: number; status: string }> }>('GET', '/kb/articles/vpn-cannot-connect/es/history');
    const edited = await km.call<{ variant: Variant }>('PUT', '/kb/articles/vpn-cannot-connect/es', {
      title: 'La VPN no conecta',
      body: 'Si la VPN no conecta:\n\n1. Reinicia GlobalProtect.\n2. Comprueba la red.\n3. Vuelve a probar.',
      category: 'network',
      tags: ['vpn'],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.variant).toMatchObject({ status: 'draft', title: 'La VPN no conecta', nextStatuses: ['in_review'] });

    expect((await km.call('POST', '/kb/articles/vpn-cannot-connect/es/status', { status: 'in_review' })).body).toMatchObject({ variant: { status: 'in_review' } });
    expect((await km.call('POST', '/kb/articles/vpn-cannot-connect/es/status', { status: 'published' })).body).toMatchObject({ variant: { status: 'published' } });

    const history = await km.call<{ versions: Array<{ version: number; status: string; author: string; title: string }> }>('GET', '/kb/articles/vpn-cannot-connect/es/history');
    expect(history.body.versions.length).toBe(before.body.versions.length + 3);
    expect(history.body.versions.slice(0, 3).map((v) => v.status)).toEqual(['published', 'in_review', 'draft']);
    expect(history.body.versions[2]).toMatchObject({ author: KM.email, title: 'La VPN no conecta' });
  });

  it('refuses illegal transitions with 409 and a message saying what is allowed', async () => {
    const response = await km.call('POST', '/kb/articles/wifi-cannot-connect/en/status', { status: 'draft' });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({ error: { code: 'illegal_transition', message: 'An article in "published" cannot move to "draft". Allowed from "published": retired.' } });
    expect((await km.call('POST', '/kb/articles/wifi-cannot-connect/en/status', { status: 'retired' })).status).toBe(200);
    expect((await km.call('POST', '/kb/articles/wifi-cannot-connect/en/status', { status: 'published' })).status).toBe(409);
    expect((await km.call('POST', '/kb/articles/wifi-cannot-connect/en/status', { status: 'draft' })).status).toBe(200);
    expect((await km.call('POST', '/kb/articles/wifi-cannot-connect/en/status', { status: 'gone' })).status).toBe(400);
    expect((await km.call('POST', '/kb/articles/nothing-here/en/status', { status: 'in_review' })).status).toBe(404);
  });

  it('only an admin may publish an edit directly; a knowledge manager asking to gets a draft', async () => {
    const content = { title: 'Printer jam', body: '1. Open the tray.\n2. Pull the paper.', category: 'printing', tags: ['printer'], publish: true };
    expect((await km.call('PUT', '/kb/articles/printer-paper-jam/en', content)).body).toMatchObject({ variant: { status: 'draft' } });
    expect((await admin.call('PUT', '/kb/articles/printer-paper-jam/en', { ...content, title: 'Paper jam' })).body).toMatchObject({ variant: { status: 'published' } });
  });

  it('the bot stops giving an answer it gave before, once an edit or a retirement in the console has reached search', async () => {
    const question = 'my teams camera is not working';
    const offered = async () => (await (await ChatSession.create(mesa.url, { locale: 'en' })).ask(question)).articles?.map((article) => article.title) ?? [];
    const searched = async () => ((await (await fetch(`${mesa.url}/api/kb/search?q=${encodeURIComponent(question)}&lang=en`)).json()) as { hits: Array<{ title: string }> }).hits.map((hit) => hit.title);
    // The index follows the database through the outbox, within about a second: poll for it with a deadline.
    const untilSearch = async (done: (titles: string[]) => boolean): Promise<string[]> => {
      const deadline = Date.now() + 15_000;
      let titles = await searched();
      while (!done(titles) && Date.now() < deadline) titles = await searched();
      return titles;
    };
    expect(await offered()).toEqual(["My camera doesn't work in Teams"]);

    const content = { title: 'Teams shows no camera picture', body: 'Black square instead of your video.\n\n1. Open the camera shutter.\n2. Pick the camera in Teams settings.', category: 'collaboration', tags: ['camera', 'teams', 'webcam'], publish: true };
    expect((await admin.call('PUT', '/kb/articles/teams-camera-not-working/en', content)).status).toBe(200);
    expect(await untilSearch((titles) => titles.includes(content.title))).toEqual([content.title]);
    expect(await offered()).toEqual([content.title]);

    expect((await admin.call('POST', '/kb/articles/teams-camera-not-working/en/status', { status: 'retired' })).status).toBe(200);
    expect(await untilSearch((titles) => !titles.includes(content.title))).not.toContain(content.title);
    expect(await offered()).not.toContain(content.title);
  });

  it('validates edits: a bad id, language or body is 400 in the error shape', async () => {
    const good = { title: 'T', body: 'B', category: 'c', tags: [] };
    expect((await km.call('PUT', '/kb/articles/Bad%20Id/en', good)).body).toMatchObject({ error: { code: 'invalid_request' } });
    expect((await km.call('PUT', '/kb/articles/ok-id/fr', good)).status).toBe(400);
    const noTitle = await km.call('PUT', '/kb/articles/ok-id/en', { ...good, title: '' });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body).toEqual({ error: { code: 'invalid_request', message: expect.stringContaining('title') } });
  });

  it('reports questions asked in the chat that found nothing, grouped, by language', async () => {
    const chat = await ChatSession.create(mesa.url, { locale: 'en' });
    await chat.ask('my hoverboard charger is broken');
    const gaps = await km.call<{ gaps: Array<{ language: string; count: number; examples: string[] }> }>('GET', '/kb/gaps?language=en');
    expect(gaps.status).toBe(200);
    expect(gaps.body.gaps).toEqual(expect.arrayContaining([expect.objectContaining({ language: 'en', count: 1, examples: ['my hoverboard charger is broken'] })]));
    expect((await km.call<{ gaps: unknown[] }>('GET', '/kb/gaps?language=it')).body.gaps).toEqual([]);
  });
});
