import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../../app/api/client';
import { errorMessage } from '../../../app/api/errors';
import { LanguageSwitch } from '../../../app/i18n/LanguageSwitch';
import { useSession } from '../../../app/session/session';
import { BrandMark } from '../../../app/shell/icons';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import type { LoginInput } from '../api/auth';
import { useCountdown } from '../hooks/useCountdown';
import { useLogin } from '../hooks/useLogin';
import { useForgetSignedOutUser } from '../hooks/useLogout';
import { DemoLogins } from './DemoLogins';
import { safeNext } from './safeNext';

const LAST_TENANT_KEY = 'aftercare.lastTenant';
const LOGIN_FIELDS = ['tenant', 'username', 'password'] as const;

function lastTenant(): string {
  try {
    return window.localStorage.getItem(LAST_TENANT_KEY) ?? '';
  } catch {
    return '';
  }
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.login.title'));
  const [params] = useSearchParams();
  const session = useSession();
  const navigate = useNavigate();
  const signedOut = useForgetSignedOutUser();
  const loginMutation = useLogin();
  const [form] = Form.useForm<LoginInput>();
  const [lockedUntil, setLockedUntil] = useState<number>();
  const [rememberedTenant] = useState(lastTenant);
  const secondsLeft = useCountdown(lockedUntil);
  const next = safeNext(params.get('next'));
  const error = loginMutation.error;

  useEffect(() => {
    // Field errors of a 400 problem go next to their fields.
    if (!isApiError(error)) return;
    const fields = error.fieldErrors.filter((f) => (LOGIN_FIELDS as readonly string[]).includes(f.field));
    if (fields.length) {
      form.setFields(fields.map((f) => ({ name: f.field as keyof LoginInput, errors: [f.message] })));
    }
    if (error.status === 429) setLockedUntil(Date.now() + (error.retryAfterSeconds ?? 30) * 1000);
  }, [error, form]);

  // Arriving here while signed in (a bookmark, the back button) goes straight on.
  if (session.data && !signedOut && !loginMutation.isPending) return <Navigate to={next} replace />;

  const submit = (values: LoginInput) => {
    try {
      window.localStorage.setItem(LAST_TENANT_KEY, values.tenant.trim());
    } catch {
      // Remembering the company code is a convenience only.
    }
    loginMutation.mutate(
      { tenant: values.tenant.trim(), username: values.username.trim(), password: values.password },
      { onSuccess: () => void navigate(next, { replace: true }) },
    );
  };

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '16px 12px 32px' }}>
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 960 }}>
        <LanguageSwitch size="small" />
      </Flex>
      <Flex vertical gap={20} style={{ width: '100%', maxWidth: 400, marginTop: '6vh' }}>
        <Flex vertical align="center" gap={6}>
          <BrandMark size={44} />
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </Flex>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('auth.login.title')}
          </Typography.Title>
          {!error && params.get('expired') === '1' && (
            <Alert
              type="info"
              showIcon
              data-testid="session-expired"
              style={{ marginBottom: 16 }}
              title={t('error.AUTH_UNAUTHENTICATED')}
            />
          )}
          {error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="login-error"
              style={{ marginBottom: 16 }}
              title={errorMessage(error, t)}
              description={secondsLeft > 0 ? t('auth.login.retryIn', { seconds: secondsLeft }) : undefined}
            />
          )}
          <Form<LoginInput>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ tenant: rememberedTenant, username: '', password: '' }}
            onFinish={submit}
            onValuesChange={() => loginMutation.isError && secondsLeft === 0 && loginMutation.reset()}
          >
            <Form.Item
              name="tenant"
              label={t('auth.login.tenant')}
              rules={[{ required: true, whitespace: true, message: t('auth.login.tenantRequired') }]}
            >
              <Input
                autoComplete="organization"
                autoFocus={!rememberedTenant}
                placeholder={t('auth.login.tenantPlaceholder')}
              />
            </Form.Item>
            <Form.Item
              name="username"
              label={t('auth.login.username')}
              rules={[{ required: true, whitespace: true, message: t('auth.login.usernameRequired') }]}
            >
              <Input autoComplete="username" autoCapitalize="none" autoFocus={Boolean(rememberedTenant)} />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.login.password')}
              rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={loginMutation.isPending}
              disabled={secondsLeft > 0}
            >
              {t('auth.login.submit')}
            </Button>
          </Form>
        </Card>
        <DemoLogins
          onPick={(input) => {
            form.setFieldsValue(input);
            loginMutation.reset();
          }}
        />
      </Flex>
    </Flex>
  );
}
