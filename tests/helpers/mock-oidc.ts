// A tiny OpenID Connect provider for tests: discovery, authorize (answers at once, as if the
// person were already signed in there), token (checks the PKCE verifier) and JWKS; RS256 ID
// tokens signed with jose. Loopback only.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface MockOidc {
	issuer: string;
	clientId: string;
	/** the identity the provider vouches for */
	user: { email: string; emailVerified: boolean };
	close: () => Promise<void>;
}

export async function startMockOidc(clientId = 'claimlens-test'): Promise<MockOidc> {
	const { publicKey, privateKey } = await generateKeyPair('RS256');
	const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
	const codes = new Map<string, { challenge: string; nonce: string }>();
	const state: MockOidc = { issuer: '', clientId, user: { email: 'casey@example.org', emailVerified: true }, close: async () => {} };
	const server: Server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', state.issuer);
		const json = (body: unknown, status = 200) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		if (url.pathname === '/.well-known/openid-configuration') {
			return json({
				issuer: state.issuer, authorization_endpoint: `${state.issuer}/authorize`, token_endpoint: `${state.issuer}/token`,
				jwks_uri: `${state.issuer}/jwks`, response_types_supported: ['code'], subject_types_supported: ['public'],
				id_token_signing_alg_values_supported: ['RS256'], code_challenge_methods_supported: ['S256']
			});
		}
		if (url.pathname === '/jwks') return json({ keys: [jwk] });
		if (url.pathname === '/authorize') {
			const code = `code-${codes.size + 1}`;
			codes.set(code, { challenge: url.searchParams.get('code_challenge') ?? '', nonce: url.searchParams.get('nonce') ?? '' });
			const back = new URL(url.searchParams.get('redirect_uri') ?? '');
			back.searchParams.set('code', code);
			back.searchParams.set('state', url.searchParams.get('state') ?? '');
			res.writeHead(302, { location: back.href });
			return res.end();
		}
		if (url.pathname === '/token' && req.method === 'POST') {
			let body = '';
			for await (const chunk of req) body += chunk;
			const form = new URLSearchParams(body);
			const grant = codes.get(form.get('code') ?? '');
			if (!grant || createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') !== grant.challenge) return json({ error: 'invalid_grant' }, 400);
			codes.delete(form.get('code') ?? '');
			const idToken = await new SignJWT({ email: state.user.email, email_verified: state.user.emailVerified, nonce: grant.nonce })
				.setProtectedHeader({ alg: 'RS256', kid: 'k1' })
				.setIssuer(state.issuer).setAudience(clientId).setSubject('user-1').setIssuedAt().setExpirationTime('5m')
				.sign(privateKey);
			return json({ access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken });
		}
		res.writeHead(404);
		res.end();
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	state.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	state.close = () => new Promise<void>((r) => server.close(() => r()));
	return state;
}
