import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { errorMessage } from '../api/errors';

export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" description={t('app.loading')} />
    </Flex>
  );
}

/** Shown when a page fails to render or its code cannot be loaded (e.g. after a new release). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Result
      status="error"
      title={t('error.generic')}
      subTitle={errorMessage(error, t)}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      extra={
        <Link to="/work-orders">
          <Button type="primary">{t('notFound.back')}</Button>
        </Link>
      }
    />
  );
}
