// Browser side: turns an error answer of our endpoints into sentences for the screen. Refusals
// (src/lib/server/http/refusal.ts) and error() answer JSON `{"message": ...}`; a proxy in front
// may answer HTML. Users see the message, never the raw body.

/** The `message` of a JSON error body; plain text as it is; '' for HTML or nothing useful. */
export function errorBodyMessage(body: string): string {
	const text = body.trim();
	if (!text) return '';
	try {
		const parsed: unknown = JSON.parse(text);
		const message = (parsed as { message?: unknown } | null)?.message;
		return typeof message === 'string' ? message.trim().slice(0, 300) : '';
	} catch {
		// not JSON: a short plain-text answer is shown, markup never
		return text.startsWith('<') || text.startsWith('{') || text.startsWith('[') ? '' : text.slice(0, 300);
	}
}

const sentence = (s: string) => {
	const t = s.trim();
	return t ? `${t[0]?.toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}` : '';
};

/**
 * What to show when a request answered `status` with `body`. `action` completes "Could not
 * ..." / "Your account may not ...", e.g. 'import files'.
 */
export function httpErrorMessage(status: number, body: string, action: string): string {
	const message = sentence(errorBodyMessage(body));
	const lead =
		status === 401 ? `You are signed out: sign in again to ${action}.`
		: status === 403 ? `Your account may not ${action}.`
		: status === 413 ? 'The file is larger than this server accepts.'
		: `Could not ${action}${message ? '.' : ` (the server answered ${status}).`}`;
	return message ? `${lead} ${message}` : lead;
}
