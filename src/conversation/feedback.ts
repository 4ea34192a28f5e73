export type Feedback = {
  conversationId: string;
  messageId: string;
  helpful: boolean;
  comment?: string;
  createdAt: string;
};

/** "Helpful / not helpful" on answers. */
export interface FeedbackStore {
  add(feedback: Feedback): Promise<void>;
  list(conversationId: string): Promise<Feedback[]>;
}
