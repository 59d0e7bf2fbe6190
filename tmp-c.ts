import { chromium } from '@playwright/test';
import { listScenarioTokens } from './src/simulator';
import { startFixtureRewriter } from './bench/lib/fixture-rewriter';
import { startProxy, startStandaloneSimulator } from './bench/targets';
const fixtures = listScenarioTokens().filter((t) => !t.scenario.startsWith('fault-') && t.scenario !== 'unknown' && t.scenario !== 'large').map((t) => t.link_token);
const tokens = Array.from({ length: 500 }, (_, i) => `link-sandbox-${i.toString(16).padStart(8, '0')}-5000-4000-8000-000000000000`);
const fixtureOf = new Map(tokens.map((t, i) => [t, fixtures[i % fixtures.length]!]));
const sim = await startStandaloneSimulator();
const plaid = await startFixtureRewriter(sim.url, (t) => fixtureOf.get(t));
const server = await startProxy(plaid.url, { LOG_LEVEL: 'warn' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (let round = 0; round < 1; round++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.getByRole('tab', { name: 'Batch' }).click();
  await page.getByLabel(/Tokens, or any text/).fill(tokens.join('\n'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 500 }); await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Look up 500 tokens' }).click();
  await page.getByText(/^Done:/).waitFor({ timeout: 60000 });
  const elapsed = Date.now() - t0;
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map<string, number>(); const total = profile.samples!.length;
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  const counts = new Map<number, number>(); for (const s of profile.samples!) counts.set(s, (counts.get(s) ?? 0) + 1);
  for (const [id, c] of counts) { const n: any = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + c); }
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, c]) => `${(100 * c / total).toFixed(1)}% ${k}`).join('\n'));
  const r = await page.evaluate(() => {
    const e = performance.getEntriesByType('resource').filter((x) => x.name.includes('/api/link/token/get')) as PerformanceResourceTiming[];
    const d = e.map((x) => x.duration).sort((a, b) => a - b);
    const ttfb = e.map((x) => x.responseStart - x.requestStart).sort((a, b) => a - b);
    const q = e.map((x) => x.requestStart - x.startTime).sort((a, b) => a - b);
    const span = Math.max(...e.map((x) => x.responseEnd)) - Math.min(...e.map((x) => x.startTime));
    return { n: e.length, p50: d[d.length >> 1], p95: d[Math.floor(d.length * 0.95)], ttfb50: ttfb[ttfb.length >> 1], queue50: q[q.length >> 1], span };
  });
  console.log(round, elapsed, JSON.stringify(r));
  await page.close();
}
await browser.close(); await server.stop(); await plaid.stop(); await sim.stop();
