// The accounts the end-to-end server is started with (one per role; test-only password).
export const E2E_ROLES = ['admin', 'compliance_officer', 'coding_manager', 'auditor'] as const;
export type E2ERole = (typeof E2E_ROLES)[number];
export const E2E_PASSWORD = 'e2e-only-password-not-secret';
export const e2eEmail = (role: E2ERole) => `${role.replace('_', '-')}@e2e.test`;
