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
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <AppShell user={session.data} />;
}
