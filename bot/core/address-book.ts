/**
 * Where a conversation lives on its platform: the platform's own key for it (a Teams conversation id, a Slack
 * team+channel, a WhatsApp chat id) and whatever the channel needs to write there later (a conversation
 * reference) or to recognise its client (the web chat's token hash).
 */
export interface ChannelAddress {
  channel: string;
  key: string;
  conversationId: string;
  /** Opaque to the core; the adapter stores and reads it (JSON-serialisable). */
  reference: unknown;
}

/**
 * Maps platform addresses to Mesa conversations, and keeps each push channel's delivery cursor: the newest
 * transcript entry handed to the platform. The transcript is the outbox: a reply committed with its turn is
 * delivered after a crash because it lies beyond the cursor.
 */
export interface AddressBook {
  /** The address with exactly this key on this channel (keys are the platform's, compared as given). */
  find(channel: string, key: string): Promise<ChannelAddress | null>;
  ofConversation(conversationId: string): Promise<ChannelAddress | null>;
  /**
   * Creates the address (its cursor starts before the conversation's first message) or updates its reference;
   * a saved address keeps its conversation and its cursor.
   */
  save(address: ChannelAddress): Promise<void>;
  /** Id of the newest message handed to the platform; '0' before the first. */
  deliveredThrough(conversationId: string): Promise<string>;
  /** Moves the cursor to this message, never back: deliveries finishing out of order leave the newest. */
  markDelivered(conversationId: string, messageId: string): Promise<void>;
  /** Conversations of these channels with bot, agent or system messages beyond their cursor (what a crash left unsent); user messages there do not count. */
  undelivered(channels: string[]): Promise<string[]>;
}
