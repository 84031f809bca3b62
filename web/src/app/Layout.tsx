import { Suspense } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { UserMenu } from '../auth/UserMenu';
import { ChainSelect } from '../scope/ChainSelect';
import { RegionPicker } from '../scope/RegionPicker';
import { SearchBox } from '../search/SearchBox';
import { Loading } from '../ui/States';
import { scopedHref, useScope } from './scope';

const NAV = [
  { path: '/', label: '首页', end: true },
  { path: '/chain', label: '产业链全景图' },
  { path: '/where', label: '到哪招' },
  { path: '/pipeline', label: '项目推进' },
  { path: '/report', label: '招商地图报告' },
  { path: '/dashboard', label: '地区看板' },
  { path: '/bulletin', label: '月通报' },
];

/** The frame of every page: brand, navigation, the place and chain, search; the page below. */
export function Layout() {
  const { scope, update } = useScope();
  const { pathname } = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <header className="app-header no-print">
        <div className="header-row">
          <NavLink to={scopedHref('/', scope)} className="brand">
            ChainMap <span>产业链招商图谱</span>
          </NavLink>
          <nav aria-label="主导航">
            <ul>
              {NAV.map((n) => (
                <li key={n.path}>
                  <NavLink to={scopedHref(n.path, scope)} end={n.end ?? false}>
                    {n.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <SearchBox />
          <UserMenu />
        </div>
        <div className="scope-row">
          <RegionPicker value={scope.region} onChange={(region) => update({ region })} />
          <ChainSelect value={scope.chain} onChange={(chain) => update({ chain })} />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense key={pathname} fallback={<Loading>正在打开页面…</Loading>}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
