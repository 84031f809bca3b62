import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Anything a page throws while rendering: never a blank screen, always a way back. */
export function RouteError() {
  const error = useRouteError();
  const chunkFailed =
    error instanceof Error && /dynamically imported module|Loading chunk/i.test(error.message);
  return (
    <main className="page" role="alert">
      <h1>页面出错了</h1>
      <p>
        {chunkFailed
          ? '页面文件加载失败，可能是网络中断或系统刚刚更新。'
          : isRouteErrorResponse(error)
            ? `${error.status} ${error.statusText}`
            : `出现了意外错误：${error instanceof Error ? error.message : String(error)}`}
      </p>
      <p>
        请
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          刷新页面
        </button>
        ，或<a href="/">返回首页</a>。如果问题一直存在，请联系管理员。
      </p>
    </main>
  );
}
