// CLI conventions: machine-readable output on stdout (--json), messages and progress on
// stderr, exit 0 on success, non-zero with a one-line reason on failure.
export class CliError extends Error {}

export function info(message: string): void {
	process.stderr.write(`${message}\n`);
}

export function printJson(value: unknown): void {
	process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A progress reporter that rewrites one stderr line on a TTY and prints every 2 s otherwise. */
export function progressLine(label: string): (text: string, final?: boolean) => void {
	let last = 0;
	const tty = Boolean(process.stderr.isTTY);
	return (text, final = false) => {
		const now = Date.now();
		if (!final && now - last < (tty ? 200 : 2000)) return;
		last = now;
		if (tty) process.stderr.write(`\r\x1b[K${label}: ${text}${final ? '\n' : ''}`);
		else process.stderr.write(`${label}: ${text}\n`);
	};
}

export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
