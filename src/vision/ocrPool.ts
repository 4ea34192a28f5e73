import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.js';

/** One line of text found in a picture, with the recogniser's confidence (0–1). */
export type OcrLine = { text: string; score: number };
export type OcrPoolOptions = {
  /** Worker threads at most, each with its own OCR engine. */
  size: number;
  /** Pictures that may wait for a worker; one more is refused. */
  queueLimit: number;
  /** A picture not read by then is given up, and its worker replaced. */
  timeoutMs: number;
  /**
   * Each worker's JavaScript heap; the engine's pixel arrays are collected sooner under a cap
   * (measured: 192 MiB keeps a worker near 370 MiB of RSS, unbounded near 470).
   */
  heapMiB: number;
};
/** One engine for two cores by default: bench:ocr measured a second one adding memory, not speed. */
export const OCR_POOL: OcrPoolOptions = { size: 1, queueLimit: 8, timeoutMs: 15_000, heapMiB: 192 };

type Job = { id: number; png: Buffer; resolve: (l: OcrLine[]) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; ready: boolean; job?: Job; timer?: NodeJS.Timeout };
type Reply = { ready?: true; id?: number; lines?: OcrLine[]; error?: string };

const WORKER = new URL('./ocrWorker.mjs', import.meta.url);

/**
 * OCR off the event loop: a bounded pool of worker threads, started on demand, with a bounded
 * queue and a per-picture timeout, so a flood of pictures is refused (429) or given up (503),
 * never a stalled server.
 * @example const lines = await pool.read(image.png)
 */
export class OcrPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: OcrPoolOptions = OCR_POOL) {}

  /** The lines found in a PNG, top to bottom. */
  read(png: Buffer): Promise<OcrLine[]> {
    if (this.closed) return Promise.reject(new AppError('unavailable:ocr', 'Pictures cannot be read now.'));
    if (this.queue.length >= this.options.queueLimit)
      return Promise.reject(
        new AppError(
          'rate_limited:ocr',
          'Too many pictures are waiting to be read; please try again shortly.',
        ),
      );
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, png, resolve, reject });
      this.dispatch();
    });
  }

  get stats(): { workers: number; busy: number; queued: number } {
    return {
      workers: this.slots.length,
      busy: this.slots.filter((s) => s.job).length,
      queued: this.queue.length,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0))
      job.reject(new AppError('unavailable:ocr', 'The OCR pool closed.'));
    await Promise.all(this.slots.splice(0).map((s) => this.retire(s, 'The OCR pool closed.')));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      const job = !slot.job && slot.ready ? this.queue.shift() : undefined;
      if (job) this.assign(slot, job);
    }
    const starting = this.slots.filter((s) => !s.ready).length;
    if (this.queue.length > starting && this.slots.length < this.options.size) this.spawn();
  }

  private assign(slot: Slot, job: Job): void {
    slot.job = job;
    slot.timer = setTimeout(() => {
      void this.replace(slot, 'Reading the picture took too long.');
    }, this.options.timeoutMs);
    slot.worker.postMessage({ id: job.id, png: job.png });
  }

  private spawn(): void {
    const slot: Slot = {
      worker: new Worker(WORKER, {
        execArgv: [],
        resourceLimits: { maxOldGenerationSizeMb: this.options.heapMiB },
      }),
      ready: false,
    };
    slot.worker.on('message', (m: Reply) => this.onReply(slot, m));
    slot.worker.on('error', (e) => void this.replace(slot, `The OCR engine failed: ${e.message}`));
    slot.worker.on('exit', () => void this.replace(slot, 'The OCR engine stopped.'));
    this.slots.push(slot);
  }

  private onReply(slot: Slot, m: Reply): void {
    if (m.ready) slot.ready = true;
    const job = slot.job;
    if (job && m.id === job.id) {
      clearTimeout(slot.timer);
      slot.job = undefined;
      if (m.error) job.reject(new AppError('internal:ocr', `The picture could not be read: ${m.error}`));
      else job.resolve(m.lines ?? []);
    }
    this.dispatch();
  }

  /**
   * Gives up a worker (stuck, crashed or exited) and fails its picture; another takes over. One
   * that never started fails the waiting pictures too, rather than being restarted in a loop.
   */
  private async replace(slot: Slot, why: string): Promise<void> {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    if (!slot.ready) for (const job of this.queue.splice(0)) job.reject(new AppError('unavailable:ocr', why));
    await this.retire(slot, why);
    if (!this.closed) this.dispatch();
  }

  private async retire(slot: Slot, why: string): Promise<void> {
    clearTimeout(slot.timer);
    slot.worker.removeAllListeners();
    slot.job?.reject(new AppError('unavailable:ocr', why));
    slot.job = undefined;
    await slot.worker.terminate();
  }
}
