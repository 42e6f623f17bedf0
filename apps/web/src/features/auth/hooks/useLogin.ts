import { useMutation, useQueryClient } from '@tanstack/react-query';
import { forgetUserData } from '../../../app/session/session';
import { login, type LoginInput } from '../api/auth';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => login(input),
    onSuccess(user) {
      // Another user may have used this tab before: drop everything cached for them.
      forgetUserData(queryClient, user);
    },
  });
}
