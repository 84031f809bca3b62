import { useId, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { SignInDocument } from '../gql/graphql';
import { setSession, useSession } from './session';

/** Only paths of this site: `next` must not send the user elsewhere after signing in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** 登录: user name and password; the session is remembered until it expires or the user signs out. */
export default function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const [{ fetching }, signIn] = useMutation(SignInDocument);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const userId = useId();
  const passwordId = useId();
  const next = safeNext(params.get('next'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const r = await signIn({ username: username.trim(), password });
    const s = r.data?.signIn;
    if (!s) {
      const code = r.error?.graphQLErrors[0]?.extensions?.code;
      setProblem(
        code === 'RATE_LIMITED'
          ? `尝试次数过多：${r.error?.graphQLErrors[0]?.message ?? ''}`
          : code === 'UNAUTHENTICATED'
            ? '用户名或密码不正确。'
            : '暂时无法登录，请稍后再试。',
      );
      return;
    }
    setSession({ token: s.token, expiresAt: s.expiresAt, username: s.user.username });
    void navigate(next, { replace: true });
  };

  return (
    <div className="page signin-page">
      <h1>登录</h1>
      {session && <p className="ok">已登录为 {session.username}。可以用其他账号重新登录。</p>}
      <form className="signin-form" onSubmit={(e) => void submit(e)} aria-describedby="signin-note">
        <label htmlFor={userId}>用户名</label>
        <input
          id={userId}
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
          autoFocus
        />
        <label htmlFor={passwordId}>密码</label>
        <input
          id={passwordId}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <button type="submit" className="btn btn-primary" disabled={fetching || !username || !password}>
          {fetching ? '正在登录…' : '登录'}
        </button>
        {problem && (
          <p role="alert" className="state state-error">
            ⚠ {problem}
          </p>
        )}
      </form>
      <p id="signin-note" className="muted">
        产业链、环节、地区和企业等公开信息无需登录即可查看（若服务器允许）；目标库、项目和考核目标按账号的地区与产业链授权查看和修改。
      </p>
    </div>
  );
}
