import { ConsoleClient } from './console-client.js';
import type { ChatMessage, ChatSession } from './chat-client.js';

export const ADMIN = { email: 'admin@example.com', password: 'admin-password-123' };

export interface StaffMember {
  email: string;
  name: string;
  roles: string[];
}

/** Creates a staff account through the admin API and returns a console client signed in as that person. */
export async function signedInStaff(baseUrl: string, admin: ConsoleClient, member: StaffMember): Promise<ConsoleClient> {
  const password = `${member.email}-password-123`;
  const created = await admin.call('POST', '/staff', { ...member, password });
  if (created.status !== 201) throw new Error(`staff not created: ${created.status} ${JSON.stringify(created.body)}`);
  return ConsoleClient.signedIn(baseUrl, member.email, password);
}

/** Reads the chat until a bot or agent message matching `test` arrives; returns it. */
export async function nextMatching(chat: ChatSession, test: (message: ChatMessage) => boolean, timeoutMs = 10_000): Promise<ChatMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error('the expected message never arrived');
    const page = await chat.poll(chat.cursor, Math.min(left, 5000));
    for (const message of page.messages) {
      chat.cursor = message.id;
      if (message.role !== 'user' && test(message)) return message;
    }
    chat.cursor = page.cursor;
  }
}

/** Answers the bot's escalation questions with its first choice until it names a ticket. */
export async function answerUntilTicket(chat: ChatSession, reply: ChatMessage): Promise<ChatMessage> {
  let current = reply;
  for (let question = 0; !current.ticket; question++) {
    const choice = current.actions?.[0];
    if (!choice || question > 5) throw new Error(`the bot neither asked nor opened a ticket: ${current.text}`);
    chat.cursor = await chat.press(choice.id);
    current = await nextMatching(chat, () => true);
  }
  return current;
}
