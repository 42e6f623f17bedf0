import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './client';

export interface Meta {
  name: string;
  version: string;
  demo: boolean;
}

export const metaQueryKey = ['meta'] as const;

/** Public facts about the installation (no login needed); `demo` says whether the demo logins exist. */
export function useMeta() {
  return useQuery({
    queryKey: metaQueryKey,
    queryFn: ({ signal }) => apiRequest<Meta>('/meta', { signal }),
    staleTime: Infinity,
    retry: 1,
  });
}
