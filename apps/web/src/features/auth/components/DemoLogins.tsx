import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../../../app/api/meta';
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_TENANT } from '../api/demoLogins';
import type { LoginInput } from '../api/auth';

/** The demo accounts, listed only when the server says it runs the demo seed (GET /api/v1/meta). */
export function DemoLogins({ onPick }: { onPick: (input: LoginInput) => void }) {
  const { t } = useTranslation();
  const meta = useMeta();
  if (!meta.data?.demo) return null;
  return (
    <Alert
      type="info"
      data-testid="demo-logins"
      title={t('auth.demo.title')}
      description={
        <Flex vertical gap={8}>
          <Typography.Text>
            {t('auth.demo.intro', { tenant: DEMO_TENANT, password: DEMO_PASSWORD })}
          </Typography.Text>
          <Flex wrap gap={6}>
            {DEMO_LOGINS.map(({ username, role }) => (
              <Button
                key={username}
                size="small"
                title={t(`role.${role}`)}
                onClick={() => onPick({ tenant: DEMO_TENANT, username, password: DEMO_PASSWORD })}
              >
                <code>{username}</code>
              </Button>
            ))}
          </Flex>
        </Flex>
      }
    />
  );
}
