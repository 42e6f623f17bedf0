import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/client';
import { sessionQueryKey } from './session/session';

/** Server state cache. A 401 on any query means the cookie ended: re-ask /auth/me, and the shell sends the user to login. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError(error, query) {
        if (isApiError(error) && error.status === 401 && query.queryKey[0] !== sessionQueryKey[0]) {
          client.setQueryData(sessionQueryKey, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status < 500 && error.status > 0) && failureCount < 2,
      },
    },
  });
  return client;
}
