import type { CombinedError } from 'urql';

/** What went wrong with a request, in the user's words, and what to do about it. */
export interface Problem {
  kind: 'pending' | 'network' | 'not-found' | 'input' | 'server' | 'signin' | 'forbidden';
  /** What happened. */
  message: string;
  /** What to do. */
  action: string;
  /** For kind 'pending': the API field or type the explorer waits for. */
  pending?: string;
}

const PENDING_PATTERNS = [
  /Cannot query field "(\w+)" on type "(?:Query|Mutation)"/,
  /Unknown type "(\w+)"/,
  /Schema is not configured to execute (mutation) operation/,
  /Unknown argument "(\w+)" on field/,
];

/** The API field or type a GraphQL validation error says is missing, if that is what it says. */
export function pendingApiName(message: string): string | null {
  for (const p of PENDING_PATTERNS) {
    const m = p.exec(message);
    if (m) return m[1] === 'mutation' ? 'Mutation' : m[1]!;
  }
  return null;
}

/** Classify an urql error for display. */
export function describeError(error: CombinedError): Problem {
  if (error.networkError && !error.graphQLErrors.length) {
    return {
      kind: 'network',
      message: '无法连接服务器',
      action: '请检查网络连接或确认服务已启动，然后点击“重试”。',
    };
  }
  for (const e of error.graphQLErrors) {
    const pending = pendingApiName(e.message);
    if (pending)
      return {
        kind: 'pending',
        pending,
        message: `该功能所需的接口（${pending}）尚未上线`,
        action: '其余功能不受影响；接口上线后刷新即可使用。',
      };
  }
  const code = error.graphQLErrors[0]?.extensions?.code;
  if (/Query Cost limit/i.test(error.graphQLErrors[0]?.message ?? ''))
    return {
      kind: 'input',
      message: '这次查询的数据量超出了服务器的上限',
      action: '请缩小范围（例如选择具体的产业链或县区）后重试。',
    };
  if (code === 'UNAUTHENTICATED')
    return {
      kind: 'signin',
      message: '需要登录',
      action: '请点击右上角“登录”，用有权限的账号登录后再试。',
    };
  if (code === 'FORBIDDEN')
    return {
      kind: 'forbidden',
      message: '没有权限',
      action: '该操作或数据不在您账号的地区、产业链或角色范围内；如需权限请联系管理员。',
    };
  if (code === 'RATE_LIMITED')
    return {
      kind: 'input',
      message: '请求过于频繁',
      action: `请等待${String(error.graphQLErrors[0]?.extensions?.retryAfter ?? '')}秒后重试。`,
    };
  if (code === 'NOT_FOUND')
    return { kind: 'not-found', message: '未找到该对象', action: '它可能已被删除，请返回上一页重新选择。' };
  if (code === 'BAD_USER_INPUT')
    return {
      kind: 'input',
      message: `输入有误：${error.graphQLErrors[0]?.message ?? ''}`,
      action: '请检查输入后重试。',
    };
  return {
    kind: 'server',
    message: `服务器出错：${error.graphQLErrors[0]?.message ?? error.message}`,
    action: '请稍后点击“重试”；如果一直出错，请联系管理员。',
  };
}
