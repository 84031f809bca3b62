import { Link } from 'react-router';

export default function NotFound() {
  return (
    <div className="page">
      <h1>找不到这个页面</h1>
      <p>
        链接可能有误或已过期。请<Link to="/">返回首页</Link>，或用页面顶部的搜索框查找。
      </p>
    </div>
  );
}
