// Caches that must be one per process, not one per copy of a module: `claimlens serve` runs the
// CLI's sources (through tsx) and the built server's bundled copies of the same modules side by
// side, and the caches it warms before taking requests (warm.ts) are the ones the pages read.

/** The process-wide Map registered under `name` (created on first use). */
export function processMap<K, V>(name: string): Map<K, V> {
	const key = Symbol.for(`claimlens.cache.${name}`);
	const registry = globalThis as Record<symbol, unknown>;
	return (registry[key] ??= new Map<K, V>()) as Map<K, V>;
}
