/** What a channel can show; flows and renderers adapt channel-neutral replies to it instead of switching on channel names. */
export interface ChannelCapabilities {
  /** Clickable buttons for actions (otherwise numbered choices the user answers by number or text). */
  buttons: boolean;
  /** The most choices one message may carry. */
  maxButtons: number;
  /** Rich cards for articles and tickets. */
  cards: boolean;
  typing: boolean;
  /** Messages can be edited after sending. */
  edits: boolean;
  /** Markdown (bold, lists, links) is shown formatted rather than as raw characters. */
  markdown: boolean;
}

/** What the web chat shows, and what a channel that declares nothing is assumed to show. */
export const RICH_CAPABILITIES: ChannelCapabilities = { buttons: true, maxButtons: 10, cards: true, typing: true, edits: false, markdown: true };
