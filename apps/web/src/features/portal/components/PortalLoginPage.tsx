import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../app/api/errors';
import { LanguageSwitch } from '../../../app/i18n/LanguageSwitch';
import { sessionQueryKey } from '../../../app/session/session';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { loginWithCode, requestCode } from '../api/portal';

interface Values {
  tenant: string;
  phone: string;
  code?: string;
}

/** Issue 5 §3: the customer signs in with the phone and a one-time code (shown here in a demo company). */
export function PortalLoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('portal.login.title'));
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [sent, setSent] = useState(false);
  const [demoCode, setDemoCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    const { tenant, phone } = await form.validateFields(['tenant', 'phone']);
    setBusy(true);
    setError(null);
    try {
      const answer = await requestCode({ tenant, phone });
      localStorage.setItem('aftercare.lastTenant', tenant);
      setSent(true);
      setDemoCode(answer.demoCode);
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const login = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const { user } = await loginWithCode({
        tenant: values.tenant,
        phone: values.phone,
        code: values.code ?? '',
      });
      queryClient.setQueryData(sessionQueryKey, user);
      await navigate('/portal', { replace: true });
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f5f5' }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('portal.login.title')}
          </Typography.Title>
          <LanguageSwitch size="small" />
        </Flex>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ tenant: localStorage.getItem('aftercare.lastTenant') ?? '' }}
          onFinish={(v) => void login(v)}
        >
          <Form.Item
            name="tenant"
            label={t('portal.login.tenant')}
            rules={[{ required: true, message: t('portal.login.required') }]}
          >
            <Input autoComplete="organization" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('portal.login.phone')}
            rules={[
              { required: true, message: t('portal.login.required') },
              { pattern: /^[+\d][\d\s-]{4,31}$/, message: t('portal.login.badPhone') },
            ]}
          >
            <Input inputMode="tel" autoComplete="tel" />
          </Form.Item>
          <Button block onClick={() => void send()} loading={busy && !sent} style={{ marginBottom: 16 }}>
            {sent ? t('portal.login.resend') : t('portal.login.send')}
          </Button>
          {sent && (
            <>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="portal-code-sent"
                title={demoCode ? t('portal.login.demoCode', { code: demoCode }) : t('portal.login.sent')}
              />
              <Form.Item
                name="code"
                label={t('portal.login.code')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('portal.login.badCode') }]}
              >
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                {t('portal.login.submit')}
              </Button>
            </>
          )}
          {error && <Alert type="error" showIcon style={{ marginTop: 16 }} title={error} />}
        </Form>
      </Card>
    </Flex>
  );
}
