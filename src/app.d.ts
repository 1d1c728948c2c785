// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Locals {
			user: {
				user_id: string;
				email: string;
				role: 'admin' | 'compliance_officer' | 'coding_manager' | 'auditor';
				/** a reset or first-start password: nothing but /account and sign-out until it is changed */
				mustChangePassword: boolean;
			} | null;
			sessionId: string | null;
		}
		// interface Error {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
