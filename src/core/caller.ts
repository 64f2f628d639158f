import type { Platform } from './model.ts';

/** Who is asking, as the adapter knows them. The core turns this into an email and a role. */
export interface Caller {
  readonly platform: Platform;
  /** Slack team id, Discord guild id, or the console's workspace ('local'). */
  readonly workspaceId: string;
  /** The chat user id: Slack `U…`, Discord snowflake; on the console, the email. */
  readonly userId: string;
  /** An email the platform vouches for (Slack profile, console `--as`); null on Discord. */
  readonly verifiedEmail: string | null;
}
