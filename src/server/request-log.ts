import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/**
 * Counts refusals per key and admits the first of each key per window: under a flood of 429s the log gets a
 * line per client and route per minute, saying how many were left out, instead of lines per request.
 */
export class RefusalSampler {
  private readonly windows = new Map<string, { start: number; skipped: number }>();

  constructor(
    private readonly windowMs = 60_000,
    private readonly maxKeys = 10_000,
  ) {}

  /** The number of refusals left out since the last admitted one, or null when this one is left out too. */
  admit(key: string, now = Date.now()): number | null {
    const window = this.windows.get(key);
    if (window && now - window.start < this.windowMs) {
      window.skipped += 1;
      return null;
    }
    if (!window && this.windows.size >= this.maxKeys) this.forgetBefore(now - this.windowMs);
    this.windows.set(key, { start: now, skipped: 0 });
    return window?.skipped ?? 0;
  }

  private forgetBefore(time: number): void {
    for (const [key, w] of this.windows) if (w.start < time) this.windows.delete(key);
    // A flood from more keys than the map holds within one window: start over rather than grow.
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}

/**
 * One log line per request, written when it completes (the incoming line only at debug level), and 429
 * answers sampled per client address and route: a refusal flood must not fill the disk.
 */
export class RequestLogController extends LogController {
  private readonly refusals = new RefusalSampler();

  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) {
      reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
      return;
    }
    if (reply.statusCode === 429) {
      const skipped = this.refusals.admit(`${request.ip}|${request.routeOptions.url ?? request.url}`);
      if (skipped !== null)
        reply.log.info(
          { req: request, res: reply, responseTime: reply.elapsedTime, refusals_not_logged: skipped },
          'request refused (429, sampled)',
        );
      return;
    }
    reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
