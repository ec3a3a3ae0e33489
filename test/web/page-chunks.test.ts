// The build's list of pages, read from the router, that the server turns into modulepreloads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lazyPages } from '../../src/web/build/page-chunks';

const WEB = path.resolve('src/web');
const ROUTER = path.join(WEB, 'app/router.tsx');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'absher-router-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A router file beside a page module, as src/web lays them out. */
function router(source: string): string {
  fs.mkdirSync(path.join(tmp, 'app'), { recursive: true });
  fs.mkdirSync(path.join(tmp, 'features/a'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'features/a/a-page.tsx'), 'export function APage() { return null; }\n');
  const file = path.join(tmp, 'app/router.tsx');
  fs.writeFileSync(file, source);
  return file;
}

describe("the router's lazy pages", () => {
  it('are every lazy route of the portal, each with its module', () => {
    const pages = lazyPages(ROUTER);
    const lazyRoutes = fs.readFileSync(ROUTER, 'utf8').match(/\blazy:/g)?.length;
    expect(pages.size).toBe(lazyRoutes);
    expect(pages.get('dashboard')).toBe(path.join(WEB, 'features/dashboard/dashboard-page.tsx'));
    expect(pages.get('services/:code')).toBe(path.join(WEB, 'features/eservices/service-page.tsx'));
    expect(pages.get('establishments/:id')).toBe(path.join(WEB, 'features/establishments/establishment-page.tsx'));
    expect(pages.get('*')).toBe(path.join(WEB, 'features/not-found/not-found-page.tsx'));
    for (const file of pages.values()) expect(fs.existsSync(file)).toBe(true);
  });

  it('are read however the route is spread over lines', () => {
    const file = router(`export const routes = [\n  {\n    path: 'a/:id',\n    lazy: () =>\n      import('../features/a/a-page').then((m) => ({ Component: m.APage })),\n  },\n];\n`);
    expect([...lazyPages(file)]).toEqual([['a/:id', path.join(tmp, 'features/a/a-page.tsx')]]);
  });

  it('refuse a lazy route written another way, rather than leave its page without preloads', () => {
    const file = router(`const load = () => import('../features/a/a-page');\nexport const routes = [{ path: 'a', lazy: load }];\n`);
    expect(() => lazyPages(file)).toThrow(/1 lazy routes, 0 read/);
  });

  it('refuse a page module that is not there', () => {
    const file = router(`export const routes = [{ path: 'b', lazy: () => import('../features/b/b-page') }];\n`);
    expect(() => lazyPages(file)).toThrow(/'b'/);
  });
});
