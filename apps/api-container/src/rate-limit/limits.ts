import type { BackoffPolicy } from './rate-limit-store';

/** At most `max` hits per `windowMs`, counted together for one subject. */
export interface WindowLimit {
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Every limit the API applies, and why these numbers. All hold across replicas (the counters live
 * in the database) and every refusal is a 429 with Retry-After.
 */
export interface RateLimits {
  /**
   * Sign-in attempts from one client address: a person retypes a password a few times
   * (LOGIN_RATE_LIMIT_PER_MINUTE, for many people behind one address).
   */
  loginPerClient: WindowLimit;
  /**
   * Failed sign-ins to one account, from anywhere: after 5, a 30 s wait that doubles with each
   * further failure up to 15 min; forgotten an hour after the last failure or at a success. An
   * attacker with many addresses gets a few guesses an hour; the owner waits minutes, never days.
   */
  loginPerAccount: BackoffPolicy;
  /** Registrations from one client address: each costs scrypt and a row (REGISTER_RATE_LIMIT_PER_HOUR). */
  registerPerClient: WindowLimit;
  /** Registrations attempted for one email address. */
  registerPerEmail: WindowLimit;
  /** Chat messages from one user: each may run several queries (CHAT_RATE_LIMIT_PER_MINUTE). */
  chatPerUser: WindowLimit;
  /** Chat messages from one client address (several users behind one NAT: 5 users' worth). */
  chatPerClient: WindowLimit;
  /** Password changes by one user: each costs two scrypt runs. */
  passwordChangePerUser: WindowLimit;
}

/** The per-client and per-user numbers an operator may change (environment variables). */
export interface RateLimitSettings {
  chatPerMinute: number;
  loginPerMinute: number;
  registerPerHour: number;
}

export function defaultRateLimits({
  chatPerMinute,
  loginPerMinute,
  registerPerHour,
}: RateLimitSettings): RateLimits {
  return {
    loginPerClient: { max: loginPerMinute, windowMs: MINUTE },
    loginPerAccount: { free: 5, baseMs: 30_000, maxMs: 15 * MINUTE, forgetMs: HOUR },
    registerPerClient: { max: registerPerHour, windowMs: HOUR },
    registerPerEmail: { max: 3, windowMs: HOUR },
    chatPerUser: { max: chatPerMinute, windowMs: MINUTE },
    chatPerClient: { max: 5 * chatPerMinute, windowMs: MINUTE },
    passwordChangePerUser: { max: 5, windowMs: 15 * MINUTE },
  };
}
