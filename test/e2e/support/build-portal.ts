// Builds the portal exactly as `npm run build:web` does, so that the journeys test the
// current sources rather than whatever dist/web holds. A child process, because the test
// runner's NODE_ENV=test would otherwise produce React's development build.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function buildPortal(): void {
  const vite = path.resolve('node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
