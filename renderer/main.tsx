// Renderer entry: picks the host (Electron's preload, or the browser host over HTTP), creates the
// store and the session, and renders the app.
import { createRoot } from 'react-dom/client';
import type { GlossHost } from '../shared/contract.js';
import { createWebHostClient } from './host/web-host-client.js';
import { createGlossSession } from './state/gloss-session.js';
import { createGlossStore } from './state/gloss-store.js';
import { App } from './ui/App.js';
import { AppContext } from './ui/session-context.js';
import './styles.css';

declare global {
  interface Window {
    glossHost?: GlossHost;
  }
}

function pickHost(): GlossHost {
  if (window.glossHost) return window.glossHost;
  const token = new URLSearchParams(window.location.search).get('token');
  if (!token) throw new Error('Open Gloss with the address printed by `npm run web` (it carries the access token).');
  return createWebHostClient(token);
}

const rootElement = document.getElementById('root')!;
try {
  const session = createGlossSession(pickHost(), createGlossStore());
  createRoot(rootElement).render(
    <AppContext.Provider value={{ session, reader: { current: null } }}>
      <App />
    </AppContext.Provider>,
  );
  session.start().catch((err: Error) => session.store.getState().setWorkspaceError(err.message));
} catch (err) {
  rootElement.textContent = (err as Error).message;
}
