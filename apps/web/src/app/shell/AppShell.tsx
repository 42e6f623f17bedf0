import { useState } from 'react';
import { Button, Drawer, Flex, Grid, Layout, Menu, Space, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../../features/auth/hooks/useLogout';
import { errorMessage } from '../api/errors';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import type { SessionUser } from '../session/session';
import { BrandMark, FoldIcon, LogoutIcon, MenuIcon } from './icons';
import { selectedNavKey, visibleNavItems } from './navigation';

const { Header, Sider, Content } = Layout;

function Brand({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex
      align="center"
      gap={10}
      style={{ height: 56, padding: compact ? '0 18px' : '0 20px', overflow: 'hidden' }}
    >
      <BrandMark />
      {!compact && (
        <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography.Text>
      )}
    </Flex>
  );
}

function NavMenu({ user, onNavigate }: { user: SessionUser; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const selected = selectedNavKey(location.pathname);
  return (
    <Menu
      mode="inline"
      aria-label={t('nav.main')}
      selectedKeys={selected ? [selected] : []}
      style={{ borderInlineEnd: 'none' }}
      items={visibleNavItems(user.roles).map((item) => ({
        key: item.path,
        icon: item.icon,
        label: t(item.labelKey),
      }))}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
    />
  );
}

function RoleTags({ roles }: { roles: string[] }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4}>
      {roles.map((role) => (
        <Tag key={role} color="blue" variant="filled" style={{ marginInlineEnd: 0 }}>
          {t(`role.${role}`, { defaultValue: role })}
        </Tag>
      ))}
    </Flex>
  );
}

function LogoutButton({ block = false }: { block?: boolean }) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Button
      icon={<LogoutIcon />}
      block={block}
      loading={logout.isPending}
      danger={logout.isError}
      title={logout.isError ? `${t('auth.logoutFailed')}: ${errorMessage(logout.error, t)}` : undefined}
      onClick={() => logout.mutate()}
    >
      {t('auth.logout')}
    </Button>
  );
}

/** Header + side menu on desktop and tablet; on a phone the menu and account live in a drawer. */
export function AppShell({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Sider
          theme="light"
          width={216}
          collapsedWidth={64}
          collapsed={collapsed}
          breakpoint="lg"
          onBreakpoint={(narrow) => setCollapsed(narrow)}
          trigger={null}
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <Brand compact={collapsed} />
          <NavMenu user={user} />
        </Sider>
      )}
      <Layout>
        <Header
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            height: 56,
            padding: isPhone ? '0 12px' : '0 20px',
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            lineHeight: 'normal',
          }}
        >
          <Button
            type="text"
            aria-label={
              isPhone ? t('shell.openMenu') : collapsed ? t('shell.expandMenu') : t('shell.collapseMenu')
            }
            icon={isPhone ? <MenuIcon /> : <FoldIcon unfold={collapsed} />}
            onClick={() => (isPhone ? setDrawerOpen(true) : setCollapsed((value) => !value))}
          />
          {isPhone && <BrandMark size={24} />}
          <Typography.Text
            strong
            ellipsis
            data-testid="company-name"
            style={{ flex: 1, minWidth: 0, fontSize: isPhone ? 15 : 16 }}
            title={`${t('shell.company')}: ${user.tenant.name}`}
          >
            {user.tenant.name}
          </Typography.Text>
          {!isPhone && (
            <Space size={16} align="center">
              <LanguageSwitch size="small" />
              <Flex vertical align="flex-end" gap={2} data-testid="current-user">
                <Typography.Text strong>{user.displayName}</Typography.Text>
                <RoleTags roles={user.roles} />
              </Flex>
              <LogoutButton />
            </Space>
          )}
        </Header>
        <Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
      {isPhone && (
        <Drawer
          placement="left"
          size={288}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={<Brand />}
          styles={{ header: { padding: 0 }, body: { padding: 0, display: 'flex', flexDirection: 'column' } }}
        >
          <Flex
            vertical
            gap={8}
            style={{ padding: 16, borderBottom: `1px solid ${token.colorBorderSecondary}` }}
          >
            <Typography.Text type="secondary">{user.tenant.name}</Typography.Text>
            <Typography.Text strong data-testid="current-user">
              {user.displayName}
            </Typography.Text>
            <RoleTags roles={user.roles} />
          </Flex>
          <NavMenu user={user} onNavigate={() => setDrawerOpen(false)} />
          <Flex vertical gap={12} style={{ marginTop: 'auto', padding: 16 }}>
            <LanguageSwitch />
            <LogoutButton block />
          </Flex>
        </Drawer>
      )}
    </Layout>
  );
}
