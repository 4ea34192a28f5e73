/** CONTRACT §2 shapes, as the widget reads them. */
export type Locale = 'zh-CN' | 'en';
type Role = 'customer' | 'bot' | 'agent' | 'system';
type Action = { title: string; value: string };
type Citation = { articleId: string; title: string; reviewed: string };
type HandoffState = 'queued' | 'accepted' | 'completed' | 'failed' | 'offline';
export type Handoff = { state: HandoffState; position?: number; agentName?: string };

export type Message = {
  id: string;
  role: Role;
  text: string;
  html: string;
  suggestedActions: Action[];
  citations: Citation[];
  handoff?: Handoff;
  createdAt: string;
};

/** What the widget knows about a message beyond the server's view of it. */
export type ShownMessage = Message & {
  /** A customer message not yet acknowledged, or given up on. */
  delivery?: 'sending' | 'failed';
  /** Part of the welcome: no feedback buttons. */
  welcome?: boolean;
  /** The customer's answer to "was this helpful?". */
  helpful?: boolean;
};

/** The conversation this browser is in. */
export type Session = { conversationId: string; token: string; expiresAt: string; locale: Locale };
