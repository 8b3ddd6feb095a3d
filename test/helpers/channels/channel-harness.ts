import type { ChannelPlugin } from '../../../channels/contract.js';
import type { InProcessMesa } from '../in-process-mesa.js';

/** A reply as the user sees it in their channel, whatever the native rendering (card, blocks, numbered list). */
export interface SeenReply {
  text: string;
  /** The choices the user can take (buttons, card actions, numbered options), in order. */
  choices: Array<{ id: string; label: string }>;
  ticket?: { number: string; status: string };
}

/** One employee talking to Mesa in one channel. */
export interface ChannelUser {
  say(text: string): Promise<void>;
  /** Takes a choice the way the channel offers it: a button press, a card submit, or typing its number. */
  choose(choice: { id: string; label: string }): Promise<void>;
  /** Waits for the next reply that matches (replies before it are passed over). */
  next(test?: (reply: SeenReply) => boolean, timeoutMs?: number): Promise<SeenReply>;
}

/**
 * How the conformance suite drives one channel: `setUp` starts the channel's platform fake (if any) and says
 * how Mesa must be configured to use it; `attach` is called once Mesa listens.
 */
export interface ChannelHarness {
  readonly channel: string;
  setUp(): Promise<{ env: Record<string, string>; extraChannels?: ChannelPlugin[] }>;
  attach(mesa: InProcessMesa): Promise<void>;
  newUser(id: string, language: string): Promise<ChannelUser>;
  tearDown(): Promise<void>;
}
