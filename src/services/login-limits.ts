// Limits on password guessing, kept in this process's memory (one server process; several processes
// each keep their own count):
// - per account: after 5 failed logins in a row the account is locked for 1 minute, then 2, 4 … up to
//   15 minutes per further failure; a successful login resets it. While locked even the right password
//   gets 429 with the time left (otherwise guessing could go on); after the lock the right password works.
// - per client address: at most 30 failed logins in 15 minutes (a proxy's own address only counts when
//   the proxy is not configured as trusted; see MAALTAVLE_TRUSTED_PROXIES).
// - per user on password change: 5 wrong current passwords in 15 minutes.
import { tooManyRequests } from './errors.ts';

const WINDOW_MS = 15 * 60_000;
const ACCOUNT_FREE_FAILURES = 5;
const ACCOUNT_MAX_LOCK_MS = 15 * 60_000;

interface AccountState {
  failures: number;
  lockedUntil: number;
}

export interface LoginLimits {
  /** Throws 429 when this login may not be tried now. */
  check(account: string, address: string, now?: number): void;
  failed(account: string, address: string, now?: number): void;
  succeeded(account: string): void;
  /** Throws 429 when the user has guessed their current password too often. */
  checkPasswordChange(userId: string, now?: number): void;
  passwordChangeFailed(userId: string, now?: number): void;
}

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
const plural = (n: number) => (n === 1 ? '1 minut' : `${n} minutter`);

/** Failures within the window, pruning older ones. */
function recent(list: number[] | undefined, now: number): number[] {
  return (list ?? []).filter((t) => now - t < WINDOW_MS);
}

export function createLoginLimits(
  opts: { perAddress?: number; perPasswordChange?: number } = {},
): LoginLimits {
  const perAddress = opts.perAddress ?? 30;
  const perPasswordChange = opts.perPasswordChange ?? 5;
  const accounts = new Map<string, AccountState>();
  const addresses = new Map<string, number[]>();
  const changes = new Map<string, number[]>();
  const key = (account: string) => account.trim().toLowerCase();

  return {
    check(account, address, now = Date.now()) {
      const a = accounts.get(key(account));
      if (a && a.lockedUntil > now) {
        const left = a.lockedUntil - now;
        throw tooManyRequests(
          `For mange forkerte forsøg på denne konto. Prøv igen om ${plural(minutes(left))}.`,
          Math.ceil(left / 1000),
        );
      }
      const list = recent(addresses.get(address), now);
      addresses.set(address, list);
      if (list.length >= perAddress) {
        const left = list[0]! + WINDOW_MS - now;
        throw tooManyRequests(
          `For mange forkerte loginforsøg fra din adresse. Prøv igen om ${plural(minutes(left))}.`,
          Math.ceil(left / 1000),
        );
      }
    },
    failed(account, address, now = Date.now()) {
      const k = key(account);
      const a = accounts.get(k) ?? { failures: 0, lockedUntil: 0 };
      a.failures++;
      if (a.failures >= ACCOUNT_FREE_FAILURES) {
        const lock = Math.min(ACCOUNT_MAX_LOCK_MS, 60_000 * 2 ** (a.failures - ACCOUNT_FREE_FAILURES));
        a.lockedUntil = now + lock;
      }
      accounts.set(k, a);
      addresses.set(address, [...recent(addresses.get(address), now), now]);
    },
    succeeded(account) {
      accounts.delete(key(account));
    },
    checkPasswordChange(userId, now = Date.now()) {
      const list = recent(changes.get(userId), now);
      changes.set(userId, list);
      if (list.length >= perPasswordChange) {
        const left = list[0]! + WINDOW_MS - now;
        throw tooManyRequests(
          `For mange forkerte forsøg på at skifte adgangskode. Prøv igen om ${plural(minutes(left))}.`,
          Math.ceil(left / 1000),
        );
      }
    },
    passwordChangeFailed(userId, now = Date.now()) {
      changes.set(userId, [...recent(changes.get(userId), now), now]);
    },
  };
}
