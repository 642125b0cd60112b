import type { ObservationCreate } from '../../../domain/walks.js';
import { ApiError } from '../../api/client.js';
import { walkEndpoints as api } from '../../api/walk-endpoints.js';

/**
 * The phone's queue of observations the server has not yet acknowledged, in IndexedDB so it survives a
 * reload or a closed tab on a walk without coverage. Every observation goes through it: kept on the phone
 * first, then sent. Its own id makes a resend harmless (the server answers with the stored row), so a send
 * whose answer was lost is simply sent again.
 */
export interface QueuedObservation {
  id: string;
  walkId: string;
  body: ObservationCreate;
  photo: Blob | null;
  photoName: string | null;
  /** The server's reason when it refused the observation for good (4xx): kept to be shown, never resent. */
  refused: { sv: string; en: string } | null;
}

const DB_NAME = 'trygg-walks';
const STORE = 'observations';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const enqueue = (item: QueuedObservation) => run('readwrite', (s) => s.put(item)).then(() => undefined);
const remove = (id: string) => run('readwrite', (s) => s.delete(id)).then(() => undefined);

/** The walk's observations still on the phone, oldest first. */
export async function queued(walkId: string): Promise<QueuedObservation[]> {
  const all = await run<QueuedObservation[]>('readonly', (s) => s.getAll());
  return all
    .filter((q) => q.walkId === walkId)
    .sort((a, b) => (a.body.observed_at ?? '').localeCompare(b.body.observed_at ?? ''));
}

/** Whether a send failed for want of a network or a working server (try again later), not by a refusal. */
const retryable = (e: unknown) => !(e instanceof ApiError) || e.status === 0 || e.status >= 500;

let replaying: Promise<number> | null = null;

/**
 * Sends the walk's queued observations, each followed by its photo, and drops each once the server has both.
 * Stops at the first network failure (the rest wait for the next try). One replay runs at a time, so an
 * `online` event and a new observation never send the same one twice at once. Returns how many were sent.
 */
export function replay(walkId: string): Promise<number> {
  if (replaying) return replaying.then(() => replay(walkId));
  const current = (async () => {
    let sent = 0;
    for (const item of await queued(walkId)) {
      if (item.refused) continue;
      try {
        await api.addObservation(walkId, item.body);
        if (item.photo) await api.attachPhoto(walkId, item.id, item.photo, item.photoName ?? 'foto.jpg');
        await remove(item.id);
        sent++;
      } catch (e) {
        if (retryable(e)) break;
        const err = e as ApiError;
        await enqueue({ ...item, refused: err.messages ?? { sv: err.message, en: err.message } });
      }
    }
    return sent;
  })();
  replaying = current.finally(() => {
    replaying = null;
  });
  return replaying;
}
