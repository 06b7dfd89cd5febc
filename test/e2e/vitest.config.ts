import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium (Debian's, never a download) against a real server; run after `vite build`.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
