// End-to-end tests: the built app served by `claimlens serve` on a small seeded demo database,
// driven by Debian's Chromium through playwright-core (never a downloaded browser).
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 300_000,
		fileParallelism: false,
		pool: 'forks'
	}
});
