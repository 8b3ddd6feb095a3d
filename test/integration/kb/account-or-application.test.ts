import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import { importDirectory } from '../../../kb/import/import-directory.js';
import { SqliteArticleRepository } from '../../../kb/storage/sqlite-article-repository.js';
import { ChatSession, type ChatMessage } from '../../helpers/chat-client.js';
import { startInProcess, type InProcessMesa } from '../../helpers/in-process-mesa.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

// An article a desk would write for its own ERP; the starter KB has none, so routing cannot have been tuned to it.
const SAP_ARTICLE = `---
id: sap-user-locked
language: en
title: SAP says my user is locked
category: accounts
tags: [sap, erp, user locked, sap gui, sap password]
---
SAP locks its own user after too many wrong passwords; your Windows account is not affected.

1. Wait 15 minutes: SAP unlocks the user by itself overnight or after the lock period.
2. Use "Forgot SAP password" on the SAP logon screen to set a new SAP password.
3. If it is still locked, ask your key user to unlock it in transaction SU01.
`;

/** Issue 13, item 4: the company account's reset goes to the password flow; an application's own article comes first. */
describe('directory password or application password, through the web chat API', () => {
  let mesa: InProcessMesa;

  beforeAll(async () => {
    const articles = mkdtempSync(join(tmpdir(), 'mesa-kb-sap-'));
    cpSync(resolve('kb/starter'), articles, { recursive: true });
    mkdirSync(join(articles, 'en'), { recursive: true });
    writeFileSync(join(articles, 'en', 'sap-user-locked.md'), SAP_ARTICLE);
    const dataDir = freshDataDir('mesa-kb-sap-data-');
    const db = openDatabase(dataDir);
    const report = await importDirectory(articles, new SqliteArticleRepository(db), { author: 'test', at: new Date('2026-12-04T10:00:00Z') });
    db.close();
    expect(report.failed).toEqual([]);
    mesa = await startInProcess({ DATA_DIR: dataDir, MESA_STARTER_KB: 'off' });
  }, 120_000);

  afterAll(async () => {
    await mesa?.stop();
  });

  async function firstReply(message: { text: string } | { action: string }): Promise<ChatMessage> {
    const chat = await ChatSession.create(mesa.url, { locale: 'en' });
    if ('text' in message) return chat.ask(message.text);
    // A button must have been offered before it can be pressed: the menu offers this one.
    const menu = await chat.ask('menu');
    expect(menu.actions?.map((action) => action.id)).toContain(message.action);
    chat.cursor = await chat.press(message.action);
    return (await chat.botReplies(1))[0]!;
  }

  it.each(['the ERP says my user is locked', 'my SAP user is locked', 'unlock my SAP user please'])('"%s" offers the SAP article first, with the account unlock one press away', async (text) => {
    const reply = await firstReply({ text });
    expect(reply.articles?.[0]?.id).toBe('sap-user-locked');
    expect(reply.actions?.map((action) => action.id)).toContain('intent.unlock_account');
  });

  it.each(['reset my password', 'I forgot my password, please reset it'])('"%s" starts the same password flow as the menu button', async (text) => {
    const [typed, pressed] = await Promise.all([firstReply({ text }), firstReply({ action: 'intent.reset_password' })]);
    expect(typed.articles ?? []).toEqual([]);
    expect(typed.text).toBe(pressed.text);
  });

  it('"my password expired, how do I change it" offers the article for it, with the reset flow as a choice', async () => {
    const reply = await firstReply({ text: 'my password expired, how do I change it' });
    expect(reply.articles?.[0]?.id).toBe('password-expired-change');
    expect(reply.actions?.map((action) => action.id)).toContain('intent.reset_password');
  });
});
