import fc from 'fast-check';
import { MINUTE, type Role } from '../../src/core/index.ts';
import type { Request } from './core-model.ts';
import { type RequestCommand, requestArbs } from './core-model-requests.ts';

/** Actor 0 is the first owner; the others start as outsiders and are invited along the way. */
export const PEOPLE = ['owner@x.test', 'u1@x.test', 'u2@x.test', 'u3@x.test', 'u4@x.test', 'u5@x.test'];
const ROLES: readonly Role[] = ['member', 'member', 'billing_admin', 'owner'];

/**
 * A person as a number: below 75 it picks among the current members (so most commands come from
 * someone allowed to try them), from 75 up among everyone.
 */
const person = fc.nat(99);
const role = fc.constantFrom(...ROLES);
const now = fc.boolean();
/** Terms of a time-limited membership, short enough that the clock's steps reach their ends. */
export const TERMS = { '1h': 60 * MINUTE, '3h': 180 * MINUTE, '2d': 48 * 60 * MINUTE } as const;
export type Term = keyof typeof TERMS;
const term = fc.constantFrom<Term>('1h', '3h', '2d');

export type Command =
  | { t: 'invite'; actor: number; targets: number[]; role: Role; term: Term | null }
  | { t: 'extend'; actor: number; target: number; term: Term }
  /** `pick` counts back from the newest removal; a null clicker is the owner who removed. */
  | { t: 'undo'; pick: number; clicker: number | null }
  | { t: 'sweep' }
  /** `code` counts back from the newest code; a null actor is the invitee the code was sent to. */
  | { t: 'accept' | 'decline'; actor: number | null; code: number }
  | {
      t: 'request';
      actor: number;
      target: number;
      kind: Request['kind'];
      role: Role;
      confirmNow: boolean;
      /** After a confirmed removal, its owner clicks Undo at once. */
      undoNow: boolean;
    }
  | { t: 'confirm' | 'cancel'; pick: number; clicker: number | null }
  | { t: 'resend'; actor: number; target: number }
  | { t: 'advance'; ms: number }
  | { t: 'expire' }
  | RequestCommand;

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('invite' as const),
      actor: person,
      targets: fc.array(person, { minLength: 1, maxLength: 3 }),
      role,
      term: fc.option(term, { freq: 2 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('extend' as const), actor: person, target: person, term }) },
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('undo' as const), pick: fc.nat(3), clicker: fc.option(person, { freq: 4 }) }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('sweep' as const) }) },
  {
    weight: 4,
    arbitrary: fc.record({ t: fc.constant('accept' as const), actor: fc.option(person, { freq: 5 }), code: fc.nat(6) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('decline' as const),
      actor: fc.option(person, { freq: 5 }),
      code: fc.nat(6),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('request' as const),
      actor: person,
      target: person,
      kind: fc.constantFrom(
        'revoke' as const,
        'role' as const,
        'remove' as const,
        'leave' as const,
        'transfer' as const,
      ),
      role,
      confirmNow: now,
      undoNow: now,
    }),
  },
  // Role changes on a weight of their own too: a successful one needs an owner acting on a member
  // with a different role, which got rare once requests and domains joined the mix.
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('request' as const),
      actor: person,
      target: person,
      kind: fc.constant('role' as const),
      role,
      confirmNow: now,
      undoNow: now,
    }),
  },
  // Transfer on its own weight, so the other requests keep reaching their rules as often as before.
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('request' as const),
      actor: person,
      target: person,
      kind: fc.constant('transfer' as const),
      role,
      confirmNow: now,
      undoNow: now,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constantFrom('confirm' as const, 'cancel' as const),
      pick: fc.nat(20),
      clicker: fc.option(person, { freq: 4 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('resend' as const), actor: person, target: person }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('advance' as const),
      ms: fc.constantFrom(MINUTE, 9 * MINUTE, 11 * MINUTE, 16 * MINUTE, 47 * 60 * MINUTE, 49 * 60 * MINUTE),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('expire' as const) }) },
  ...requestArbs,
);
