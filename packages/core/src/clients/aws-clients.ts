// Clients kept for the life of a warm container: one per factory and region. A Lambda asks only for
// the clients it uses, so its bundle holds only those SDKs.
import type { Env } from '../env';
import type { ClientOptions } from './factory';

type Factory<C> = (options: ClientOptions<C>) => C;

const cache = new Map<Factory<unknown>, Map<string, unknown>>();

/** The client `factory` makes for `region`, created once and reused by later invocations. */
export function cachedClient<C>(factory: Factory<C>, region: string | undefined, env: Env = process.env): C {
  let byRegion = cache.get(factory as Factory<unknown>);
  if (!byRegion) {
    byRegion = new Map();
    cache.set(factory as Factory<unknown>, byRegion);
  }
  const id = region ?? '';
  if (!byRegion.has(id)) byRegion.set(id, factory({ region, env }));
  return byRegion.get(id) as C;
}

/** Forgets the cached clients (tests that change endpoints between cases). */
export function clearAwsClients(): void {
  cache.clear();
}
