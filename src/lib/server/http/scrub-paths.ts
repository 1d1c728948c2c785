// Messages that leave the server name no server paths (security issue 15): an upload is
// stored as data/uploads/<uuid>.csv, and the reader's and sniffer's messages quote that path.
// At the boundary to the client, the stored path becomes the user's own file name, and any
// other absolute path keeps only its last segment.

/**
 * `message` with each key of `known` (a server path) replaced by its label, then every other
 * absolute POSIX path of two or more segments (/a/b, not a date like 01/02/2025, which has no
 * leading root) reduced to its last segment.
 */
export function scrubPaths(message: string, known: Record<string, string> = {}): string {
	let out = message;
	for (const [path, label] of Object.entries(known).sort((a, b) => b[0].length - a[0].length)) out = out.split(path).join(label);
	return out.replace(/(?<![\w.:/])\/(?:[\w.@+~-]+\/)+([\w.@+~-]+)/g, '$1');
}

/**
 * A file name as a label: control characters (NUL, CR, LF, tab...) removed so a stored name
 * cannot forge a line in the import log, a CSV or the audit trail; trimmed; at most 255
 * characters. Empty stays empty (the caller refuses it).
 */
export function cleanFileName(name: string): string {
	// eslint-disable-next-line no-control-regex
	return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '').trim().slice(0, 255);
}
