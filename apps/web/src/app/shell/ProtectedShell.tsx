import { useEffect, useRef } from 'react';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { errorMessage } from '../api/errors';
import { useSession } from '../session/session';
import { AppShell } from './AppShell';
import { FullPageSpin } from './StatusPages';

/** The signed-in part of the app: without a session the user goes to /login and comes back afterwards. */
export function ProtectedShell() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  // Remembers that this tab was signed in, so that losing the session later (cookie expired,
  // signed out elsewhere) can be explained on the login page.
  const wasSignedIn = useRef(false);
  useEffect(() => {
    if (session.data) wasSignedIn.current = true;
  }, [session.data]);

  if (session.isPending) return <FullPageSpin />;
  if (session.isError) {
    return (
      <Result
        status="error"
        title={t('error.generic')}
        subTitle={errorMessage(session.error, t)}
        extra={
          <Button type="primary" onClick={() => void session.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!session.data) {
    const params = new URLSearchParams({ next: `${location.pathname}${location.search}` });
    if (wasSignedIn.current) params.set('expired', '1');
    return <Navigate to={`/login?${params.toString()}`} replace />;
  }
  return <AppShell user={session.data} />;
}
