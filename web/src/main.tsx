import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { createClient } from './client';
import { HealthBadge } from './HealthBadge';

const client = createClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider value={client}>
      <main style={{ fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif', padding: 24 }}>
        <h1>ChainMap 产业链招商图谱</h1>
        <HealthBadge />
      </main>
    </Provider>
  </StrictMode>,
);
