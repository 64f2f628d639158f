import type { Caller, MembershipCore, PendingConfirmation, Result } from '../core/index.ts';
import type { CommandOf } from './parse-command.ts';
import {
  COMMAND_NAMES,
  COMMANDS,
  type CommandName,
  type CommandSpec,
  type ConfirmableName,
  type ResolvedArgs,
} from './table.ts';
import type { EmailArg } from './words.ts';

/** What every handler needs from its adapter, whatever else the adapter adds. */
export interface CoreContext {
  readonly core: MembershipCore;
  readonly caller: Caller;
}

export type Handler<Ctx, Out, N extends CommandName> = (ctx: Ctx, args: ResolvedArgs<N>) => Promise<Out>;

/** An adapter's answer to every command: a name missing here is a compile error. */
export type Handlers<Ctx, Out> = { readonly [N in CommandName]: Handler<Ctx, Out, N> };

/**
 * The handlers of every confirmable command, from the table: the core stores the pending action,
 * the adapter shows it with its confirm button. A new confirmable command needs none of its own.
 */
export function confirmHandlers<Ctx extends CoreContext, Out>(
  show: (ctx: Ctx, pending: Result<PendingConfirmation>) => Promise<Out>,
): { readonly [N in ConfirmableName]: Handler<Ctx, Out, N> } {
  const entries = COMMAND_NAMES.flatMap((name) => {
    const { request }: CommandSpec = COMMANDS[name];
    if (request === undefined) return [];
    // The handler map pairs this name with its own ResolvedArgs, which is what `request` takes.
    const handler = async (ctx: Ctx, args: unknown) => show(ctx, await request(ctx.core, ctx.caller, args as never));
    return [[name, handler] as const];
  });
  // Built from the same table entries ConfirmableName is computed from.
  return Object.fromEntries(entries) as { readonly [N in ConfirmableName]: Handler<Ctx, Out, N> };
}

/** Parsed arguments with every email argument resolved (Slack mentions become addresses). */
export async function resolveArgs<N extends CommandName>(
  command: CommandOf<N>,
  emails: (args: readonly EmailArg[]) => Promise<readonly string[]>,
): Promise<ResolvedArgs<N>> {
  const resolved: Record<string, unknown> = { ...command };
  delete resolved.name;
  for (const arg of COMMANDS[command.name].args) {
    const value = resolved[arg.name];
    if (value === undefined) continue;
    if (arg.kind === 'emails') resolved[arg.name] = await emails(value as readonly EmailArg[]);
    if (arg.kind === 'email') resolved[arg.name] = (await emails([value as EmailArg]))[0] ?? '';
  }
  // Only the email fields changed, from EmailArg to string: exactly ParsedArgs<N> → ResolvedArgs<N>.
  return resolved as ResolvedArgs<N>;
}

/** One command through its adapter's handler; the mapped types keep the name and its arguments together. */
export function runHandler<Ctx, Out, N extends CommandName>(
  handlers: Handlers<Ctx, Out>,
  ctx: Ctx,
  name: N,
  args: ResolvedArgs<N>,
): Promise<Out> {
  const handler: Handler<Ctx, Out, N> = handlers[name];
  return handler(ctx, args);
}

/** A parsed command: its email arguments resolved by the adapter, then its handler. */
export async function runParsed<Ctx, Out, N extends CommandName>(
  handlers: Handlers<Ctx, Out>,
  ctx: Ctx,
  command: CommandOf<N>,
  emails: (args: readonly EmailArg[]) => Promise<readonly string[]>,
): Promise<Out> {
  return runHandler(handlers, ctx, command.name, await resolveArgs(command, emails));
}
