import type { Platform } from './model.ts';

/** Who is asking, as the adapter knows them. The core turns this into an email and a role. */
export interface Caller {
  readonly platform: Platform;
  /** The platform's workspace (team, server), or the console's ('local'). */
  readonly workspaceId: string;
  /** The platform's user id; on the console, the email. */
  readonly userId: string;
  /** An email the platform vouches for (a verified profile, console `--as`); null where it has none. */
  readonly verifiedEmail: string | null;
}
