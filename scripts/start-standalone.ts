/**
 * Runs the production build the way the container image does, without Docker: lays out the
 * image's /app in a folder (the Dockerfile's runtime COPY lines) and starts `node server.js`
 * there with this shell's environment.
 *
 *   npm run build
 *   AWS_REGION=eu-west-1 DASHBOARD_SESSION_SECRET=... DASHBOARD_USERS_FILE=... \
 *     npx tsx scripts/start-standalone.ts [folder]      (default .next/image-app)
 *
 * PORT (default 3000) and HOSTNAME (default 127.0.0.1 here, 0.0.0.0 in the image) apply.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, assembleImageLayout } from './lib/standalone';

const folder = path.resolve(process.argv[2] ?? path.join(ROOT, '.next', 'image-app'));
if (!existsSync(path.join(ROOT, '.next', 'standalone', 'server.js'))) {
  console.error('No standalone build: run `npm run build` first.');
  process.exit(1);
}

rmSync(folder, { recursive: true, force: true });
for (const copy of assembleImageLayout(folder)) {
  console.error(`copied ${copy.source} -> ${path.join(folder, copy.target)}`);
}

const server = spawn(process.execPath, ['server.js'], {
  cwd: folder,
  stdio: 'inherit',
  env: { HOSTNAME: '127.0.0.1', ...process.env },
});
const forward = (signal: NodeJS.Signals) => server.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
server.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
