import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Provider } from 'urql';
import { routes } from './app/routes';
import { useSession } from './auth/session';
import { createClient } from './client';
import './styles.css';

const router = createBrowserRouter(routes);

/** A new client (and so an empty cache) whenever the signed-in user changes. */
function App() {
  const token = useSession()?.token;
  const client = useMemo(() => createClient(), [token]);
  return (
    <Provider value={client}>
      <RouterProvider router={router} />
    </Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
