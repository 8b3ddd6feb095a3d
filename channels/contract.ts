/** What a channel can show; renderers adapt channel-neutral replies to it instead of switching on channel names. */
export interface ChannelCapabilities {
  /** Clickable buttons for actions (otherwise numbered choices). */
  buttons: boolean;
  /** The most buttons one message may carry. */
  maxButtons: number;
  /** Rich cards for articles and tickets. */
  cards: boolean;
  typing: boolean;
  /** Messages can be edited after sending. */
  edits: boolean;
}

/** A channel adapter: turns native events into core messages and core replies into native ones. */
export interface ChannelAdapter {
  readonly name: string;
  readonly capabilities: ChannelCapabilities;
  /** Null when the channel is disabled, with the reason logged once. */
  start(): Promise<void>;
  stop(): Promise<void>;
}
