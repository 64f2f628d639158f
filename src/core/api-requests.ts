// The core's answers about requests, domain policy and linking a second platform (SPEC §12), apart
// from api.ts so that each file holds one area of the core's public shapes.
import type { InviteOutcome } from './api.ts';
import type { Platform, RequestAsk } from './model.ts';

export interface RequestOutcome {
  readonly requestId: string;
  readonly orgName: string;
  readonly ask: RequestAsk;
}

export interface OpenRequests {
  readonly orgName: string;
  /** Whether the caller may approve or deny them (an owner); otherwise these are their own. */
  readonly decides: boolean;
  readonly requests: readonly OpenRequestRow[];
}

export interface OpenRequestRow {
  readonly requestId: string;
  readonly requester: string;
  readonly ask: RequestAsk;
  readonly madeAt: number;
  /** When the sweep lapses it unless an owner decides first (SPEC §12: 7 days). */
  readonly lapsesAt: number;
}

export interface AskOffer {
  /** Opaque id of the stored offer; the only thing the Ask an owner button carries. */
  readonly offerId: string;
  readonly expiresAt: number;
  readonly ask: RequestAsk;
}

export interface DecisionOutcome {
  readonly requestId: string;
  readonly requester: string;
  readonly ask: RequestAsk;
  readonly decision: 'approved' | 'denied';
  readonly by: string;
  /** An approved invite request: what the invitation did, codes included, for the approving owner only. */
  readonly invited?: InviteOutcome;
}

export interface DomainsInput {
  readonly op: 'list' | 'add' | 'remove';
  readonly domain?: string;
}

export interface DomainsOutcome {
  readonly op: 'list' | 'add' | 'remove';
  /** The domain added or removed, normalized. */
  readonly domain?: string;
  /** The list after the change; empty: no policy, anyone may invite any address. */
  readonly domains: readonly string[];
}

export interface LinkCode {
  /** Shown once; stored only as a hash. */
  readonly code: string;
  readonly expiresAt: number;
  readonly orgName: string;
}

export interface RedeemLinkInput {
  readonly code: string;
  /** The adapter's finding, as for setup: the caller administers their workspace. */
  readonly isPlatformAdmin: boolean;
  /** The notification channel to start with, where the platform has one obvious one (the console). */
  readonly defaultChannelId?: string;
}

export interface LinkOutcome {
  readonly orgName: string;
  /** The code owner's email, which the caller's account now stands for. */
  readonly email: string;
  /** The platforms the organization is on now. */
  readonly platforms: readonly Platform[];
  /** Whether a notification channel is set on the caller's side yet. */
  readonly channelSet: boolean;
}
