// Answers the hook gives without resolving the route (401, 403, 411, 413): JSON for API
// callers, a small page for browsers. Built here rather than thrown as error() from the hook so
// that they leave through the same exit as every other response and carry the security headers.

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TITLES: Record<number, string> = { 401: 'Sign in first', 403: 'Not for your role', 411: 'Length required', 413: 'Request too large' };

export function refusal(status: number, message: string, api: boolean, extraHeaders: Record<string, string> = {}): Response {
	const headers: Record<string, string> = { ...extraHeaders };
	if (api) return Response.json({ message }, { status, headers });
	const title = TITLES[status] ?? 'Refused';
	const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · ClaimLens</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #1f2933">
<h1 style="font-size: 1.4rem">${escape(title)}</h1><p>${escape(message)}</p><p><a href="/">Back to the overview</a></p></body></html>`;
	return new Response(body, {
		status,
		headers: { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" }
	});
}
