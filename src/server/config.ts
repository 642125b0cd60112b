import { z } from 'zod';
import { type OnlineBasemap, tileTemplateSource } from '../domain/basemap.js';

/** TRUST_PROXY: 'true'/'false', a number of hops, or addresses and CIDR ranges separated by commas. */
const TrustProxySchema = z
  .string()
  .trim()
  .transform((v, ctx): boolean | number | string[] => {
    if (v === 'true' || v === 'false') return v === 'true';
    if (/^\d+$/.test(v)) return Number(v);
    const list = v
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    if (!list.length || list.some((a) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(a))) {
      ctx.addIssue({ code: 'custom', message: 'TRUST_PROXY must be true, false, a hop count or a list of addresses' });
      return z.NEVER;
    }
    return list;
  });
/** The web app's address when TRYGG_PUBLIC_URL is not set: the server's own default. */
export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';
/** After a write, how long the same browser reads from the primary rather than the replica: well above normal lag. */
export const DEFAULT_READ_PRIMARY_AFTER_WRITE_SECONDS = 10;

const ConfigSchema = z
  .object({
    port: z.coerce.number().int().min(0).max(65535).default(3000),
    host: z.string().default('127.0.0.1'),
    databaseUrl: z.string().optional(),
    /** A streaming replica of DATABASE_URL's database for the server's heavy reads (reports, analysis, exports, lists). */
    databaseReadUrl: z.string().optional(),
    readPrimaryAfterWriteSeconds: z.coerce.number().int().min(0).default(DEFAULT_READ_PRIMARY_AFTER_WRITE_SECONDS),
    /** PostgreSQL as the owner of the tables, for migrations and restores; the app then runs as DATABASE_URL's role. */
    migrationDatabaseUrl: z.string().optional(),
    /** Single sign-on with the city's identity provider; all four are needed to enable it. */
    oidcIssuer: z.string().url().optional(),
    oidcClientId: z.string().optional(),
    oidcClientSecret: z.string().optional(),
    oidcRedirectUri: z.string().url().optional(),
    /** Shared store for rate limits when several server processes run behind a load balancer. */
    redisUrl: z.string().optional(),
    /**
     * Which proxies in front of the server to believe about the client's address and protocol (Fastify's
     * trustProxy): false (default), true (any), a hop count, or a comma-separated list of addresses/CIDRs.
     */
    trustProxy: TrustProxySchema.default(false),
    dataDir: z.string().default('./data'),
    defaultOrganisation: z.string().default('stockholm'),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Largest accepted request body; imports use their own upload limits. */
    bodyLimit: z.coerce.number().int().positive().default(1_048_576),
    /** Largest accepted import upload (streamed to a temporary file, never held in memory). */
    importMaxBytes: z.coerce
      .number()
      .int()
      .positive()
      .default(200 * 1024 * 1024),
    /** The mail server for messages to reporters (e.g. smtp://mail.example:587); without it the outbox only fills. */
    smtpUrl: z.string().url().optional(),
    mailFrom: z.string().default('Trygg <no-reply@trygg.invalid>'),
    mailIntervalSeconds: z.coerce.number().int().positive().default(30),
    /** PostgreSQL: longest statement of a server request, ms (0 = none); a runaway query must not hold locks for minutes. */
    dbStatementTimeoutMs: z.coerce.number().int().min(0).default(60_000),
    /** PostgreSQL: a session idle inside a transaction this long is ended by the server, ms (0 = never). */
    dbIdleInTransactionTimeoutMs: z.coerce.number().int().min(0).default(60_000),
    /** Where people reach the web app, for links in messages (never taken from a request's Host header). */
    publicUrl: z.string().url().default(DEFAULT_PUBLIC_URL),
    /** An online tile basemap (XYZ URL template) drawn instead of the built-in offline one; needs the attribution. */
    mapTiles: z.string().optional(),
    mapAttribution: z.string().optional(),
    mapMaxZoom: z.coerce.number().int().min(1).max(22).default(19),
    /** Prometheus metrics on an address of their own; without a port there is no such listener. */
    metricsPort: z.coerce.number().int().min(0).max(65535).optional(),
    metricsHost: z.string().default('127.0.0.1'),
    /** Opens /metrics on the app's own address to callers with this bearer token (long and random). */
    metricsToken: z.string().min(16, 'TRYGG_METRICS_TOKEN must be at least 16 characters').optional(),
  })
  .refine((c) => !c.databaseReadUrl || c.databaseUrl, {
    message: 'DATABASE_READ_URL needs DATABASE_URL: writes go to the primary',
    path: ['databaseReadUrl'],
  });
export type Config = z.infer<typeof ConfigSchema>;

/** Reads the configuration from the environment (PORT, HOST, DATABASE_URL, TRYGG_DATA_DIR, …). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  return ConfigSchema.parse({
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    readPrimaryAfterWriteSeconds: env.TRYGG_READ_PRIMARY_AFTER_WRITE_SECONDS || undefined,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    trustProxy: env.TRUST_PROXY || undefined,
    oidcIssuer: env.OIDC_ISSUER || undefined,
    oidcClientId: env.OIDC_CLIENT_ID || undefined,
    oidcClientSecret: env.OIDC_CLIENT_SECRET || undefined,
    oidcRedirectUri: env.OIDC_REDIRECT_URI || undefined,
    dataDir: env.TRYGG_DATA_DIR,
    defaultOrganisation: env.TRYGG_ORGANISATION,
    logLevel: env.LOG_LEVEL,
    bodyLimit: env.TRYGG_BODY_LIMIT,
    importMaxBytes: env.TRYGG_IMPORT_MAX_BYTES,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    mailIntervalSeconds: env.TRYGG_MAIL_INTERVAL_SECONDS,
    dbStatementTimeoutMs: env.TRYGG_DB_STATEMENT_TIMEOUT_MS,
    dbIdleInTransactionTimeoutMs: env.TRYGG_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    publicUrl: env.TRYGG_PUBLIC_URL || undefined,
    mapTiles: env.TRYGG_MAP_TILES || undefined,
    mapAttribution: env.TRYGG_MAP_ATTRIBUTION || undefined,
    mapMaxZoom: env.TRYGG_MAP_MAX_ZOOM || undefined,
    metricsPort: env.TRYGG_METRICS_PORT || undefined,
    metricsHost: env.TRYGG_METRICS_HOST || undefined,
    metricsToken: env.TRYGG_METRICS_TOKEN || undefined,
    ...overrides,
  });
}

/** The single sign-on settings, or null when not configured. Plain http is accepted only on loopback. */
export function oidcSettings(config: Config) {
  if (!config.oidcIssuer || !config.oidcClientId || !config.oidcClientSecret || !config.oidcRedirectUri) return null;
  const host = new URL(config.oidcIssuer).hostname;
  return {
    issuer: config.oidcIssuer,
    clientId: config.oidcClientId,
    clientSecret: config.oidcClientSecret,
    redirectUri: config.oidcRedirectUri,
    allowHttp: host === '127.0.0.1' || host === 'localhost' || host === '[::1]',
  };
}

/** The online basemap, or null for the built-in offline one; a half or wrong setting stops the start. */
export function onlineBasemap(
  config: Pick<Config, 'mapTiles' | 'mapAttribution' | 'mapMaxZoom'>,
): OnlineBasemap | null {
  if (!config.mapTiles) return null;
  const checked = tileTemplateSource(config.mapTiles);
  if ('error' in checked) throw new Error(checked.error);
  if (!config.mapAttribution?.trim()) throw new Error('TRYGG_MAP_ATTRIBUTION is required with TRYGG_MAP_TILES');
  return { url: config.mapTiles, attribution: config.mapAttribution.trim(), maxZoom: config.mapMaxZoom };
}
