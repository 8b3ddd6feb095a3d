import type { CompletedTurn, ConversationRecord, ConversationRepository, PendingTurn, UserProfile, UserRecord } from '../../core/conversation-repository.js';
import type { ConversationState } from '../../core/conversation-state.js';
import type { Action, StoredMessage } from '../../core/messages.js';
import { extrasColumn, extrasOf, storedReply, toMessage, toUser, type ConversationRow, type MessageRow, type UserRow } from './conversation-rows.js';
import { botMigrations } from './bot-migrations.js';
import { migrate } from './migrate.js';
import { RecentMessages } from './recent-messages.js';
import { TurnQueue } from './turn-queue.js';
import { RecentlyUsed } from '../../core/recently-used.js';
import type { SqliteDatabase } from './open-database.js';
import { tickWriterFor, type TickWriter } from './tick-writer.js';

const RECENT_CONVERSATIONS = 20_000;

type AcceptInput = Parameters<ConversationRepository['acceptUserMessage']>[0];
type AppendInput = Parameters<ConversationRepository['appendMessages']>[0];

/** The conversation store on the embedded SQLite database. */
export class SqliteConversationRepository implements ConversationRepository {
  private readonly statements;
  private readonly recent = new RecentlyUsed<string, ConversationRecord>(RECENT_CONVERSATIONS);
  /** The button labels stored per conversation: most turns offer the same menu again, which then costs no query. */
  private readonly offeredLabels = new RecentlyUsed<string, Map<string, string>>(RECENT_CONVERSATIONS);
  private readonly recentMessages = new RecentMessages();
  private readonly turnQueue: TurnQueue;
  private readonly writer: TickWriter;
  // Built once: better-sqlite3 wraps each transaction function in several helpers, too costly per call.
  private readonly appendTransaction: (input: AppendInput) => StoredMessage[];

  constructor(private readonly db: SqliteDatabase) {
    migrate(db, 'bot', botMigrations);
    this.writer = tickWriterFor(db);
    this.statements = {
      upsertUser: db.prepare(`INSERT INTO users (id, channel, external_id, name, email, verified, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (channel, external_id) DO UPDATE SET name = COALESCE(excluded.name, name), email = COALESCE(excluded.email, email),
          verified = COALESCE(excluded.verified, verified)`),
      findUser: db.prepare('SELECT * FROM users WHERE channel = ? AND external_id = ?'),
      findUserById: db.prepare('SELECT * FROM users WHERE id = ?'),
      setUserLanguage: db.prepare('UPDATE users SET language = ? WHERE id = ?'),
      // token_hash is no longer written: a channel's own secrets live with its address (channel_addresses).
      insertConversation: db.prepare('INSERT INTO conversations (id, channel, user_id, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
      findConversation: db.prepare('SELECT * FROM conversations WHERE id = ?'),
      unused: db.prepare(`SELECT id, user_id FROM conversations c WHERE channel = ? AND created_at < ?
        AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id) LIMIT CAST(? AS INTEGER)`),
      deleteConversation: db.prepare('DELETE FROM conversations WHERE id = ? AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = ?)'),
      // Only the users made up for one anonymous session; a named user keeps their remembered language.
      deleteAnonymousUser: db.prepare(`DELETE FROM users WHERE id = ? AND external_id LIKE 'anonymous-%'
        AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.user_id = users.id)`),
      updateState: db.prepare('UPDATE conversations SET state = ?, updated_at = ? WHERE id = ?'),
      insertMessage: db.prepare('INSERT INTO messages (conversation_id, role, text, locale, extras, action_id, turn_status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      insertMessageOnce: db.prepare(`INSERT INTO messages (conversation_id, role, text, locale, extras, action_id, turn_status, created_at, dedupe_key)
        VALUES (?, ?, ?, ?, NULL, ?, 'pending', ?, ?) ON CONFLICT DO NOTHING`),
      finishTurn: db.prepare("UPDATE messages SET turn_status = 'done' WHERE id = ? AND turn_status = 'pending'"),
      appendMessage: db.prepare('INSERT INTO messages (conversation_id, role, text, locale, extras, action_id, turn_status, created_at, dedupe_key) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?) ON CONFLICT DO NOTHING'),
      // LIMIT takes its value through CAST throughout Mesa: with a bare `LIMIT ?` SQLite 3.53 plans the statement
      // again on every run (~30 µs, more than the query itself).
      after: db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND id > ? ORDER BY id LIMIT CAST(? AS INTEGER)'),
      // The same menu is offered on most turns: leave unchanged rows untouched so they cost no WAL writes.
      offerAction: db.prepare('INSERT INTO offered_actions (conversation_id, action_id, label) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET label = excluded.label WHERE label <> excluded.label'),
      findAction: db.prepare('SELECT action_id AS id, label FROM offered_actions WHERE conversation_id = ? AND action_id = ?'),
    };
    // In the partial index's order (by conversation, then id), so start-up reads the queue, not the whole transcript table.
    const pendingRows = db.prepare("SELECT * FROM messages WHERE turn_status = 'pending' ORDER BY conversation_id, id").all() as MessageRow[];
    this.turnQueue = new TurnQueue(pendingRows.map((row) => ({ message: toMessage(row), actionId: row.action_id })));
    this.appendTransaction = db.transaction((input: AppendInput) => this.writeAppend(input));
  }

  // Through the tick writer like every other write, so that the WAL checkpointer can hold it when the WAL is
  // large: unauthenticated session creation must not be a way around that bound.
  upsertUser(channel: string, profile: UserProfile): Promise<UserRecord> {
    const verified = profile.verified ? JSON.stringify(profile.verified) : null;
    return this.writer.submit({
      write: () => {
        this.statements.upsertUser.run(`${channel}:${profile.externalId}`, channel, profile.externalId, profile.name ?? null, profile.email ?? null, verified, new Date().toISOString());
        return toUser(this.statements.findUser.get(channel, profile.externalId) as UserRow);
      },
      durable: false,
    });
  }

  async findUser(userId: string): Promise<UserRecord | null> {
    const row = this.statements.findUserById.get(userId) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  /** Not flushed: a session lost to a power cut is answered 404, and the widget starts a new one. */
  async createConversation(input: { id: string; channel: string; userId: string; state: ConversationState; at: Date }): Promise<ConversationRecord> {
    const at = input.at.toISOString();
    await this.writer.submit({
      write: () => this.statements.insertConversation.run(input.id, input.channel, input.userId, JSON.stringify(input.state), at, at),
      committed: () => this.recentMessages.startEmpty(input.id),
      durable: false,
    });
    return this.remember({ id: input.id, channel: input.channel, userId: input.userId, state: input.state, createdAt: input.at });
  }

  forgetUnusedConversations(input: { channel: string; createdBefore: Date; limit: number }): Promise<number> {
    return this.writer.submit({
      write: () => {
        const unused = this.statements.unused.all(input.channel, input.createdBefore.toISOString(), input.limit) as Array<{ id: string; user_id: string }>;
        const gone: string[] = [];
        for (const row of unused) {
          // Checked again in the statement: a message accepted in the meantime keeps its conversation.
          if (this.statements.deleteConversation.run(row.id, row.id).changes === 0) continue;
          this.statements.deleteAnonymousUser.run(row.user_id);
          gone.push(row.id);
        }
        return gone;
      },
      committed: (gone) => {
        for (const id of gone) {
          this.recent.delete(id);
          this.recentMessages.forget(id);
        }
      },
      durable: false,
    }).then((gone) => gone.length);
  }

  async findConversation(id: string): Promise<ConversationRecord | null> {
    const cached = this.recent.get(id);
    if (cached) return cached;
    const row = this.statements.findConversation.get(id) as ConversationRow | undefined;
    if (!row) return null;
    return this.remember({
      id: row.id,
      channel: row.channel,
      userId: row.user_id,
      state: JSON.parse(row.state) as ConversationState,
      createdAt: new Date(row.created_at),
    });
  }

  /** Every turn reads its conversation two or three times; active ones are kept in memory. */
  private remember(record: ConversationRecord): ConversationRecord {
    this.recent.set(record.id, record);
    return record;
  }

  /** The 202 waits for the WAL flush; messages accepted in the same tick share the transaction and the flush. */
  acceptUserMessage(input: AcceptInput): Promise<StoredMessage> {
    return this.accept(input) as Promise<StoredMessage>;
  }

  acceptUserMessageOnce(input: AcceptInput & { dedupeKey: string }): Promise<StoredMessage | null> {
    return this.accept(input);
  }

  private accept(input: AcceptInput & { dedupeKey?: string }): Promise<StoredMessage | null> {
    return this.writer.submit({
      write: (): StoredMessage | null => {
        const at = input.at.toISOString();
        const result = input.dedupeKey
          ? this.statements.insertMessageOnce.run(input.conversationId, 'user', input.text, input.locale, input.actionId, at, input.dedupeKey)
          : this.statements.insertMessage.run(input.conversationId, 'user', input.text, input.locale, null, input.actionId, 'pending', at);
        if (result.changes === 0) return null;
        return { id: String(result.lastInsertRowid), conversationId: input.conversationId, role: 'user', text: input.text, locale: input.locale, createdAt: input.at };
      },
      committed: (message) => {
        if (!message) return;
        this.recentMessages.committed(message.conversationId, [message]);
        this.turnQueue.add({ message, actionId: input.actionId });
      },
      durable: true,
    });
  }

  async pendingTurns(conversationId: string): Promise<PendingTurn[]> {
    return this.turnQueue.of(conversationId);
  }

  async conversationsWithPendingTurns(): Promise<string[]> {
    return this.turnQueue.conversations();
  }

  /** Not flushed: a turn lost to a power cut leaves its message pending, and it is answered again. */
  completeTurn(turn: CompletedTurn): Promise<StoredMessage[]> {
    return this.writer.submit({
      write: () => this.writeTurn(turn),
      committed: (stored) => {
        this.committed(turn.conversationId, stored);
        if (turn.inboundId !== null) this.turnQueue.finish(turn.conversationId, turn.inboundId);
        const cached = this.recent.get(turn.conversationId);
        if (cached) this.recent.set(turn.conversationId, { ...cached, state: turn.state });
      },
      durable: false,
    });
  }

  private writeTurn(turn: CompletedTurn): StoredMessage[] {
    const at = turn.at.toISOString();
    const stored: StoredMessage[] = [];
    for (const reply of turn.replies) {
      const extras = extrasOf(reply);
      const result = this.statements.insertMessage.run(turn.conversationId, reply.role, reply.text, reply.locale, extrasColumn(extras), null, null, at);
      this.offer(turn.conversationId, reply.actions);
      stored.push(storedReply(reply, extras, result.lastInsertRowid, turn.conversationId, turn.at));
    }
    this.statements.updateState.run(JSON.stringify(turn.state), at, turn.conversationId);
    if (turn.inboundId !== null) this.statements.finishTurn.run(Number(turn.inboundId));
    if (turn.userLanguage) {
      const conversation = this.statements.findConversation.get(turn.conversationId) as ConversationRow;
      this.statements.setUserLanguage.run(turn.userLanguage, conversation.user_id);
    }
    return stored;
  }

  async appendMessages(input: AppendInput): Promise<StoredMessage[]> {
    const stored = this.appendTransaction(input);
    // Nothing back means a repeated delivery, which may still have stored part of itself the first time round.
    if (stored.length === input.replies.length) this.committed(input.conversationId, stored);
    else this.recentMessages.forget(input.conversationId);
    return stored;
  }

  // Inside a transaction: a button whose label is stored already is left alone.
  private offer(conversationId: string, actions: Action[] | undefined): void {
    const stored = this.offeredLabels.get(conversationId);
    for (const action of actions ?? []) {
      if (stored?.get(action.id) !== action.label) this.statements.offerAction.run(conversationId, action.id, action.label);
    }
  }

  // After the commit only, so that memory never holds what a rolled-back transaction did not store.
  private committed(conversationId: string, stored: StoredMessage[]): void {
    this.recentMessages.committed(conversationId, stored);
    const offered = stored.flatMap((message) => message.actions ?? []);
    if (offered.length === 0) return;
    const labels = this.offeredLabels.get(conversationId) ?? new Map<string, string>();
    for (const action of offered) labels.set(action.id, action.label);
    this.offeredLabels.set(conversationId, labels);
  }

  durable(): Promise<void> {
    return this.writer.flush();
  }

  private writeAppend(input: AppendInput): StoredMessage[] {
    const at = input.at.toISOString();
    const stored: StoredMessage[] = [];
    for (const [index, reply] of input.replies.entries()) {
      const key = input.dedupeKey === null ? null : `${input.dedupeKey}#${index}`;
      const extras = extrasOf(reply);
      const result = this.statements.appendMessage.run(input.conversationId, reply.role, reply.text, reply.locale, extrasColumn(extras), at, key);
      // A key seen before means this delivery already happened: nothing of it is stored twice.
      if (result.changes === 0) return [];
      this.offer(input.conversationId, reply.actions);
      stored.push(storedReply(reply, extras, result.lastInsertRowid, input.conversationId, input.at));
    }
    return stored;
  }

  async messagesAfter(conversationId: string, afterId: string | null, limit: number): Promise<StoredMessage[]> {
    const after = afterId === null ? 0 : Number(afterId);
    const recent = this.recentMessages.after(conversationId, after, limit);
    if (recent) return recent;
    const messages = (this.statements.after.all(conversationId, after, limit) as MessageRow[]).map(toMessage);
    if (messages.length < limit) this.recentMessages.read(conversationId, after, messages);
    return messages;
  }

  async findOfferedAction(conversationId: string, actionId: string): Promise<Action | null> {
    const label = this.offeredLabels.get(conversationId)?.get(actionId);
    if (label !== undefined) return { id: actionId, label };
    return (this.statements.findAction.get(conversationId, actionId) as Action | undefined) ?? null;
  }

  async close(): Promise<void> {
    await this.writer.close();
    if (this.db.open) this.db.close();
  }
}
