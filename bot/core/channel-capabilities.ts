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

/**
 * Fits a reply's choices to what its channel can show: beyond `maxButtons` the last ones are left out (a Teams
 * card shows at most six actions and drops the rest on its own, unannounced). Flows list their choices most
 * important first for this reason; whatever is left out can still be asked for in words.
 */
export function fitChoices<T extends { actions?: Array<{ id: string; label: string }> }>(message: T, capabilities: ChannelCapabilities): T {
  if (!message.actions || message.actions.length <= capabilities.maxButtons) return message;
  return { ...message, actions: message.actions.slice(0, capabilities.maxButtons) };
}
