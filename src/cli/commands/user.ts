// claimlens user add EMAIL --role ROLE [--password-stdin] | user list | user disable EMAIL |
// user enable EMAIL | user role EMAIL --role ROLE | user reset EMAIL
// A generated (one-time) password is printed once and must be changed at the next sign-in.
import { userInfo } from 'node:os';
import { z } from 'zod';
import { addUser, listUsers, RoleSchema, setDisabled, setRole } from '../../lib/server/auth/users.ts';
import { resetPassword } from '../../lib/server/auth/passwords.ts';
import { appendAudit } from '../../lib/server/audit/audit-log.ts';
import { parseFlags } from '../args.ts';
import { CliError, info, printJson } from '../output.ts';

const Flags = z.object({ role: RoleSchema.optional(), 'password-stdin': z.boolean().optional(), db: z.string().optional(), json: z.boolean().optional() });

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const c of process.stdin) chunks.push(c as Buffer);
	return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

const actor = `cli:${process.env.USER ?? userInfo().username}`;

export async function userCommand(argv: string[]): Promise<void> {
	const [sub, ...rest] = argv;
	const { flags, positionals } = parseFlags(rest, { role: { type: 'string' }, 'password-stdin': { type: 'boolean' } }, Flags);
	const email = positionals[0];
	try {
		if (sub === 'add') {
			if (!email || !flags.role) throw new CliError('usage: claimlens user add EMAIL --role admin|compliance_officer|coding_manager|auditor [--password-stdin]');
			const password = flags['password-stdin'] ? await readStdin() : undefined;
			const { user, password: pw } = await addUser({ email, role: flags.role, password, mustChangePassword: password === undefined, createdBy: actor, dbPath: flags.db });
			await appendAudit({ email: actor, action: 'user_add', target: user.email, details: { role: user.role } }, flags.db);
			if (flags.json) return printJson({ ...user, one_time_password: password ? undefined : pw });
			info(`added ${user.email} (${user.role})`);
			if (!password) process.stdout.write(`one-time password (shown once): ${pw}\n`);
			return;
		}
		if (sub === 'list') {
			const users = await listUsers(flags.db);
			if (flags.json) return printJson(users);
			for (const u of users) process.stdout.write(`${u.email.padEnd(32)} ${u.role.padEnd(20)} ${u.disabled ? 'disabled' : 'active'}  created ${u.created_at}${u.must_change_password ? '  must change password' : ''}\n`);
			return;
		}
		if (sub === 'disable' || sub === 'enable') {
			if (!email) throw new CliError(`usage: claimlens user ${sub} EMAIL`);
			const u = await setDisabled(email, sub === 'disable', flags.db);
			await appendAudit({ email: actor, action: 'user_change', target: u.email, details: { disabled: u.disabled } }, flags.db);
			if (flags.json) return printJson(u);
			info(`${u.email} ${u.disabled ? 'disabled; its sessions are ended' : 'enabled'}`);
			return;
		}
		if (sub === 'role') {
			if (!email || !flags.role) throw new CliError('usage: claimlens user role EMAIL --role ROLE');
			const u = await setRole(email, flags.role, flags.db);
			await appendAudit({ email: actor, action: 'user_change', target: u.email, details: { role: flags.role } }, flags.db);
			if (flags.json) return printJson(u);
			info(`${u.email} is now ${u.role}; its sessions are ended`);
			return;
		}
		if (sub === 'reset') {
			if (!email) throw new CliError('usage: claimlens user reset EMAIL');
			const { user, password } = await resetPassword({ email, actor: { email: actor }, dbPath: flags.db });
			if (flags.json) return printJson({ ...user, one_time_password: password });
			info(`reset the password of ${user.email}; its sessions are ended and a new password must be chosen at the next sign-in`);
			process.stdout.write(`one-time password (shown once): ${password}\n`);
			return;
		}
	} catch (e) {
		if (e instanceof CliError) throw e;
		throw new CliError((e as Error).message.split('\n')[0] ?? 'failed');
	}
	throw new CliError('usage: claimlens user add|list|disable|enable|role|reset ...');
}
