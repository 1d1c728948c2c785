import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 3000 },
	build: {
		rolldownOptions: {
			// the build prints what a user needs; plugin timing reports are for profiling sessions
			checks: { bundlerTimings: false, pluginTimings: false },
			// ECharts and its renderer (zrender) are the only large libraries in the browser: each gets
			// its own chunk (cached across pages and releases of our own code, each under 500 kB)
			output: {
				codeSplitting: {
					groups: [
						{ name: 'zrender', test: /node_modules[\\/]zrender[\\/]/ },
						{ name: 'echarts', test: /node_modules[\\/]echarts[\\/]/ }
					]
				}
			}
		}
	},
	ssr: { external: ['@duckdb/node-api', '@duckdb/node-bindings'] },
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'src/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		pool: 'forks'
	}
});
