import { randomUUID } from 'node:crypto';
import type { FakeBotConnector } from './fake-bot-connector.js';
import type { SeenReply } from './channel-harness.js';

/** One Teams user in a personal chat with the bot, as the Bot Connector addresses activities. */
export interface TeamsParty {
  conversationId: string;
  userId: string;
  aadObjectId: string;
  name: string;
  locale: string;
}

/** A message activity with the shape Teams posts to a bot's messaging endpoint. */
export function messageActivity(connector: FakeBotConnector, party: TeamsParty, appId: string, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: `1${Date.now()}${Math.floor(Math.random() * 1000)}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: party.userId, name: party.name, aadObjectId: party.aadObjectId },
    recipient: { id: `28:${appId}`, name: 'Mesa' },
    conversation: { id: party.conversationId, conversationType: 'personal', tenantId: 'tenant-fake' },
    channelData: { tenant: { id: 'tenant-fake' } },
    locale: party.locale,
    textFormat: 'plain',
    entities: [{ type: 'clientInfo', locale: party.locale, platform: 'Web' }],
    ...fields,
  };
}

/** Posts an activity to Mesa's messaging endpoint as the Bot Connector does (with its token unless told otherwise). */
export async function postActivity(mesaUrl: string, activity: unknown, authorization: string | null): Promise<Response> {
  return fetch(`${mesaUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
}

interface CardContent {
  body?: Array<{ type: string; text?: string; id?: string; facts?: Array<{ title: string; value: string }> }>;
  actions?: Array<{ type: string; title: string; data?: { mesaAction?: string } }>;
}

/** What the user sees of an activity Mesa sent: the text, the card's buttons, the ticket facts. */
export function seenReply(activity: Record<string, unknown>): SeenReply {
  const attachments = (activity.attachments ?? []) as Array<{ contentType: string; content: CardContent }>;
  const card = attachments.find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  if (!card) return { text: String(activity.text ?? ''), choices: [] };
  const facts = card.body?.find((element) => element.id === 'mesa-ticket')?.facts;
  return {
    text: card.body?.find((element) => element.type === 'TextBlock')?.text ?? '',
    choices: (card.actions ?? []).filter((action) => action.type === 'Action.Submit').map((action) => ({ id: action.data?.mesaAction ?? '', label: action.title })),
    ...(facts ? { ticket: { number: facts[0]!.value, status: facts[1]!.value } } : {}),
  };
}

/** A fresh user and personal chat; the fake roster learns them so TeamsInfo.getMember finds them. */
export function newParty(connector: FakeBotConnector, id: string, language: string): TeamsParty {
  const party = { conversationId: `a:1${id}-${randomUUID()}`, userId: `29:1${id}`, aadObjectId: randomUUID(), name: `User ${id}`, locale: `${language}-${language === 'en' ? 'US' : language.toUpperCase()}` };
  connector.members.set(party.userId, { id: party.userId, name: party.name, aadObjectId: party.aadObjectId, email: `${id}@example.com`, userPrincipalName: `${id}@example.com` });
  return party;
}
