// What the screen says when an endpoint refuses (src/lib/http-error.ts): the JSON body's message
// in a sentence, a plain lead for 401/403/413, never the raw body.
import { describe, expect, it } from 'vitest';
import { errorBodyMessage, httpErrorMessage } from '../../src/lib/http-error.ts';

describe('errorBodyMessage', () => {
	it('takes the message of a JSON error, plain text as it is, nothing from markup', () => {
		expect(errorBodyMessage('{"message":"your role does not give access to this page"}')).toBe('your role does not give access to this page');
		expect(errorBodyMessage('request body too large')).toBe('request body too large');
		expect(errorBodyMessage('<html><body><h1>413 Request Entity Too Large</h1></body></html>')).toBe('');
		expect(errorBodyMessage('{"error":"x"}')).toBe('');
		expect(errorBodyMessage('{"message":')).toBe('');
		expect(errorBodyMessage('')).toBe('');
	});
});

describe('httpErrorMessage', () => {
	it('403: who may not, then why', () => {
		expect(httpErrorMessage(403, '{"message":"your role does not give access to this page"}', 'import files')).toBe(
			'Your account may not import files. Your role does not give access to this page.'
		);
	});

	it('401 and 413', () => {
		expect(httpErrorMessage(401, '{"message":"sign in first"}', 'import files')).toBe('You are signed out: sign in again to import files. Sign in first.');
		expect(httpErrorMessage(413, '{"message":"request body of 900 bytes is over this address\'s limit of 100 bytes"}', 'import files')).toBe(
			"The file is larger than this server accepts. Request body of 900 bytes is over this address's limit of 100 bytes."
		);
		expect(httpErrorMessage(413, '<html>nginx</html>', 'import files')).toBe('The file is larger than this server accepts.');
	});

	it('other statuses: what failed, and the message or the status', () => {
		expect(httpErrorMessage(400, '{"message":"bad query: month: months are YYYY-MM"}', 'list these lines')).toBe('Could not list these lines. Bad query: month: months are YYYY-MM.');
		expect(httpErrorMessage(502, '<html>Bad gateway</html>', 'list these lines')).toBe('Could not list these lines (the server answered 502).');
	});

	it('never shows braces or quotes of the body', () => {
		for (const status of [400, 401, 403, 413, 500]) expect(httpErrorMessage(status, '{"message":"no"}', 'import files')).not.toMatch(/[{}"]/);
	});
});
