// Configuration from the environment, read once at start.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** postgres://… for a PostgreSQL server; undefined = embedded PGlite. */
  databaseUrl: string | undefined;
  /** Directory of the embedded database. */
  dataDir: string;
  /** Load the demo data set into an empty database on start. */
  demo: boolean;
  jobindsatsApiKey: string | undefined;
  /** Key that encrypts secrets an administrator sets (the Jobindsats key) at rest; none = cannot store them. */
  secretKey: string | undefined;
  jobindsatsBaseUrl: string;
  statbankBaseUrl: string;
  /** Cron-like interval for the scheduled refresh, in hours; 0 = off. */
  refreshIntervalHours: number;
  logLevel: string;
  /** Password of the first administrator on an empty database; generated and printed once when unset. */
  adminPassword: string | undefined;
  /** Force Secure cookies (they are Secure anyway whenever the request came over HTTPS). */
  secureCookies: boolean;
  /** Reverse proxies whose X-Forwarded-For/-Proto are believed (IP addresses or CIDR ranges). */
  trustedProxies: string[];
  /** Single sign-on with OpenID Connect (Entra ID, ADFS); off unless an issuer is configured. */
  oidc: OidcConfig | undefined;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the user back: https://<host>/api/v1/auth/oidc/callback */
  redirectUri: string;
  /** Button text, e.g. "Log ind med Microsoft Entra ID". */
  label: string;
  /** Allow http:// issuers (tests and local providers only). */
  allowInsecure: boolean;
  /**
   * Match on the e-mail claim even without `email_verified: true`: only for a provider whose directory
   * controls e-mail addresses (a single-tenant Entra ID or ADFS issuer).
   */
  trustEmail: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT er ugyldig: ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.MAALTAVLE_DATA_DIR ?? './data'),
    demo: env.MAALTAVLE_DEMO !== '0',
    jobindsatsApiKey: env.JOBINDSATS_API_KEY || undefined,
    secretKey: env.MAALTAVLE_SECRET_KEY || undefined,
    jobindsatsBaseUrl: env.JOBINDSATS_BASE_URL ?? 'https://api.jobindsats.dk',
    statbankBaseUrl: env.STATBANK_BASE_URL ?? 'https://api.statbank.dk',
    refreshIntervalHours: Number(env.MAALTAVLE_REFRESH_HOURS ?? 0),
    // Errors and warnings only by default; LOG_LEVEL=info adds one line per HTTP request.
    logLevel: env.LOG_LEVEL || 'warn',
    adminPassword: env.MAALTAVLE_ADMIN_PASSWORD || undefined,
    secureCookies: env.MAALTAVLE_SECURE_COOKIES === '1',
    trustedProxies: (env.MAALTAVLE_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    oidc: env.MAALTAVLE_OIDC_ISSUER
      ? {
          issuer: env.MAALTAVLE_OIDC_ISSUER,
          clientId: env.MAALTAVLE_OIDC_CLIENT_ID ?? '',
          clientSecret: env.MAALTAVLE_OIDC_CLIENT_SECRET ?? '',
          redirectUri:
            env.MAALTAVLE_OIDC_REDIRECT_URI ?? `http://localhost:${port}/api/v1/auth/oidc/callback`,
          label: env.MAALTAVLE_OIDC_LABEL ?? 'Log ind med din organisations konto (SSO)',
          allowInsecure: env.MAALTAVLE_OIDC_ALLOW_HTTP === '1',
          trustEmail: env.MAALTAVLE_OIDC_TRUST_EMAIL === '1',
        }
      : undefined,
  };
}
