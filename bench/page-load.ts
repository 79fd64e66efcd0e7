import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import type { SignedInDashboard } from './dashboard';
import type { Figure } from './figure';
import { median } from './sandbox-stack';

/** Records the last largest-contentful-paint entry, as the Web Vitals library reports LCP. */
const LCP_OBSERVER = `
  window.__largestPaint = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__largestPaint = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
`;

/** A route to load and the element that says its content is in. */
export interface MeasuredRoute {
  readonly name: string;
  readonly path: string;
  readonly ready: string;
}

interface PageLoad {
  readonly lcpMs: number;
  readonly scriptBytesGzip: number;
  /** Of those, the bytes of the scripts every route loads before any of ours: Next and React. */
  readonly frameworkBytesGzip: number;
  /** Gzip bytes of each script, largest first. */
  readonly scriptSizes: readonly number[];
}

/** Loads per route: LCP on a shared two-core machine varies, so the median is reported. */
const LOADS_PER_ROUTE = 3;

/**
 * The build's framework scripts (`rootMainFiles` of `.next/build-manifest.json`): the Next.js
 * runtime and React that every route loads, whatever it renders. The rest is the app's.
 */
function frameworkScripts(): ReadonlySet<string> {
  const manifest = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../.next/build-manifest.json'), 'utf8'),
  ) as { rootMainFiles?: string[] };
  return new Set((manifest.rootMainFiles ?? []).map((file) => `/_next/${file}`));
}

async function loadRoute(context: BrowserContext, url: string, ready: string): Promise<PageLoad> {
  await context.addInitScript(LCP_OBSERVER);
  const page: Page = await context.newPage();
  const framework = frameworkScripts();
  const sizes: Promise<{ bytes: number; framework: boolean }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    const isFramework = framework.has(new URL(response.url()).pathname);
    sizes.push(
      response
        .body()
        .then((body) => ({ bytes: gzipSync(body, { level: 9 }).length, framework: isFramework }))
        .catch(() => ({ bytes: 0, framework: isFramework })),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.locator(ready).first().waitFor({ timeout: 30_000 });
  // LCP settles once rendering stops; a quiet half second after the content is enough.
  await page.waitForTimeout(500);
  const lcpMs = await page.evaluate<number>('window.__largestPaint');
  const scripts = await Promise.all(sizes);
  await page.close();
  const bytes = scripts.map((script) => script.bytes);
  return {
    lcpMs,
    scriptBytesGzip: bytes.reduce((sum, size) => sum + size, 0),
    frameworkBytesGzip: scripts
      .filter((script) => script.framework)
      .reduce((sum, script) => sum + script.bytes, 0),
    scriptSizes: [...bytes].sort((a, b) => b - a),
  };
}

/**
 * LCP and first-load JavaScript (gzip) of each route of the production build, each loaded
 * signed in, in a fresh context so nothing comes from the cache.
 */
export async function measurePageLoads(
  dashboard: SignedInDashboard,
  routes: readonly MeasuredRoute[],
): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const route of routes) {
    const loads: PageLoad[] = [];
    for (let run = 0; run < LOADS_PER_ROUTE; run += 1) {
      const context = await dashboard.newContext();
      try {
        loads.push(
          await loadRoute(context, `${dashboard.dashboard.url}${route.path}`, route.ready),
        );
      } finally {
        await context.close();
      }
    }
    const lcps = loads.map((load) => load.lcpMs);
    const last = loads.at(-1) as PageLoad;
    const kB = (bytes: number) => `${Math.round(bytes / 1_000)} kB`;
    figures.push({
      group: 'Largest contentful paint, production build on loopback',
      name: route.name,
      value: median(lcps),
      unit: 'ms',
      target: { atMost: 1_000 },
      detail:
        `median of ${LOADS_PER_ROUTE} cold loads (${lcps.map((lcp) => Math.round(lcp)).join(', ')} ms), ` +
        'signed in, headless Chromium',
    });
    figures.push({
      group: 'First-load JavaScript per route (gzip)',
      name: route.name,
      value: last.scriptBytesGzip / 1_000,
      unit: 'kB',
      target: { atMost: 150 },
      detail:
        `${kB(last.frameworkBytesGzip)} Next.js and React (every route), ` +
        `${kB(last.scriptBytesGzip - last.frameworkBytesGzip)} the route's own; ` +
        `${last.scriptSizes.length} script files, largest ${last.scriptSizes
          .slice(0, 4)
          .map(kB)
          .join(', ')}`,
    });
  }
  return figures;
}
