import { useQuery, type QueryClient } from '@tanstack/react-query';
import { apiRequest, isApiError } from '../api/client';
import { metaQueryKey } from '../api/meta';

export interface SessionTenant {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  locale: string;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  /** Role codes (see roles.ts); kept as strings so an unknown new role never breaks the shell. */
  roles: string[];
  tenant: SessionTenant;
}

export const sessionQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when the server says 401 (no or expired cookie). */
export async function fetchSession(signal?: AbortSignal): Promise<SessionUser | null> {
  try {
    const body = await apiRequest<{ user: SessionUser }>('/auth/me', { signal });
    return body.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
    retry: (failureCount, error) => !(isApiError(error) && error.status < 500) && failureCount < 2,
  });
}

/** The user of a page inside the signed-in shell; the shell renders nothing else without one. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser() used outside the signed-in shell');
  return data;
}

/** Drops every cached answer that belonged to the previous user; public facts (GET /meta) stay. */
export function forgetUserData(queryClient: QueryClient, user: SessionUser | null): void {
  const keep = new Set<unknown>([metaQueryKey[0], sessionQueryKey[0]]);
  queryClient.removeQueries({ predicate: (query) => !keep.has(query.queryKey[0]) });
  queryClient.setQueryData(sessionQueryKey, user);
}
