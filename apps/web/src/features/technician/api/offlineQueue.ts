// The technician's offline queue (issue 5 §2): every move is first stored with an Idempotency-Key made
// once, then sent; a network failure keeps it (and everything after it) waiting, in order, until the
// next flush. The server replays its first answer for a repeated key, so a move whose answer was lost
// is never done twice. Pure logic: storage and sending are passed in (tested in offlineQueue.test.ts).

export interface QueuedAction {
  /** The Idempotency-Key, made once when the action is taken and reused on every retry. */
  key: string;
  orderId: string;
  orderNumber: string;
  /** The path segment of the move, e.g. `depart`, `complete`, `accept`. */
  move: string;
  body: unknown;
  /** ISO instant the technician took the action. */
  queuedAt: string;
  attempts: number;
}

export interface FailedAction extends QueuedAction {
  /** The server's problem code and sentence: the move was refused and will not be retried. */
  code: string;
  detail: string | undefined;
}

export interface QueueState {
  pending: QueuedAction[];
  failed: FailedAction[];
}

export interface QueueStorage {
  load(): QueueState;
  save(state: QueueState): void;
}

export type SendOutcome =
  | { kind: 'sent' }
  /** No answer (offline, timeout, 5xx, 401): keep the action and retry later with the same key. */
  | { kind: 'retry' }
  /** The server refused the move (4xx): drop it from the queue and show why. */
  | { kind: 'rejected'; code: string; detail?: string };

export type Sender = (action: QueuedAction) => Promise<SendOutcome>;

export const EMPTY_QUEUE: QueueState = { pending: [], failed: [] };

/** Adds an action at the end; an action whose key is already known is not added twice. */
export function enqueue(state: QueueState, action: QueuedAction): QueueState {
  const known =
    state.pending.some((a) => a.key === action.key) || state.failed.some((a) => a.key === action.key);
  if (known) return state;
  return { ...state, pending: [...state.pending, action] };
}

export function dismissFailed(state: QueueState, key: string): QueueState {
  return { ...state, failed: state.failed.filter((a) => a.key !== key) };
}

export interface FlushResult {
  sent: QueuedAction[];
  rejected: FailedAction[];
  /** True when a network failure stopped the flush (the rest waits). */
  stalled: boolean;
}

export interface OfflineQueue {
  state(): QueueState;
  /** Stores the action, then tries to send everything waiting, oldest first. */
  submit(action: QueuedAction): Promise<FlushResult>;
  /** Sends everything waiting, oldest first; a second call while one runs waits for it. */
  flush(): Promise<FlushResult>;
  dismiss(key: string): void;
}

export function createOfflineQueue(
  storage: QueueStorage,
  send: Sender,
  options: { isOnline?: () => boolean; onChange?: (state: QueueState) => void } = {},
): OfflineQueue {
  const isOnline = options.isOnline ?? (() => true);
  let running: Promise<FlushResult> | null = null;

  const save = (state: QueueState) => {
    storage.save(state);
    options.onChange?.(state);
  };

  async function runFlush(): Promise<FlushResult> {
    const result: FlushResult = { sent: [], rejected: [], stalled: false };
    for (;;) {
      // Re-read each time: an action taken while sending is appended behind the others.
      const state = storage.load();
      const next = state.pending[0];
      if (!next) return result;
      if (!isOnline()) {
        result.stalled = true;
        return result;
      }
      const attempt = { ...next, attempts: next.attempts + 1 };
      let outcome: SendOutcome;
      try {
        outcome = await send(attempt);
      } catch {
        outcome = { kind: 'retry' };
      }
      const current = storage.load();
      const rest = current.pending.filter((a) => a.key !== next.key);
      if (outcome.kind === 'sent') {
        save({ ...current, pending: rest });
        result.sent.push(attempt);
      } else if (outcome.kind === 'rejected') {
        const failed: FailedAction = { ...attempt, code: outcome.code, detail: outcome.detail };
        save({ pending: rest, failed: [...current.failed, failed] });
        result.rejected.push(failed);
      } else {
        save({ ...current, pending: current.pending.map((a) => (a.key === next.key ? attempt : a)) });
        result.stalled = true;
        return result;
      }
    }
  }

  function flush(): Promise<FlushResult> {
    if (running) return running;
    running = runFlush().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    state: () => storage.load(),
    async submit(action) {
      save(enqueue(storage.load(), action));
      // A flush already running picks the new action up (it re-reads the queue); then flush again
      // in case it had just finished.
      if (running) await running;
      return flush();
    },
    flush,
    dismiss(key) {
      save(dismissFailed(storage.load(), key));
    },
  };
}

/** A storage in memory (tests) or over one localStorage entry (the browser). */
export function memoryStorage(initial: QueueState = EMPTY_QUEUE): QueueStorage {
  let state = initial;
  return {
    load: () => state,
    save: (next) => {
      state = next;
    },
  };
}

export function webStorage(storage: Storage, name: string): QueueStorage {
  return {
    load() {
      try {
        const raw = storage.getItem(name);
        if (!raw) return EMPTY_QUEUE;
        const parsed = JSON.parse(raw) as Partial<QueueState>;
        return { pending: parsed.pending ?? [], failed: parsed.failed ?? [] };
      } catch {
        return EMPTY_QUEUE;
      }
    },
    save(state) {
      storage.setItem(name, JSON.stringify(state));
    },
  };
}
