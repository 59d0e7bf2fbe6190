// Imported first, so that it is in force before any other module evaluates (or parses with) zod.
import './app/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/query-client';
import { removeCredentialsFromAddress } from './lib/address-bar';
import './app/styles/global.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Before anything renders: credentials pasted into a URL must not stay in the address bar or history.
removeCredentialsFromAddress();

createRoot(root).render(
  <StrictMode>
    <App queryClient={createQueryClient()} />
  </StrictMode>,
);
