import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createOfflineQueue,
  enqueue,
  EMPTY_QUEUE,
  memoryStorage,
  type QueuedAction,
  type SendOutcome,
} from './offlineQueue';

const action = (key: string, move: string, orderId = 'o1'): QueuedAction => ({
  key,
  orderId,
  orderNumber: 'WO-1',
  move,
  body: {},
  queuedAt: '2026-11-25T01:00:00.000Z',
  attempts: 0,
});

test('issue 5 §2 actions are sent in the order they were taken', async () => {
  const sent: string[] = [];
  let online = false;
  const queue = createOfflineQueue(
    memoryStorage(),
    async (a) => {
      sent.push(a.move);
      return { kind: 'sent' };
    },
    { isOnline: () => online },
  );
  await queue.submit(action('k1', 'depart'));
  await queue.submit(action('k2', 'arrive'));
  await queue.submit(action('k3', 'start-repair'));
  assert.deepEqual(sent, []);
  assert.deepEqual(
    queue.state().pending.map((a) => a.key),
    ['k1', 'k2', 'k3'],
  );
  online = true;
  const result = await queue.flush();
  assert.deepEqual(sent, ['depart', 'arrive', 'start-repair']);
  assert.equal(result.stalled, false);
  assert.deepEqual(queue.state().pending, []);
});

test('issue 5 §2 a network failure keeps the action and those behind it; the retry uses the same key', async () => {
  const keys: string[] = [];
  let fail = true;
  const queue = createOfflineQueue(memoryStorage(), async (a): Promise<SendOutcome> => {
    keys.push(a.key);
    if (fail) throw new TypeError('Failed to fetch');
    return { kind: 'sent' };
  });
  const first = await queue.submit(action('k1', 'depart'));
  assert.equal(first.stalled, true);
  await queue.submit(action('k2', 'arrive'));
  assert.deepEqual(keys, ['k1', 'k1'], 'the second action waits behind the first');
  assert.equal(queue.state().pending[0]?.attempts, 2);
  fail = false;
  await queue.flush();
  assert.deepEqual(keys, ['k1', 'k1', 'k1', 'k2']);
  assert.deepEqual(queue.state().pending, []);
});

test('issue 5 §2 the same key is never queued twice, and concurrent flushes send once', async () => {
  let state = enqueue(EMPTY_QUEUE, action('k1', 'depart'));
  state = enqueue(state, action('k1', 'depart'));
  assert.equal(state.pending.length, 1);

  const sent: string[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const queue = createOfflineQueue(memoryStorage(state), async (a) => {
    sent.push(a.key);
    await gate;
    return { kind: 'sent' };
  });
  const a = queue.flush();
  const b = queue.flush();
  release();
  await Promise.all([a, b]);
  assert.deepEqual(sent, ['k1']);
});

test('issue 5 §2 a refused move leaves the queue with its reason and does not block the others', async () => {
  const queue = createOfflineQueue(memoryStorage(), async (a): Promise<SendOutcome> =>
    a.key === 'k1'
      ? { kind: 'rejected', code: 'WORK_ORDER_TRANSITION_NOT_ALLOWED', detail: 'no' }
      : { kind: 'sent' },
  );
  await queue.submit(action('k1', 'depart'));
  const result = await queue.submit(action('k2', 'depart', 'o2'));
  assert.equal(result.sent[0]?.key, 'k2');
  assert.deepEqual(
    queue.state().failed.map((a) => [a.key, a.code]),
    [['k1', 'WORK_ORDER_TRANSITION_NOT_ALLOWED']],
  );
  // A refused key cannot be queued again by mistake; dismissing forgets it.
  await queue.submit(action('k1', 'depart'));
  assert.equal(queue.state().pending.length, 0);
  queue.dismiss('k1');
  assert.deepEqual(queue.state().failed, []);
});
