// Three test projects: fast pure-logic unit tests, and end-to-end tests with the built extension in real Chromium
// (Playwright) and in Debian's firefox-esr (puppeteer-core over WebDriver BiDi).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            '{base,lint,model,protocol,annotations,content-scripts,extension,cli,demos,scripts,test/unit}/**/*.test.{ts,tsx}',
          ],
          exclude: ['**/node_modules/**', 'dist/**'],
          environment: 'node',
          setupFiles: ['test/unit/setup-tex.ts', 'test/unit/setup-i18n.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // The popup refreshes its state once a second: a poll must outlast a refresh on a loaded machine.
          expect: { poll: { timeout: 5_000 } },
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e-firefox',
          include: ['test/e2e-firefox/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
});
