import fc from 'fast-check';
import { expect } from 'vitest';
import { DAY, type MembershipCore, type Role } from '../../src/core/index.ts';
import { consoleCaller } from './core-harness.ts';
import type { OrgModel, Outcome } from './core-model.ts';
import type { Run } from './core-model-run.ts';

/** SPEC §12: requests instead of refusals, and the domain list, over the reference model. */
export const REQUEST_TTL = 7 * DAY;
const DOMAINS = ['x.test', 'y.test'] as const;
const FIRST_OWNER = 'owner@x.test';

export interface ModelRequest {
  readonly id: string;
  readonly requester: string;
  readonly ask: { purpose: 'role'; role: Role } | { purpose: 'invite'; emails: readonly string[]; role: Role };
  readonly createdAt: number;
  state: 'open' | 'approved' | 'denied' | 'lapsed';
}

export type RequestCommand =
  | { t: 'requestRole'; actor: number; role: Role }
  /** An invite refused for its role, then Ask an owner clicked (offerAsk, askOwner). */
  | { t: 'ask'; actor: number; targets: number[]; role: Role }
  /** A null actor is the first owner. */
  | { t: 'decide'; actor: number | null; pick: number; approve: boolean }
  | { t: 'domains'; actor: number; op: 'add' | 'remove'; domain: (typeof DOMAINS)[number] }
  | { t: 'week' };

const person = fc.nat(99);
const role = fc.constantFrom<Role>('member', 'billing_admin', 'owner');
/** Mostly null, the first owner, who can decide while they are one. */
const firstOwnerMostly: fc.Arbitrary<number | null> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: person },
);

export const requestArbs: fc.WeightedArbitrary<RequestCommand>[] = [
  { weight: 2, arbitrary: fc.record({ t: fc.constant('requestRole' as const), actor: person, role }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('ask' as const),
      actor: person,
      targets: fc.array(person, { minLength: 1, maxLength: 2 }),
      // Mostly roles a non-owner may not grant: the refusals Ask an owner is for.
      role: fc.constantFrom<Role>('billing_admin', 'owner', 'owner', 'member'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('decide' as const),
      actor: firstOwnerMostly,
      pick: fc.nat(5),
      approve: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('domains' as const),
      actor: person,
      op: fc.constantFrom('add' as const, 'remove' as const),
      domain: fc.constantFrom(...DOMAINS),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'week' as const }) },
];

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);

function hasOpen(model: OrgModel, requester: string, purpose: 'role' | 'invite'): boolean {
  return model.requests.some((r) => r.requester === requester && r.ask.purpose === purpose && r.state === 'open');
}

/** A non-owner's new addresses outside a non-empty list: asked of the owners, not invited. */
export function outsideAsked(model: OrgModel, actor: string, fresh: readonly string[]): string[] {
  if (model.members.get(actor) === 'owner' || model.domains.size === 0) return [];
  return fresh.filter((email) => !model.domains.has(domainOf(email)));
}

/** The invite rules with the domain policy: the base rules, seats for the invited part, one open request. */
export function checkInviteUnderPolicy(model: OrgModel, actor: string, base: Outcome, fresh: string[], now: number) {
  if (base !== 'ok' && base !== 'over_capacity') return base;
  const asked = outsideAsked(model, actor, fresh);
  const seats = model.limit - model.members.size - model.pendingCount(now);
  if (fresh.length - asked.length > seats) return 'over_capacity';
  return asked.length > 0 && hasOpen(model, actor, 'invite') ? 'request_already_open' : 'ok';
}

function checkDecision(model: OrgModel, actor: string, request: ModelRequest, approve: boolean, now: number) {
  const actorRole = model.members.get(actor);
  if (actorRole === undefined) return 'not_a_member';
  if (actorRole !== 'owner') return 'owner_only';
  if (request.state !== 'open') return 'request_decided';
  if (now - request.createdAt >= REQUEST_TTL) return 'request_expired';
  if (!approve) return 'ok';
  const { ask } = request;
  if (ask.purpose === 'invite') {
    const fresh = model.freshAmong(ask.emails, now);
    return fresh.length > model.limit - model.members.size - model.pendingCount(now) ? 'over_capacity' : 'ok';
  }
  const current = model.members.get(request.requester);
  if (current === undefined) return 'member_not_found';
  if (current === ask.role) return 'same_role';
  return current === 'owner' && model.owners() <= 1 ? 'last_owner' : 'ok';
}

function checkDomains(model: OrgModel, actor: string, op: 'add' | 'remove', domain: string): Outcome {
  const actorRole = model.members.get(actor);
  if (actorRole === undefined) return 'not_a_member';
  if (actorRole !== 'owner') return 'owner_only';
  if (op === 'add') return model.domains.has(domain) ? 'domain_already_listed' : 'ok';
  return model.domains.has(domain) ? 'ok' : 'domain_not_listed';
}

export function lapse(model: OrgModel, now: number): void {
  for (const r of model.requests) if (r.state === 'open' && now - r.createdAt >= REQUEST_TTL) r.state = 'lapsed';
}

type Expect = (result: { ok: true } | { ok: false; error: { code: string } }, predicted: Outcome) => void;

async function ask(run: Run, command: Extract<RequestCommand, { t: 'ask' }>, who: string, expectOutcome: Expect) {
  const { core, model, clock } = run;
  const caller = consoleCaller(who, run.workspaceId);
  const emails = command.targets.map((i) => `u${i % 6}@x.test`);
  const actorRole = model.members.get(who);
  const grantable = actorRole === 'owner' || command.role === 'member';
  const offered = await core.offerAsk(caller, { emails, role: command.role });
  expectOutcome(offered, actorRole === undefined ? 'not_a_member' : grantable ? 'request_not_needed' : 'ok');
  if (!offered.ok) return;
  const asked = await core.askOwner(caller, { offerId: offered.value.offerId });
  expectOutcome(asked, hasOpen(model, who, 'invite') ? 'request_already_open' : 'ok');
  if (!asked.ok) return;
  const unique = [...new Set(emails)];
  model.requests.push({
    id: asked.value.requestId,
    requester: who,
    ask: { purpose: 'invite', emails: unique, role: command.role },
    createdAt: clock(),
    state: 'open',
  });
}

/** One request or domain command against the core and the model. */
export async function stepRequest(
  run: Run,
  command: RequestCommand,
  who: (i: number) => string,
  expectOutcome: Expect,
): Promise<void> {
  const { core, model, clock } = run;
  const caller = (i: number) => consoleCaller(who(i), run.workspaceId);
  switch (command.t) {
    case 'requestRole': {
      const actor = who(command.actor);
      const current = model.members.get(actor);
      const predicted: Outcome =
        current === undefined
          ? 'not_a_member'
          : current === command.role
            ? 'same_role'
            : current === 'owner'
              ? 'request_not_needed'
              : hasOpen(model, actor, 'role')
                ? 'request_already_open'
                : 'ok';
      const result = await core.requestRole(caller(command.actor), { role: command.role });
      expectOutcome(result, predicted);
      if (result.ok)
        model.requests.push({
          id: result.value.requestId,
          requester: actor,
          ask: { purpose: 'role', role: command.role },
          createdAt: clock(),
          state: 'open',
        });
      return;
    }
    case 'ask':
      return ask(run, command, who(command.actor), expectOutcome);
    case 'decide':
      return decide(run, core, command, command.actor === null ? FIRST_OWNER : who(command.actor), expectOutcome);
    case 'domains': {
      const predicted = checkDomains(model, who(command.actor), command.op, command.domain);
      const result = await core.domains(caller(command.actor), { op: command.op, domain: command.domain });
      expectOutcome(result, predicted);
      if (!result.ok) return;
      if (command.op === 'add') model.domains.add(command.domain);
      else model.domains.delete(command.domain);
      return;
    }
    case 'week':
      clock.advance(REQUEST_TTL);
      return;
  }
}

async function decide(
  run: Run,
  core: MembershipCore,
  command: Extract<RequestCommand, { t: 'decide' }>,
  actor: string,
  expectOutcome: Expect,
) {
  const { model, clock } = run;
  const request = model.requests[model.requests.length - 1 - (command.pick % Math.max(1, model.requests.length))];
  if (request === undefined) return;
  const predicted = checkDecision(model, actor, request, command.approve, clock());
  const caller = consoleCaller(actor, run.workspaceId);
  const result = command.approve
    ? await core.approveRequest(caller, { requestId: request.id })
    : await core.denyRequest(caller, { requestId: request.id });
  expectOutcome(result, predicted);
  if (!result.ok) return;
  request.state = command.approve ? 'approved' : 'denied';
  if (!command.approve) return;
  if (request.ask.purpose === 'role') {
    model.members.set(request.requester, request.ask.role);
    if (request.ask.role === 'owner') model.terms.delete(request.requester);
    return;
  }
  const invited = result.value.invited?.invited ?? [];
  model.applyInvite(actor, request.ask.role, invited, clock(), null);
  run.codes.push(...invited.map((i) => i.code));
}

/** At most one open request per person and purpose, and the stored states are the model's. */
export async function checkRequests(run: Run): Promise<void> {
  const rows = await run.store.db
    .selectFrom('requests')
    .select(['id', 'requester', 'purpose', 'state'])
    .where('org_id', '=', run.orgId)
    .where('state', '!=', 'offered')
    .execute();
  const open = rows.filter((r) => r.state === 'open').map((r) => `${r.requester}:${r.purpose}`);
  expect(new Set(open).size, 'one open request per person and purpose').toBe(open.length);
  const states = (list: readonly { id: string; state: string }[]) =>
    Object.fromEntries([...list].map((r) => [r.id, r.state]));
  expect(states(rows)).toEqual(states(run.model.requests));
}
