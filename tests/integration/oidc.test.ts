// OpenID Connect sign-in against a tiny provider run here (discovery, authorize, token, JWKS,
// RS256 ID tokens signed with jose): PKCE, state and nonce are checked by openid-client, the
// e-mail must be verified, and only an enabled local account is let in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishOidc, oidcSettings, startOidc } from '../../src/lib/server/auth/oidc.ts';
import { addUser, enabledUserByEmail, setDisabled } from '../../src/lib/server/auth/users.ts';
import { tempDb } from '../helpers/temp-db.ts';
import { startMockOidc, type MockOidc } from '../helpers/mock-oidc.ts';

const CLIENT = 'claimlens-test';
let idp: MockOidc;
let issuer = '';
beforeAll(async () => {
	idp = await startMockOidc(CLIENT);
	issuer = idp.issuer;
});
afterAll(() => idp.close());

const settings = () => oidcSettings({ CLAIMLENS_OIDC_ISSUER: issuer, CLAIMLENS_OIDC_CLIENT_ID: CLIENT, CLAIMLENS_OIDC_CLIENT_SECRET: 's3cret', CLAIMLENS_OIDC_ALLOW_HTTP: '1' });

async function roundTrip(tamper?: (u: URL) => void) {
	const s = settings();
	if (!s) throw new Error('not configured');
	const { url, cookie } = await startOidc(s, 'http://localhost:3000', '/flags');
	expect(url.searchParams.get('code_challenge_method')).toBe('S256');
	const res = await fetch(url, { redirect: 'manual' });
	const back = new URL(res.headers.get('location') ?? '');
	expect(back.pathname).toBe('/login/oidc/callback');
	tamper?.(back);
	return finishOidc(s, back, cookie);
}

describe('OpenID Connect sign-in', () => {
	it('is off unless the issuer and client id are set', () => {
		expect(oidcSettings({})).toBeNull();
	});

	it('returns the verified e-mail and where to go next', async () => {
		idp.user = { email: 'Casey@Example.org', emailVerified: true };
		expect(await roundTrip()).toEqual({ email: 'casey@example.org', next: '/flags' });
	});

	it('refuses a forged state and an unverified e-mail', async () => {
		await expect(roundTrip((u) => u.searchParams.set('state', 'forged'))).rejects.toThrow();
		idp.user = { email: 'casey@example.org', emailVerified: false };
		await expect(roundTrip()).rejects.toThrow(/not verified/);
		idp.user = { email: 'casey@example.org', emailVerified: true };
	});

	it('lets in only an enabled local account', async () => {
		const db = tempDb();
		try {
			expect(await enabledUserByEmail('casey@example.org', db.path)).toBeNull();
			await addUser({ email: 'casey@example.org', role: 'auditor', dbPath: db.path });
			expect((await enabledUserByEmail('casey@example.org', db.path))?.role).toBe('auditor');
			await setDisabled('casey@example.org', true, db.path);
			expect(await enabledUserByEmail('casey@example.org', db.path)).toBeNull();
		} finally {
			db.cleanup();
		}
	});
});
