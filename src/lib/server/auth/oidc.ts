// Optional sign-in through the organisation's OpenID Connect provider (authorization code flow
// with PKCE, state and nonce; openid-client validates the ID token). Configured by environment
// variables (README "Security"); the provider proves who the person is, the local account
// (same e-mail, enabled) decides the role, so access is still granted only by an admin.
import * as client from 'openid-client';
import { z } from 'zod';

export const OIDC_COOKIE = 'claimlens_oidc';

export interface OidcSettings {
	issuer: URL;
	clientId: string;
	clientSecret: string | undefined;
	redirectUri: string | undefined;
	allowHttp: boolean;
}

export function oidcSettings(env: Record<string, string | undefined> = process.env): OidcSettings | null {
	if (!env.CLAIMLENS_OIDC_ISSUER || !env.CLAIMLENS_OIDC_CLIENT_ID) return null;
	return {
		issuer: new URL(env.CLAIMLENS_OIDC_ISSUER),
		clientId: env.CLAIMLENS_OIDC_CLIENT_ID,
		clientSecret: env.CLAIMLENS_OIDC_CLIENT_SECRET || undefined,
		redirectUri: env.CLAIMLENS_OIDC_REDIRECT_URI || undefined,
		// only for a local test provider: production issuers must be HTTPS
		allowHttp: env.CLAIMLENS_OIDC_ALLOW_HTTP === '1'
	};
}

const configs = new Map<string, Promise<client.Configuration>>();

async function configuration(s: OidcSettings): Promise<client.Configuration> {
	const key = `${s.issuer.href}|${s.clientId}`;
	let p = configs.get(key);
	if (!p) {
		const auth = s.clientSecret ? client.ClientSecretPost(s.clientSecret) : client.None();
		p = client.discovery(s.issuer, s.clientId, undefined, auth, s.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined);
		configs.set(key, p);
		p.catch(() => configs.delete(key));
	}
	return p;
}

const Pending = z.object({ verifier: z.string(), state: z.string(), nonce: z.string(), next: z.string() });

/** The provider's authorization URL and the cookie value that must come back with the answer. */
export async function startOidc(s: OidcSettings, origin: string, next = '/'): Promise<{ url: URL; cookie: string }> {
	const config = await configuration(s);
	const verifier = client.randomPKCECodeVerifier();
	const pending = { verifier, state: client.randomState(), nonce: client.randomNonce(), next };
	const url = client.buildAuthorizationUrl(config, {
		redirect_uri: s.redirectUri ?? `${origin}/login/oidc/callback`,
		scope: 'openid email',
		code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256',
		state: pending.state,
		nonce: pending.nonce
	});
	return { url, cookie: Buffer.from(JSON.stringify(pending)).toString('base64url') };
}

/** Validates the provider's answer; returns the verified e-mail and where to go next. */
export async function finishOidc(s: OidcSettings, currentUrl: URL, cookie: string | undefined): Promise<{ email: string; next: string }> {
	if (!cookie) throw new Error('the sign-in took too long or cookies are blocked');
	const pending = Pending.parse(JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8')));
	const config = await configuration(s);
	const tokens = await client.authorizationCodeGrant(config, currentUrl, {
		pkceCodeVerifier: pending.verifier,
		expectedState: pending.state,
		expectedNonce: pending.nonce,
		idTokenExpected: true
	});
	const claims = tokens.claims();
	const email = typeof claims?.email === 'string' ? claims.email.toLowerCase() : null;
	if (!email) throw new Error('the identity provider gave no e-mail address');
	if (claims?.email_verified === false) throw new Error('the identity provider has not verified this e-mail address');
	return { email, next: pending.next };
}
