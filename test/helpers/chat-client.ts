/** A small client of the public web chat API (design.md §4), as an integrator would write it. */
export interface ChatMessage {
  id: string;
  role: 'user' | 'bot' | 'agent' | 'system';
  text: string;
  locale: string;
  createdAt: string;
  actions?: Array<{ id: string; label: string }>;
  articles?: Array<{ id: string; title: string; language: string }>;
  ticket?: { number: string; status: string };
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

export class ChatSession {
  /** Id of the last message this client has read. */
  cursor: string | null = null;

  constructor(
    readonly baseUrl: string,
    readonly sessionId: string,
    readonly token: string,
  ) {}

  static async create(baseUrl: string, body: Record<string, unknown> = {}): Promise<ChatSession> {
    const response = await fetch(`${baseUrl}/api/chat/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`session not created: ${response.status} ${await response.text()}`);
    const { sessionId, token } = (await response.json()) as { sessionId: string; token: string };
    return new ChatSession(baseUrl, sessionId, token);
  }

  async post(body: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<{ id?: string; error?: { code: string; message: string } }>> {
    const response = await fetch(`${this.baseUrl}/api/chat/sessions/${this.sessionId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { id?: string; error?: { code: string; message: string } } };
  }

  async say(text: string): Promise<string> {
    const response = await this.post({ text });
    if (response.status !== 202 || !response.body.id) throw new Error(`message refused: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id;
  }

  async press(actionId: string): Promise<string> {
    const response = await this.post({ action: { id: actionId } });
    if (response.status !== 202 || !response.body.id) throw new Error(`action refused: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id;
  }

  async poll(after: string | null, waitMs: number): Promise<{ messages: ChatMessage[]; cursor: string }> {
    const query = new URLSearchParams({ waitMs: String(waitMs), ...(after ? { after } : {}) });
    const response = await fetch(`${this.baseUrl}/api/chat/sessions/${this.sessionId}/messages?${query}`, { headers: { authorization: `Bearer ${this.token}` } });
    if (response.status !== 200) throw new Error(`poll failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as { messages: ChatMessage[]; cursor: string };
  }

  /** Long-polls from the cursor until `count` bot messages have arrived; returns them. */
  async botReplies(count = 1, timeoutMs = 10_000): Promise<ChatMessage[]> {
    const deadline = Date.now() + timeoutMs;
    const replies: ChatMessage[] = [];
    while (replies.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`waited ${timeoutMs} ms for ${count} bot replies, got ${replies.length}`);
      const page = await this.poll(this.cursor, Math.min(left, 5000));
      this.cursor = page.cursor;
      replies.push(...page.messages.filter((message) => message.role === 'bot' || message.role === 'agent'));
    }
    return replies;
  }

  /** Says something and returns the bot's first reply to it. */
  async ask(text: string): Promise<ChatMessage> {
    this.cursor = await this.say(text);
    const [reply] = await this.botReplies(1);
    return reply!;
  }

  async history(): Promise<ChatMessage[]> {
    return (await this.poll(null, 0)).messages;
  }
}
