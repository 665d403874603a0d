import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { defaultRateLimits, type RateLimits, type WindowLimit } from '../rate-limit/limits';
import { RateLimitStore } from '../rate-limit/rate-limit-store';
import { HttpError } from './errors';

/** Response headers (draft-ietf-httpapi-ratelimit-headers) on every limited route's answers. */
export const RATE_LIMIT_HEADERS = {
  limit: 'ratelimit-limit',
  remaining: 'ratelimit-remaining',
  reset: 'ratelimit-reset',
} as const;

/** A 429: the error handler adds `Retry-After`. */
export class RateLimitedError extends HttpError {
  constructor(
    readonly retryAfterSeconds: number,
    what: string,
  ) {
    super(429, `${what}; try again in ${retryAfterSeconds} s`);
  }
}

/** One limit on a route: `limit.max` hits per window for each subject `per` names. */
export interface RateLimitRule {
  /** Names the counter (`chat-user`); never shown to clients. */
  scope: string;
  limit: WindowLimit;
  /** Whose hits count together: the client's address, the signed-in user, or a body field. */
  per: 'client' | 'user' | ((request: FastifyRequest) => string | undefined);
  /** The start of the 429's sentence: "Too many chat messages from this account". */
  refusal: string;
}

/** The client's address, IPv6 by /64 (one subscriber's whole prefix counts as one client). */
export function clientSubject(request: FastifyRequest): string {
  return normalizeIP(request.ip);
}

const SWEEP_INTERVAL_MS = 60_000;

declare module 'fastify' {
  interface FastifyInstance {
    /** A preHandler that counts the request against each rule, refusing with 429 past one. */
    rateLimit(...rules: RateLimitRule[]): preHandlerAsyncHookHandler;
    rateLimitStore: RateLimitStore;
    /** The limits in force (defaults, the *_RATE_LIMIT_* variables, and the app's overrides). */
    rateLimits: RateLimits;
    /** Ready-made hooks for the routes that need them. */
    rateLimitHooks: { chat: preHandlerAsyncHookHandler };
  }
}

function setHeaders(reply: FastifyReply, limit: number, remaining: number, resetMs: number): void {
  reply.header(RATE_LIMIT_HEADERS.limit, limit);
  reply.header(RATE_LIMIT_HEADERS.remaining, Math.max(0, remaining));
  reply.header(RATE_LIMIT_HEADERS.reset, Math.ceil(resetMs / 1000));
}

/**
 * Rate limiting shared by every replica: counters in the database (`RateLimitStore`), applied by
 * the hooks `fastify.rateLimit(...)` builds. A request over a limit answers 429 with Retry-After
 * and the RateLimit-* headers; a flood of refused requests is answered from memory.
 */
export default fp<{ overrides?: Partial<RateLimits> }>(
  async function rateLimits(fastify, options) {
    const store = new RateLimitStore(
      fastify.database.db,
      `rate-limit:${fastify.config.jwt.secret}`,
    );
    const limits: RateLimits = {
      ...defaultRateLimits({
        chatPerMinute: fastify.config.chatRateLimitPerMinute,
        loginPerMinute: fastify.config.loginRateLimitPerMinute,
        registerPerHour: fastify.config.registerRateLimitPerHour,
      }),
      ...options.overrides,
    };
    fastify.decorate('rateLimitStore', store);
    fastify.decorate('rateLimits', limits);

    fastify.decorate('rateLimit', function rateLimit(...rules: RateLimitRule[]) {
      return async function rateLimited(request: FastifyRequest, reply: FastifyReply) {
        let tightest: { max: number; remaining: number; resetMs: number } | undefined;
        for (const rule of rules) {
          const subject =
            rule.per === 'client'
              ? clientSubject(request)
              : rule.per === 'user'
                ? request.user?.id
                : rule.per(request);
          if (!subject) continue;
          const key = store.key(rule.scope, subject);
          const known = store.knownBlockedFor(key);
          const { hits, resetsInMs } =
            known > 0
              ? { hits: rule.limit.max + 1, resetsInMs: known }
              : await store.hit(key, rule.limit.windowMs);
          if (hits > rule.limit.max) {
            if (known === 0) store.rememberBlocked(key, resetsInMs);
            setHeaders(reply, rule.limit.max, 0, resetsInMs);
            throw new RateLimitedError(Math.max(1, Math.ceil(resetsInMs / 1000)), rule.refusal);
          }
          const remaining = rule.limit.max - hits;
          if (!tightest || remaining < tightest.remaining)
            tightest = { max: rule.limit.max, remaining, resetMs: resetsInMs };
        }
        if (tightest) setHeaders(reply, tightest.max, tightest.remaining, tightest.resetMs);
      };
    });

    fastify.decorate('rateLimitHooks', {
      chat: fastify.rateLimit(
        {
          scope: 'chat-client',
          limit: limits.chatPerClient,
          per: 'client',
          refusal: 'Too many chat messages from your address',
        },
        {
          scope: 'chat-user',
          limit: limits.chatPerUser,
          per: 'user',
          refusal: 'Too many chat messages from this account',
        },
      ),
    });

    const sweeper = setInterval(() => {
      store
        .sweep()
        .catch((error: unknown) =>
          fastify.log.debug({ errorType: (error as Error).name }, 'rate-limit sweep failed'),
        );
    }, SWEEP_INTERVAL_MS);
    sweeper.unref();
    fastify.addHook('onClose', async () => clearInterval(sweeper));
  },
  { name: 'rate-limits', dependencies: ['config'] },
);
