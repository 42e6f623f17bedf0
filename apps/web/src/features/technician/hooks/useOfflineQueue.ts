import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { sendQueuedMove } from '../api/jobs';
import {
  createOfflineQueue,
  EMPTY_QUEUE,
  webStorage,
  type QueueState,
  type QueueStorage,
} from '../api/offlineQueue';

const STORAGE_KEY = 'aftercare.tech.queue';
const listeners = new Set<() => void>();
let snapshot: QueueState = EMPTY_QUEUE;

function storage(): QueueStorage {
  return typeof localStorage === 'undefined'
    ? { load: () => snapshot, save: (s) => (snapshot = s) }
    : webStorage(localStorage, STORAGE_KEY);
}

// One queue per tab. The queue lives in localStorage so that moves taken offline survive a reload.
const queue = createOfflineQueue(storage(), sendQueuedMove, {
  isOnline: () => typeof navigator === 'undefined' || navigator.onLine,
  onChange: (state) => {
    snapshot = state;
    listeners.forEach((l) => l());
  },
});
snapshot = queue.state();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOfflineQueue() {
  const queryClient = useQueryClient();
  const state = useSyncExternalStore(subscribe, () => snapshot);

  useEffect(() => {
    const flush = () => {
      void queue.flush().then((r) => {
        if (r.sent.length || r.rejected.length) void queryClient.invalidateQueries({ queryKey: ['tech'] });
      });
    };
    window.addEventListener('online', flush);
    const timer = window.setInterval(flush, 30_000);
    flush();
    return () => {
      window.removeEventListener('online', flush);
      window.clearInterval(timer);
    };
  }, [queryClient]);

  return {
    state,
    async submit(orderId: string, orderNumber: string, move: string, body: unknown) {
      const result = await queue.submit({
        key: crypto.randomUUID(),
        orderId,
        orderNumber,
        move,
        body,
        queuedAt: new Date().toISOString(),
        attempts: 0,
      });
      if (result.sent.length || result.rejected.length)
        await queryClient.invalidateQueries({ queryKey: ['tech'] });
      return result;
    },
    retry: () => queue.flush().then(() => queryClient.invalidateQueries({ queryKey: ['tech'] })),
    dismiss: (key: string) => queue.dismiss(key),
  };
}
