import type { Actor, Channel } from '@aftercare/domain';
import type { Database } from '@aftercare/db';

/** The time source. The domain never reads the clock; the application asks this once per command. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What every use case needs: the database and the clock. */
export interface AppContext {
  db: Database;
  clock: Clock;
}

/** Who asks, through which channel, under which request id (all go to the audit trail). */
export interface CommandMeta {
  actor: Actor & { displayName?: string };
  requestId: string;
  channel?: Channel | 'system';
}
