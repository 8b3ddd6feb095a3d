import type { FlowContext } from './flow.js';

/**
 * Sits in front of every flow: while people own the conversation (a ticket waiting in a queue or an analyst
 * chatting live), user messages are theirs and the bot must not answer them.
 */
export interface HandoffGate {
  /** True when the gate took the message (the bot stays silent unless the gate itself said something). */
  intercept(context: FlowContext): Promise<boolean>;
}
