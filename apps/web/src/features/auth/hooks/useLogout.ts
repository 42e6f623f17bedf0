import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { forgetUserData } from '../../../app/session/session';
import { logout } from '../api/auth';

interface SignedOutState {
  signedOut?: boolean;
}

/**
 * Signs out, then goes to the login page. The cache is dropped there (see useForgetSignedOutUser),
 * not here: dropping it while the list is still mounted would refetch it and flash a 401 error.
 */
export function useLogout() {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSuccess() {
      const state: SignedOutState = { signedOut: true };
      void navigate('/login', { replace: true, state });
    },
  });
}

/** On the login page after a sign-out: forget everything cached for the previous user. Returns whether we came from a sign-out. */
export function useForgetSignedOutUser(): boolean {
  const queryClient = useQueryClient();
  const location = useLocation();
  const signedOut = (location.state as SignedOutState | null)?.signedOut === true;
  useEffect(() => {
    if (!signedOut) return;
    forgetUserData(queryClient, null);
  }, [signedOut, queryClient]);
  return signedOut;
}
