/**
 * A fixed set of connections (or workers) shared by concurrent callers: each `run` waits for a
 * free one, so `--jobs N` means at most N queries at a time per side.
 */
export class JobPool<T> {
  private readonly free: T[];
  private readonly waiting: ((resource: T) => void)[] = [];

  constructor(resources: T[]) {
    this.free = [...resources];
  }

  async run<R>(work: (resource: T) => Promise<R>): Promise<R> {
    const resource = this.free.pop() ?? (await new Promise<T>((resolve) => this.waiting.push(resolve)));
    try {
      return await work(resource);
    } finally {
      const next = this.waiting.shift();
      if (next) next(resource);
      else this.free.push(resource);
    }
  }
}
