import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { sessionQueryKey } from '../../../app/session/session';
import { logout } from '../api/auth';

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSuccess() {
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
      void navigate('/login', { replace: true });
    },
  });
}
