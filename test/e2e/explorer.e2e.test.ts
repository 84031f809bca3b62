import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIXTY, writeSixtyLinkChain } from './sixty.js';
import { ensureWebBuilt, ROOT, startStack, type Stack } from './stack.js';

// The task force's day, in a real browser against the real product with the default seed:
// sign in as a task force → 咸宁市 → 新能源汽车 → a missing link → ranked targets with factor bars →
// add one to the library → the pipeline board → move it a stage → a city office reads the change
// log → the report → the XLSX export. Screenshots of each main
// view go to test/artifacts/ (git-ignored); the panorama also to docs/panorama.png.

const ARTIFACTS = join(ROOT, 'test/artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let stack: Stack;
let browser: Browser;
let page: Page;
/** Carried from step to step. */
const state: { enterpriseKey?: string; enterpriseName?: string; added?: boolean; projectKey?: string } = {};
const consoleErrors: string[] = [];
/** Wait for a value, as a user would: up to 30 s (the API is on a busy 2-core machine). */
const poll = <T>(fn: () => Promise<T> | T, timeout = 30_000) => expect.poll(fn, { timeout, interval: 200 });

/** Follow a link of the main navigation (the header is on every page). */
const nav = (name: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true }).click();

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ensureWebBuilt();
  stack = await startStack({ prepare: writeSixtyLinkChain });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  // Nothing from the internet: any request off the product's origin fails the run.
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => {
    consoleErrors.push(`external request: ${route.request().url()}`);
    return route.abort();
  });
  page = await context.newPage();
  page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Sign in through the sign-in page as a development user (seed/src/users/users.ts). */
async function signIn(username: string, password: string, who: RegExp): Promise<void> {
  await page.goto(`${stack.url}/signin`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await poll(() => page.getByTestId('user-menu').innerText()).toMatch(who);
}

describe('the explorer, end to end', () => {
  it('signs in as the 赤壁 new-energy task force; the header says who is signed in', async () => {
    await page.goto(stack.url);
    await page.getByRole('link', { name: '登录', exact: true }).waitFor();
    await signIn('chibi-nev', 'chibi-dev-2026', /赤壁市.*招商专班/);
  });

  it('chooses 咸宁市 and a chain; the choice is in the URL', async () => {
    await page.goto(stack.url);
    await poll(() => page.getByRole('heading', { name: '产业链招商图谱' }).isVisible()).toBe(true);
    const province = page.getByTestId('region-省');
    await poll(() => province.locator('option', { hasText: '湖北省' }).count()).toBe(1);
    await province.selectOption({ label: '湖北省' });
    const city = page.getByTestId('region-市');
    await poll(() => city.locator('option', { hasText: '咸宁市' }).count()).toBe(1);
    await city.selectOption({ label: '咸宁市' });
    await page.getByTestId('chain-select').selectOption({ label: '新能源汽车' });
    await poll(() => new URL(page.url()).searchParams.get('region')).toBe('421200');
    expect(new URL(page.url()).searchParams.get('chain')).toBe('nev');
    await shot('home');
  });

  it('shows the panorama coloured for 咸宁市, within a second of its data', async () => {
    await nav('产业链全景图');
    const canvas = page.getByTestId('panorama');
    await canvas.waitFor();
    await poll(() => page.locator('.link-node[data-status="STRONG"]').count()).toBeGreaterThan(0);
    const layoutMs = Number(await canvas.getAttribute('data-layout-ms'));
    expect(layoutMs).toBeGreaterThan(0);
    expect(layoutMs).toBeLessThan(1000);
    const links = await page.locator('.link-node, button.sublink').count();
    process.stdout.write(`[e2e] panorama: ${links} links laid out in ${layoutMs} ms\n`);
    expect(await page.locator('.legend').innerText()).toContain('缺链');
    await shot('panorama');
    // For the README: the whole chain at once, on a larger screen.
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.getByRole('button', { name: '显示全部' }).click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ROOT, 'docs/panorama.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('opens a missing link and ranks targets with a bar per factor', async () => {
    const missing = page
      .locator(
        '.link-node[data-status="MISSING"] > button.link-node-title, button.sublink[data-status="MISSING"]',
      )
      .first();
    // By keyboard, as a task force member without a mouse would: the canvas pans to the link.
    await missing.focus();
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).searchParams.get('link')).toBeTruthy();
    const panel = page.getByTestId('link-panel');
    await panel.waitFor();
    await poll(() => panel.getByTestId('target').count(), 60_000).toBeGreaterThan(0);
    const first = panel.getByTestId('target').first();
    expect(await first.getByRole('meter').count()).toBe(5);
    state.enterpriseName = (await first.locator('.target-name').innerText()).trim();
    const href = await first.locator('.target-name').getAttribute('href');
    state.enterpriseKey = decodeURIComponent(/\/enterprise\/([^?]+)/.exec(href ?? '')![1]!);
    await shot('link-targets');
  });

  it('adds the best target to the task force’s library', async () => {
    const first = page.getByTestId('link-panel').getByTestId('target').first();
    await first.getByRole('button', { name: /加入目标库/ }).click();
    await poll(() => first.getByText(/已在/).count()).toBeGreaterThan(0);
    state.added = true;
  });

  it('shows it on the pipeline board, and moves it a stage', async (ctx) => {
    await nav('项目推进');
    await page.getByTestId('column-LIBRARY').waitFor();
    await shot('pipeline');
    if (!state.added) ctx.skip(); // needs the step before
    const card = page.locator(`[data-testid="library-card"][data-enterprise="${state.enterpriseKey}"]`);
    await card.waitFor();
    await card.getByRole('button', { name: /立项为线索/ }).click();
    // The firm's own links on the chain come ticked; the planned amount is the task force's to say.
    await card.getByTestId('project-amount').fill('5');
    await card.getByRole('button', { name: '确认立项' }).click();
    const lead = page
      .getByTestId('column-LEAD')
      .getByTestId('project-card')
      .filter({ hasText: state.enterpriseName! });
    await lead.waitFor();
    await lead.getByRole('button', { name: /推进至在谈/ }).click();
    await page
      .getByTestId('column-NEGOTIATING')
      .getByTestId('project-card')
      .filter({ hasText: state.enterpriseName! })
      .waitFor();
    await shot('pipeline-moved');
  });

  it('shows a city office the project’s change log; the task force could not see it', async () => {
    if (!state.added) return;
    // The task force is not an audit reader: no change log button on its board.
    expect(await page.getByRole('button', { name: '修改记录' }).count()).toBe(0);
    await page.getByTestId('user-menu').getByRole('button', { name: '退出' }).click();
    await page.getByRole('link', { name: '登录', exact: true }).waitFor();
    await signIn('xianning', 'xianning-dev-2026', /咸宁市招商办/);
    await page.goto(`${stack.url}/pipeline?region=421200&chain=nev`);
    const card = page
      .getByTestId('column-NEGOTIATING')
      .getByTestId('project-card')
      .filter({ hasText: state.enterpriseName! });
    await card.waitFor();
    await card.getByRole('button', { name: '修改记录' }).click();
    const log = card.getByRole('list', { name: '修改记录' });
    await poll(() => log.innerText()).toContain('推进阶段');
    expect(await log.innerText()).toContain('chibi-nev');
    expect(await log.innerText()).toContain('立项');
    await shot('change-log');
  });

  it('shows where to go and an enterprise', async () => {
    await nav('到哪招');
    await page.locator('.china-map svg path').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('table.ranked tbody tr').count()).toBeGreaterThan(0);
    await shot('where');
    if (state.enterpriseKey) {
      await page.goto(
        `${stack.url}/enterprise/${encodeURIComponent(state.enterpriseKey)}?region=421200&chain=nev`,
      );
      await page.getByRole('heading', { level: 1 }).waitFor();
      await shot('enterprise');
    }
  });

  it('prints the report to A4 and downloads the XLSX', async () => {
    await page.goto(`${stack.url}/report?region=421200&chain=nev`);
    await page.getByRole('heading', { name: '咸宁市新能源汽车产业链招商地图' }).waitFor();
    await page.locator('.report [data-testid="panorama"] .link-node').first().waitFor();
    await poll(() => page.locator('.report .state-loading').count(), 60_000).toBe(0);
    await shot('report');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    await page.pdf({ path: join(ARTIFACTS, 'report.pdf'), format: 'A4', printBackground: true });
    expect(statSync(join(ARTIFACTS, 'report.pdf')).size).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('xlsx-export').click(),
    ]);
    const file = join(ARTIFACTS, 'investment-map.xlsx');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  it('draws a 60-link panorama, every link, and records how long after its data', async () => {
    // Data arrival: the end of the later of the panorama's two GraphQL responses (chain, diagnosis).
    const arrivals: number[] = [];
    const onFinished = (req: Request) => {
      const body = req.postData() ?? '';
      if (/query (ChainPanorama|ChainDiagnosis)\b/.test(body)) {
        const t = req.timing();
        arrivals.push(t.startTime + t.responseEnd);
      }
    };
    page.on('requestfinished', onFinished);
    try {
      await page.goto(`${stack.url}/chain?region=421200&chain=${SIXTY.chainId}`);
      // Polled every animation frame in the page; the expression is a string since tests compile without the DOM lib.
      const drawn = await page.waitForFunction(
        `document.querySelectorAll('.link-node, button.sublink').length >= ${SIXTY.links} && performance.timeOrigin + performance.now()`,
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      const drawnAt = (await drawn.jsonValue()) as number;
      await poll(() => arrivals.length).toBe(2);
      const afterData = Math.round(drawnAt - Math.max(...arrivals));
      const layoutMs = Number(await page.getByTestId('panorama').getAttribute('data-layout-ms'));
      expect(await page.locator('.link-node, button.sublink').count()).toBe(SIXTY.links);
      expect(await page.locator('.link-node[data-status="MISSING"]').count()).toBeGreaterThan(0);
      expect(await page.locator('.link-node[data-status="STRONG"]').count()).toBeGreaterThan(0);
      expect(afterData).toBeGreaterThan(0);
      process.stdout.write(
        `[e2e] panorama of ${SIXTY.links} links: drawn ${afterData} ms after its data (layout ${layoutMs} ms)\n`,
      );
      writeFileSync(
        join(ARTIFACTS, 'panorama-60.json'),
        JSON.stringify({ links: SIXTY.links, drawnAfterDataMs: afterData, layoutMs }, null, 2),
      );
      await shot('panorama-60');
    } finally {
      page.off('requestfinished', onFinished);
    }
  });

  it('shows 咸宁市 on the region dashboard: KPI gauges with 序时进度, ranking, funnel, warnings; drills down to a county', async () => {
    await page.goto(`${stack.url}/dashboard?region=421200`);
    await page.getByRole('heading', { name: /咸宁市地区看板/ }).waitFor();
    const cards = page.getByRole('list', { name: '考核指标' }).getByRole('listitem');
    await poll(() => cards.count()).toBe(7);
    expect(await page.getByTestId('kpi-projects1e').innerText()).toMatch(
      /(超|落后)序时进度 [\d.]+ 个百分点|持平序时进度/,
    );
    await poll(() => page.locator('.kpi-card svg').count()).toBeGreaterThan(0);
    await poll(() => page.locator('table.ranking-table tbody tr').count(), 60_000).toBe(7);
    expect(await page.locator('.funnel table tbody tr').count()).toBe(10);
    await poll(() => page.getByRole('list', { name: '预警' }).getByRole('listitem').count()).toBeGreaterThan(
      0,
    );
    await shot('dashboard');
    // Drill down: city → county → its projects on the board, warnings on the cards.
    await page.getByTestId('sub-regions').getByRole('link', { name: '赤壁市' }).click();
    await page.getByRole('heading', { name: /赤壁市地区看板/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('region')).toBe('421281');
    await page.getByRole('link', { name: /到项目推进看板/ }).click();
    await page.getByTestId('pipeline-warnings').waitFor({ timeout: 60_000 });
    await poll(() => page.getByTestId('card-warning').count(), 60_000).toBeGreaterThan(0);
    await shot('pipeline-warnings');
  });

  it('logs a visit for a task force from the dashboard; it shows as the latest contact', async () => {
    await page.goto(`${stack.url}/dashboard?region=421200`);
    const forces = page.getByRole('region', { name: '链长与招商专班' });
    const row = forces.locator('tbody tr').first();
    await row.waitFor();
    await row.getByRole('button', { name: '登记走访' }).click();
    const form = row.getByRole('form', { name: '登记走访洽谈' });
    // Without an enterprise chosen from the search, the form says what is missing.
    await form.getByRole('button', { name: '登记' }).click();
    expect(await form.getByRole('alert').innerText()).toContain('选择一家企业');
    await form.getByLabel('企业').fill('宁德');
    const option = form.getByRole('list', { name: '企业搜索结果' }).getByRole('button').first();
    await option.waitFor();
    await option.click();
    await form.getByLabel('方式').selectOption({ label: '洽谈' });
    await form.getByLabel('情况').fill('端到端测试：洽谈电池项目落地');
    await form.getByLabel('下一步').fill('安排链长回访');
    await form.getByRole('button', { name: '登记' }).click();
    await poll(() => row.innerText()).toContain('端到端测试：洽谈电池项目落地');
    expect(await row.innerText()).toContain('安排链长回访');
    await shot('contact-logged');
  });

  it('prints the monthly bulletin to A4 and downloads it as XLSX and Markdown', async () => {
    await page.goto(`${stack.url}/bulletin?region=421200`);
    await page
      .getByRole('heading', { name: /咸宁市\d{4}年\d{1,2}月招商引资工作通报/ })
      .waitFor({ timeout: 60_000 });
    expect(await page.locator('table.bulletin-kpi tbody tr').count()).toBe(8);
    await shot('bulletin');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(ARTIFACTS, 'bulletin.pdf'), format: 'A4', printBackground: true });
    expect(statSync(join(ARTIFACTS, 'bulletin.pdf')).size).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('bulletin-xlsx').click(),
    ]);
    const file = join(ARTIFACTS, 'bulletin.xlsx');
    await xlsx.saveAs(file);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulletin-md').click()]);
    const mdFile = join(ARTIFACTS, 'bulletin.md');
    await md.saveAs(mdFile);
    expect(readFileSync(mdFile, 'utf8')).toMatch(/^# 咸宁市\d{4}年\d{1,2}月招商引资工作通报/);
  });

  it('fetched nothing from the internet and threw no page errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
