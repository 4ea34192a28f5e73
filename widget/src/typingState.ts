const AGENT_TYPING_MS = 6000;

export type Typist = 'bot' | 'agent' | undefined;

/**
 * Who is typing: the bot while one of the customer's turns is in flight, an agent for a few
 * seconds after the stream said so (or until the agent's message arrives).
 */
export class TypingState {
  private inFlight = 0;
  private agentUntil = 0;

  constructor(private readonly show: (who: Typist) => void) {}

  get busy(): boolean {
    return this.inFlight > 0;
  }

  turnStarted(): void {
    this.inFlight++;
    this.update();
  }

  turnEnded(): void {
    this.inFlight--;
    this.update();
  }

  agentTyping(): void {
    this.agentUntil = Date.now() + AGENT_TYPING_MS;
    this.update();
    setTimeout(() => this.update(), AGENT_TYPING_MS + 50);
  }

  agentSpoke(): void {
    this.agentUntil = 0;
  }

  update(): void {
    this.show(this.inFlight > 0 ? 'bot' : Date.now() < this.agentUntil ? 'agent' : undefined);
  }
}
