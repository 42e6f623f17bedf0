import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/i18n/i18n';
import { App } from './app/App';
import './app/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
