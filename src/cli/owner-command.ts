import { loadConfig } from '../config.ts';
import { parseEmail, type RestoreOutcome } from '../core/index.ts';
import { orFail, withAdminCore } from './admin-core.ts';
import { readArgs } from './args.ts';
import { type CliIo, EXIT_OK, println, UsageError } from './cli-io.ts';

const USAGE = 'Usage: rollcall owner restore <org-id> <email>';

function describe(outcome: RestoreOutcome, email: string): string {
  switch (outcome.kind) {
    case 'already_owner':
      return `${email} is already an owner; nothing changed.`;
    case 'promoted':
      return `${email} is now an owner (was ${outcome.from}).`;
    case 'added':
      return `${email} is now an owner (new member${outcome.revokedInvitation ? '; their pending invitation was revoked' : ''}).`;
  }
}

/** `rollcall owner restore <org-id> <email>`: the break-glass way back in when no owner can act. */
export async function ownerCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'restore') throw new UsageError(USAGE);
  const [orgId = '', rawEmail = ''] = readArgs(rest, USAGE, 2, {}).positionals;
  const email = parseEmail(rawEmail);
  if (email === undefined) throw new UsageError(`"${rawEmail}" is not an email address. ${USAGE}`);
  const outcome = orFail(await withAdminCore(loadConfig(env), (admin) => admin.restoreOwner({ orgId, email })));
  println(io.stdout, describe(outcome, email));
  return EXIT_OK;
}
