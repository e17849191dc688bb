// The server's configuration: one typed object, validated at start-up. Every option has a flag and
// an environment variable; defaults are the exported constants below.
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = 'data';
export const DEFAULT_DB = 'sqlite';
/** Largest evidence blob accepted by POST /api/v1/blobs (10 MiB). */
export const DEFAULT_BLOB_MAX_BYTES = 10 * 1024 * 1024;

/** Environment variables, by config field (documented in the README). */
export const ENV_VARS = {
  port: 'TRUCELINE_PORT',
  host: 'TRUCELINE_HOST',
  dataDir: 'TRUCELINE_DATA',
  db: 'TRUCELINE_DB',
  demo: 'TRUCELINE_DEMO',
  publicUrl: 'TRUCELINE_PUBLIC_URL',
  logBatchSize: 'TRUCELINE_LOG_BATCH_SIZE',
  logBatchIntervalMs: 'TRUCELINE_LOG_BATCH_INTERVAL_MS',
  logMaxQueue: 'TRUCELINE_LOG_MAX_QUEUE',
  witnessTimeoutMs: 'TRUCELINE_WITNESS_TIMEOUT_MS',
  blobMaxBytes: 'TRUCELINE_BLOB_MAX_BYTES',
} as const;

const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0, 'port must be 0-65535').max(65535, 'port must be 0-65535'),
  host: z.string().min(1, 'host must not be empty'),
  dataDir: z.string().min(1, 'the data directory must not be empty'),
  db: z
    .string()
    .regex(
      /^(sqlite(:.+)?|postgres(ql)?:\/\/.+)$/,
      'db must be sqlite, sqlite:PATH or a postgres:// URL',
    ),
  demo: z.boolean(),
  /** The URL clients use to reach this server; also the host part of log origins. */
  publicUrl: z.url().optional(),
  /** Sequencer tuning (src/log/sequencer.ts has the defaults: 256 entries / 250 ms / 8192 / 3000 ms). */
  logBatchSize: z.coerce.number().int().min(1).max(10000).optional(),
  logBatchIntervalMs: z.coerce.number().int().min(0).max(60000).optional(),
  logMaxQueue: z.coerce.number().int().min(1).optional(),
  witnessTimeoutMs: z.coerce.number().int().min(1).max(600000).optional(),
  /** Largest blob upload in bytes (default DEFAULT_BLOB_MAX_BYTES). */
  blobMaxBytes: z.coerce
    .number()
    .int()
    .min(1)
    .max(1024 * 1024 * 1024)
    .optional(),
});
export type ServerConfig = z.infer<typeof ConfigSchema> & { dataDir: string };

export interface ConfigInput {
  port?: string | number;
  host?: string;
  dataDir?: string;
  db?: string;
  demo?: boolean;
  publicUrl?: string;
  logBatchSize?: string | number;
  logBatchIntervalMs?: string | number;
  logMaxQueue?: string | number;
  witnessTimeoutMs?: string | number;
  blobMaxBytes?: string | number;
}

function envFlag(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return /^(1|true|yes|on)$/i.test(value);
}

/** Flags win over environment variables, which win over defaults. Throws a one-line reason. */
export function resolveConfig(
  flags: ConfigInput,
  env: NodeJS.ProcessEnv = process.env,
): ServerConfig {
  const raw = {
    port: flags.port ?? env[ENV_VARS.port] ?? DEFAULT_PORT,
    host: flags.host ?? env[ENV_VARS.host] ?? DEFAULT_HOST,
    dataDir: flags.dataDir ?? env[ENV_VARS.dataDir] ?? DEFAULT_DATA_DIR,
    db: flags.db ?? env[ENV_VARS.db] ?? DEFAULT_DB,
    demo: flags.demo ?? envFlag(env[ENV_VARS.demo]) ?? false,
    publicUrl: flags.publicUrl ?? env[ENV_VARS.publicUrl],
    logBatchSize: flags.logBatchSize ?? env[ENV_VARS.logBatchSize],
    logBatchIntervalMs: flags.logBatchIntervalMs ?? env[ENV_VARS.logBatchIntervalMs],
    logMaxQueue: flags.logMaxQueue ?? env[ENV_VARS.logMaxQueue],
    witnessTimeoutMs: flags.witnessTimeoutMs ?? env[ENV_VARS.witnessTimeoutMs],
    blobMaxBytes: flags.blobMaxBytes ?? env[ENV_VARS.blobMaxBytes],
  };
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid configuration: ${String(issue.path[0])}: ${issue.message}`);
  }
  const dataDir = isAbsolute(parsed.data.dataDir)
    ? parsed.data.dataDir
    : resolve(parsed.data.dataDir);
  return { ...parsed.data, dataDir };
}
