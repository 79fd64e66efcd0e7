import 'server-only';

const tails = new Map<string, Promise<unknown>>();

/**
 * Runs stack mutations of this process one at a time per stack, so that two requests arriving
 * together are checked and acted on in turn: the second one then sees the first one's update
 * and gets a conflict instead of racing it. Across replicas CloudFormation itself refuses a
 * second operation on a busy stack, which the callers map to the same conflict.
 */
export async function withStackLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}
