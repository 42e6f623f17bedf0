/** Settings from the environment: PORT, HOST, DATABASE_URL, AFTERCARE_DATA_DIR, LOG_LEVEL. */
export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.AFTERCARE_DATA_DIR ?? './data',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
