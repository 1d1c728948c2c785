// Where to go after sign-in (security issue: `/login?next=/%09/evil.example/` landed on another
// host). Browsers strip tab, CR and LF from URLs and read "\" as "/", so `/\tevil` and `/\evil`
// become the protocol-relative `//evil`. The path is resolved against a fixed origin the way a
// browser would and accepted only when it stays on that origin; what is returned is the
// normalised path, query and fragment, never the raw input.

const BASE = 'http://claimlens.invalid';

/** A same-origin path for `next`, else "/". */
export function safeNext(next: string | null | undefined): string {
	if (!next || !next.startsWith('/')) return '/';
	// decode once, as the redirect's Location would be, so %09 and %5C are judged as what they become
	let decoded: string;
	try {
		decoded = decodeURIComponent(next);
	} catch {
		return '/';
	}
	for (const candidate of [next, decoded]) {
		// control characters and backslashes have no place in our own paths
		if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return '/';
		if (candidate.startsWith('//')) return '/';
	}
	let url: URL;
	try {
		url = new URL(next, BASE);
	} catch {
		return '/';
	}
	if (url.origin !== BASE) return '/';
	if (url.pathname.startsWith('//')) return '/';
	return `${url.pathname}${url.search}${url.hash}`;
}
