import fs from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Playwright's own Chromium when it is installed; else Debian's (`apt-get install chromium`), since
 * `npx playwright install` cannot download anything here.
 */
export function chromiumLaunchOptions(): LaunchOptions {
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
