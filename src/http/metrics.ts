import type { RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics: turns by intent, turn latency, handoffs by reason, guardrail replacements,
 * request errors, and the process defaults. Served at `/metrics`.
 * @example metrics.turn('ask', 0.002, false)
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly turns = new Counter({
    name: 'anxin_turns_total',
    help: 'Customer turns answered, by intent',
    labelNames: ['intent'],
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'anxin_turn_duration_seconds',
    help: 'Time to answer one customer turn',
    buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });
  private readonly handoffs = new Counter({
    name: 'anxin_handoffs_total',
    help: 'Handoffs to a person started',
    registers: [this.registry],
  });
  private readonly guardrail = new Counter({
    name: 'anxin_guardrail_replacements_total',
    help: 'Replies replaced by the safe fallback because of a number or link outside the directory',
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'anxin_http_errors_total',
    help: 'HTTP answers with status 4xx or 5xx, by status',
    labelNames: ['status'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  turn(intent: string, seconds: number, handoffStarted: boolean): void {
    this.turns.inc({ intent });
    this.latency.observe(seconds);
    if (handoffStarted) this.handoffs.inc();
  }

  guardrailReplaced(): void {
    this.guardrail.inc();
  }

  /** Counts error answers of every route. */
  errorCounter(): RequestHandler {
    return (_req, res, next) => {
      res.on('finish', () => {
        if (res.statusCode >= 400) this.errors.inc({ status: String(res.statusCode) });
      });
      next();
    };
  }

  handler(): RequestHandler {
    return async (_req, res) => {
      res.type(this.registry.contentType).send(await this.registry.metrics());
    };
  }
}
