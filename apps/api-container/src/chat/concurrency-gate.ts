/**
 * At most `active` chat messages are worked on at once in this process, the next `queued` wait
 * their turn, and any more are turned away at once. A flood of messages then holds a few
 * database connections and a small share of the event loop, never all of them: health probes
 * and the board keep answering while the assistant is busy.
 */
export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly active: number,
    readonly queued: number,
  ) {}

  /** False when the queue is full: the caller should answer "busy" instead of waiting. */
  get hasRoom(): boolean {
    return this.running < this.active || this.waiting.length < this.queued;
  }

  /** Runs `work` when a place is free; throws GateFullError when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (!this.hasRoom) throw new GateFullError();
    if (this.running >= this.active)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The place passes straight to the next in line, so `running` never overshoots.
      if (next) next();
      else this.running -= 1;
    }
  }
}

export class GateFullError extends Error {
  constructor() {
    super('the gate is full');
  }
}
