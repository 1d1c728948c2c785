// Whether the browser reached us over TLS. `claimlens serve` speaks plain HTTP and tells the
// app so (PROTOCOL_HEADER, see src/cli/commands/serve.ts) unless ORIGIN names https or an
// operator's proxy sets the protocol header. Cookies are marked Secure, and HSTS is sent, only
// then: a Secure cookie over plain HTTP at a LAN host name is dropped by the browser, which
// made sign-in fail without a word.
import type { Cookies } from '@sveltejs/kit';

export function overTls(url: URL): boolean {
	return url.protocol === 'https:';
}

/** Options for the session cookie, the same for setting and deleting it. */
export function sessionCookieOptions(url: URL): Parameters<Cookies['set']>[2] {
	return { path: '/', httpOnly: true, sameSite: 'lax', secure: overTls(url) };
}
