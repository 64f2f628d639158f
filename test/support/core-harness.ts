import { afterEach, expect } from 'vitest';
import type { Caller, CoreErrorCode, CoreSettings, MembershipCore, Result } from '../../src/core/index.ts';
import type { DialectName, Store } from '../../src/store/connect.ts';
import { buildCore, testSettings } from './core-build.ts';
import { manualClock, openTestStore } from './stores.ts';

export { INVITE_TTL_MS } from './core-build.ts';

export type ManualClock = ReturnType<typeof manualClock>;

export interface CoreFixture {
  readonly core: MembershipCore;
  readonly store: Store;
  readonly clock: ManualClock;
  readonly settings: CoreSettings;
}

export interface FixtureOptions {
  readonly orgMaxMembers?: number;
  readonly poolSize?: number;
  /** Reuse a store (several cores on one database, as several processes would be). */
  readonly store?: Store;
  readonly clock?: ManualClock;
}

/** A real core on a fresh, migrated store with a clock the test moves by hand. */
export async function makeCore(dialect: DialectName, options: FixtureOptions = {}): Promise<CoreFixture> {
  const store =
    options.store ??
    (await openTestStore(dialect, options.poolSize === undefined ? {} : { poolSize: options.poolSize }));
  const clock = options.clock ?? manualClock();
  const settings = testSettings(options.orgMaxMembers === undefined ? {} : { orgMaxMembers: options.orgMaxMembers });
  return { core: buildCore(store, clock, settings), store, clock, settings };
}

/** A terminal user: the console vouches for the email given with `--as`. */
export function consoleCaller(email: string, workspaceId = 'local'): Caller {
  return { platform: 'console', workspaceId, userId: email, verifiedEmail: email };
}

/** A Slack user whose profile email Slack has verified. */
export function slackCaller(userId: string, email: string, teamId = 'T1'): Caller {
  return { platform: 'slack', workspaceId: teamId, userId, verifiedEmail: email };
}

/** A Discord user: the bot never sees an email. */
export function discordCaller(userId: string, guildId = 'G1'): Caller {
  return { platform: 'discord', workspaceId: guildId, userId, verifiedEmail: null };
}

/** The value of a successful result; fails the test naming the error code otherwise. */
export function expectOk<T, E extends { code: string }>(result: Result<T, E>): T {
  if (!result.ok) throw new Error(`expected ok, got error ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The error of a refused result, checked to carry the expected code. */
export function expectErr<T, C extends CoreErrorCode>(result: Result<T>, code: C) {
  if (result.ok) throw new Error(`expected error ${code}, got ok ${JSON.stringify(result.value)}`);
  expect(result.error.code).toBe(code);
  return result.error as Extract<typeof result.error, { code: C }>;
}

/** The console adapter's setup input: its notifications print in the terminal. */
export const CONSOLE_SETUP = { isPlatformAdmin: true, defaultChannelId: 'terminal' } as const;

/** Creates the organization with `owner` as its first owner, as the owner's adapter would. */
export async function setupOrg(core: MembershipCore, owner: Caller, orgName = 'Acme'): Promise<void> {
  const input = owner.platform === 'console' ? CONSOLE_SETUP : { isPlatformAdmin: true };
  expectOk(await core.setup(owner, { orgName, ...input }));
}

/** Invites `email` as `inviter` and accepts by code as that person on the console; returns them. */
export async function join(
  core: MembershipCore,
  inviter: Caller,
  email: string,
  role: 'owner' | 'billing_admin' | 'member' = 'member',
): Promise<Caller> {
  const code = await inviteOne(core, inviter, email, role);
  const invitee = { ...consoleCaller(email, inviter.workspaceId), platform: inviter.platform };
  expectOk(await core.accept(invitee, { code }));
  return invitee;
}

/** Invites one email and returns its code. */
export async function inviteOne(
  core: MembershipCore,
  inviter: Caller,
  email: string,
  role: 'owner' | 'billing_admin' | 'member' = 'member',
): Promise<string> {
  const outcome = expectOk(await core.invite(inviter, { emails: [email], role }));
  const invited = outcome.invited.find((i) => i.email === email);
  if (invited === undefined) throw new Error(`${email} was not invited: ${JSON.stringify(outcome)}`);
  return invited.code;
}

/** Asks for a confirmable action and confirms it as the same caller. */
export async function requestAndConfirm(
  core: MembershipCore,
  caller: Caller,
  request: Promise<Result<{ actionId: string }>>,
): Promise<void> {
  const { actionId } = expectOk(await request);
  expectOk(await core.confirm(caller, { actionId }));
}

export const OWNER_EMAIL = 'owner@acme.test';

/** Fixtures opened by one test file, closed after each test so vitest exits. */
export function fixtures(dialect: DialectName) {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  return {
    /** A fresh core with no organization. */
    async bare(options: FixtureOptions = {}): Promise<CoreFixture> {
      const fixture = await makeCore(dialect, options);
      if (options.store === undefined) opened.push(fixture.store);
      return fixture;
    },
    /** A fresh core with an organization set up on the console by its owner. */
    async withOrg(options: FixtureOptions = {}): Promise<CoreFixture & { owner: Caller }> {
      const fixture = await this.bare(options);
      const owner = consoleCaller(OWNER_EMAIL);
      await setupOrg(fixture.core, owner);
      return { ...fixture, owner };
    },
  };
}
