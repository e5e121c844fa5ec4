// The real billing-host on a loopback port with a temporary data directory.
// Paths come from CTest (see CMakeLists.txt) or default to the build/ tree.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const buildDir = process.env.BILLING_BINARY_DIR ?? path.join(sourceDir, 'build');

export const paths = {
  executable: process.env.BILLING_HOST_EXECUTABLE ?? path.join(buildDir, 'bin/billing-host'),
  pluginsDir: process.env.BILLING_PLUGINS_DIR ?? path.join(buildDir, 'lib/billing-host/plugins'),
  fixturePluginsDir: process.env.BILLING_FIXTURE_PLUGINS_DIR ?? path.join(buildDir, 'tests/fixture-plugins'),
  webDir: process.env.BILLING_WEB_DIR ?? path.join(buildDir, 'share/billing-host/web'),
  screenshotDir: process.env.BILLING_SCREENSHOT_DIR ?? path.join(buildDir, 'screenshots'),
};

const STARTUP_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

// Starts the host on port 0 and reads the port it picked from its log line
// "listening on http://127.0.0.1:<port>". `pluginsDir` replaces the product
// plugins folder (a test that needs the fixture plugins too).
export async function startHost({ pluginsDir = paths.pluginsDir } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tv-browser-test-'));
  const child = spawn(paths.executable, [
    '--bind', '127.0.0.1', '--port', '0', '--data-dir', dataDir,
    '--plugins-dir', pluginsDir, '--web-dir', paths.webDir,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  let log = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`billing-host did not start within ${STARTUP_TIMEOUT_MS} ms:\n${log}`)),
      STARTUP_TIMEOUT_MS);
    const read = (chunk) => {
      log += chunk;
      const match = /listening on http:\/\/[^\s]+:(\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`billing-host exited (${code ?? signal}) while starting:\n${log}`));
    });
  });

  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    log: () => log,
    running: () => child.exitCode === null && child.signalCode === null,
    // SIGTERM, and SIGKILL if it has not gone after a while.
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const result = await exited;
      clearTimeout(killer);
      return result;
    },
    removeDataDir: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}
