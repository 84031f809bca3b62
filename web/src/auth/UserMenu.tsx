import { Link, useLocation } from 'react-router';
import { ROLE_LABEL } from '../ui/labels';
import { clearSession } from './session';
import { useMe } from './useMe';

/** The header's corner: who is signed in (name, role, region) and 退出, or 登录. */
export function UserMenu() {
  const { me, signedIn } = useMe();
  const { pathname, search } = useLocation();
  if (!signedIn) {
    if (pathname === '/signin') return null;
    return (
      <Link
        className="btn btn-small user-signin"
        to={`/signin?next=${encodeURIComponent(pathname + search)}`}
      >
        登录
      </Link>
    );
  }
  return (
    <div className="user-menu" data-testid="user-menu">
      <span className="user-name">
        {me ? (
          <>
            {me.displayName ?? me.username}
            <small>
              {' '}
              {ROLE_LABEL[me.role] ?? me.role}
              {me.region ? ` · ${me.region.name}` : ''}
              {me.chains.length ? ` · ${me.chains.map((c) => c.name).join('、')}` : ''}
            </small>
          </>
        ) : (
          '…'
        )}
      </span>
      <button type="button" className="btn btn-small" onClick={() => clearSession()}>
        退出
      </button>
    </div>
  );
}

/** In place of a pipeline page for someone not signed in. */
export function SignInNeeded({ what }: { what: string }) {
  const { pathname, search } = useLocation();
  return (
    <div className="state state-empty">
      {what}需要登录后查看：目标库、项目和考核目标按账号的地区和产业链授权。{' '}
      <Link to={`/signin?next=${encodeURIComponent(pathname + search)}`}>去登录</Link>
    </div>
  );
}
