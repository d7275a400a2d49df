// Pending single sign-on logins between the redirect to the provider and the callback.
import type { Executor } from './statistics.ts';

export async function insertPendingLogin(
  db: Executor,
  p: { state: string; codeVerifier: string; nonce: string; browserHash: string },
) {
  await db
    .deleteFrom('oidc_logins')
    .where('created_at', '<', new Date(Date.now() - 15 * 60_000))
    .execute();
  await db
    .insertInto('oidc_logins')
    .values({ state: p.state, code_verifier: p.codeVerifier, nonce: p.nonce, browser_hash: p.browserHash })
    .execute();
}

/** Takes (deletes and returns) the pending login of this state started by this browser, if any. */
export async function takePendingLogin(db: Executor, state: string, browserHash: string) {
  return db
    .deleteFrom('oidc_logins')
    .where('state', '=', state)
    .where('browser_hash', '=', browserHash)
    .where('created_at', '>=', new Date(Date.now() - 15 * 60_000))
    .returningAll()
    .executeTakeFirst();
}
