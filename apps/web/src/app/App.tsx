import { useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { i18n } from './i18n/i18n';
import { toLanguage } from './i18n/languages';
import { createQueryClient } from './queryClient';
import { router } from './router';

const antdLocales = { 'zh-CN': zhCN, en: enUS } as const;

function LocalisedApp() {
  const { i18n: instance } = useTranslation();
  const language = toLanguage(instance.resolvedLanguage ?? instance.language);
  return (
    <ConfigProvider
      locale={antdLocales[language]}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
    >
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <LocalisedApp />
      </I18nextProvider>
    </QueryClientProvider>
  );
}
