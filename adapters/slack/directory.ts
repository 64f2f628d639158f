import type { webApi } from '@slack/bolt';
import type { EmailArg } from '../../src/commands/words.ts';
import { type Caller, type Clock, MINUTE } from '../../src/core/index.ts';

/** What Rollcall needs from a Slack profile (SPEC §4): the verified email and admin standing. */
export interface SlackProfile {
  readonly email: string | null;
  readonly isWorkspaceAdmin: boolean;
}

/** Profiles change rarely; five minutes bounds how long a changed email or admin flag lingers. */
const PROFILE_TTL_MS = 5 * MINUTE;
/** Lookups run in parallel, but not all 100 invitees at once: Slack rate-limits per method. */
const LOOKUP_CONCURRENCY = 8;
/**
 * users.lookupByEmail is Tier 3 (about 50 a minute per workspace): one command looks up at most
 * this many invitees, and the rest are treated as not in the workspace, so they get a code to
 * forward, which always reaches the inviter. Two big invites a minute stay within the tier.
 */
export const LOOKUP_BUDGET = 20;

/** Mentions resolved to emails; `missing` are the user ids Slack does not know or that have no email. */
export interface ResolvedMentions {
  readonly emails: ReadonlyMap<string, string>;
  readonly missing: readonly string[];
}

interface CachedProfile {
  readonly at: number;
  readonly profile: Promise<SlackProfile>;
}

/** A workspace's bot token in distribution mode (the installation store); undefined when it has none. */
export type TokenFor = (teamId: string) => Promise<string | undefined>;

/** Slack's user directory: who is calling, who a mention is, and which invitees have an account. */
export class SlackDirectory {
  readonly #cache: Map<string, CachedProfile>;

  /**
   * Without `tokenFor`, every call uses the client's own token (single-workspace mode). With it,
   * each call carries the token of the workspace it is about; `team` is the workspace of the
   * calls that name none (lookups by email), set by forTeam.
   */
  constructor(
    private readonly client: webApi.WebClient,
    private readonly clock: Clock,
    private readonly tokenFor?: TokenFor,
    private readonly team?: string,
    cache?: Map<string, CachedProfile>,
  ) {
    this.#cache = cache ?? new Map();
  }

  /** The same directory (and cache), with lookups by email made in this workspace. */
  forTeam(teamId: string): SlackDirectory {
    return new SlackDirectory(this.client, this.clock, this.tokenFor, teamId, this.#cache);
  }

  async #auth(teamId: string | undefined): Promise<{ token?: string }> {
    if (!this.tokenFor) return {};
    const token = teamId === undefined ? undefined : await this.tokenFor(teamId);
    if (token === undefined) throw new Error(`no Slack installation for workspace ${teamId ?? '(none named)'}`);
    return { token };
  }

  profile(teamId: string, userId: string): Promise<SlackProfile> {
    const key = `${teamId}:${userId}`;
    const now = this.clock();
    const cached = this.#cache.get(key);
    if (cached && now - cached.at < PROFILE_TTL_MS) return cached.profile;
    const profile = this.#fetchProfile(teamId, userId);
    this.#cache.set(key, { at: now, profile });
    // A failed lookup must not be remembered: the next command asks Slack again.
    profile.catch(() => this.#cache.delete(key));
    return profile;
  }

  async caller(teamId: string, userId: string): Promise<Caller> {
    const { email } = await this.profile(teamId, userId);
    return { platform: 'slack', workspaceId: teamId, userId, verifiedEmail: email };
  }

  /** The mentions among `args`, each looked up once (users.info, Tier 4). Run only for members. */
  async mentions(teamId: string, args: readonly EmailArg[]): Promise<ResolvedMentions> {
    const ids = [...new Set(args.flatMap((arg) => ('userId' in arg ? [arg.userId] : [])))];
    const found = await mapBounded(ids, LOOKUP_CONCURRENCY, async (id) => {
      try {
        return [id, (await this.profile(teamId, id)).email] as const;
      } catch (error) {
        // `<@U0GHOST>` or a lower-cased id: Slack knows no such user. A clear refusal, not a crash.
        if (isPlatformError(error, 'user_not_found')) return [id, null] as const;
        throw error;
      }
    });
    const emails = new Map<string, string>();
    for (const [id, email] of found) if (email !== null) emails.set(id, email);
    return { emails, missing: ids.filter((id) => !emails.has(id)) };
  }

  /**
   * normalized email → Slack user id, for invitees who have an account in this workspace; only the
   * first LOOKUP_BUDGET are looked up (Tier 3), and a rate-limited lookup counts as not found.
   */
  async reachable(emails: readonly string[]): Promise<Record<string, string>> {
    const found = await mapBounded(emails.slice(0, LOOKUP_BUDGET), LOOKUP_CONCURRENCY, async (email) => {
      const userId = await this.lookupByEmail(email);
      return userId === undefined ? undefined : ([email, userId] as const);
    });
    return Object.fromEntries(found.filter((entry) => entry !== undefined));
  }

  async lookupByEmail(email: string): Promise<string | undefined> {
    try {
      const result = await this.client.users.lookupByEmail({ email, ...(await this.#auth(this.team)) });
      return result.user?.id;
    } catch (error) {
      if (isPlatformError(error, 'users_not_found')) return undefined;
      // Over the tier: the invitee gets a code instead of a DM, which the inviter always sees.
      if (isRateLimited(error)) return undefined;
      throw error;
    }
  }

  async #fetchProfile(teamId: string, userId: string): Promise<SlackProfile> {
    const { user } = await this.client.users.info({ user: userId, ...(await this.#auth(teamId)) });
    const email = user?.profile?.email;
    return {
      email: email && email.length > 0 ? email : null,
      isWorkspaceAdmin: Boolean(user?.is_admin || user?.is_owner),
    };
  }
}

export function isPlatformError(error: unknown, code?: string): error is { data: { error: string } } {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  if (error.code !== 'slack_webapi_platform_error' || !('data' in error)) return false;
  const data = error.data as { error?: unknown };
  return code === undefined ? typeof data.error === 'string' : data.error === code;
}

function isRateLimited(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'code' in error && error.code === 'slack_webapi_rate_limited_error'
  );
}

async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
