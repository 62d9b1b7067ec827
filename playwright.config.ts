import fs from 'node:fs';
import { chromium, defineConfig, devices, type LaunchOptions } from '@playwright/test';

/** E2E_PORT lets several checkouts run their end-to-end tests side by side. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Playwright's own Chromium when it is installed; else Debian's (`apt-get install chromium`), since
 * `npx playwright install` cannot download anything here.
 */
function chromiumLaunchOptions(): LaunchOptions {
  try {
    if (fs.existsSync(chromium.executablePath())) return {};
  } catch {
    // No bundled browser registered for this platform: fall through to the system one.
  }
  if (fs.existsSync(SYSTEM_CHROMIUM)) {
    return {
      executablePath: SYSTEM_CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    };
  }
  throw new Error(
    `No Chromium for Playwright: neither Playwright's bundled browser nor ${SYSTEM_CHROMIUM} exists.\n` +
      'Install Debian\'s: `sudo apt-get update && sudo apt-get install -y chromium` (.ci/run does this).',
  );
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // The machine is shared and busy (load far above its 2 cores at times): Monaco and the first analysis can take
  // longer than the default 30 s per test. No test asserts a duration.
  timeout: 90_000,
  reporter: 'list',
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() },
    },
  ],
  // e2e runs against the production build (`npm run test:e2e` builds first).
  webServer: {
    command: `npm run preview -- --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
