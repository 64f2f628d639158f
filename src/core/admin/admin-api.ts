import type { ActivityAction, Platform, Role } from '../model.ts';
import type { Err, Result } from '../result.ts';

/**
 * The operator's use cases (the `rollcall` CLI): the same locks, seat count, notices and activity as
 * the chat commands, for a system caller that stands outside every organization.
 */
export interface AdminCore {
  createOrg(input: { name: string; limit?: number }): Promise<AdminResult<CreatedOrg>>;
  bindOrg(input: { orgId: string; platform: Platform; workspaceId: string }): Promise<AdminResult<BindOutcome>>;
  listOrgs(): Promise<readonly OrgSummary[]>;
  /** Break-glass: makes `email` an owner whatever the chat permissions. */
  restoreOwner(input: { orgId: string; email: string }): Promise<AdminResult<RestoreOutcome>>;
  /** The whole activity of one organization, oldest first. */
  exportActivity(input: { orgId: string }): Promise<AdminResult<readonly ExportedEntry[]>>;
}

/** Who acts: the name the activity log and the notices give to the operator's changes. */
export interface SystemCaller {
  readonly actor: string;
}

export type AdminError =
  | { code: 'org_not_found'; orgId: string }
  | { code: 'invalid_org_name'; maxLength: number }
  | { code: 'workspace_taken'; platform: Platform; workspaceId: string; orgId: string }
  | { code: 'org_already_bound'; orgName: string; platform: Platform; workspaceId: string }
  /** No seat left for a new owner: members plus pending invitations are at the limit. */
  | { code: 'org_full'; email: string; limit: number };

export type AdminErrorCode = AdminError['code'];
export type AdminResult<T> = Result<T, AdminError>;

export function refuse(error: AdminError): Err<AdminError> {
  return { ok: false, error };
}

export interface CreatedOrg {
  readonly orgId: string;
  readonly name: string;
  readonly limit: number;
}

export type BindOutcome = 'bound' | 'already_bound';

export interface OrgSummary {
  readonly id: string;
  readonly name: string;
  readonly limit: number;
  readonly members: number;
  readonly bindings: readonly { platform: Platform; workspaceId: string; channelId: string | null }[];
}

export type RestoreOutcome =
  | { kind: 'already_owner' }
  | { kind: 'promoted'; from: Role }
  | { kind: 'added'; revokedInvitation: boolean };

export interface ExportedEntry {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: ActivityAction;
  readonly subject: string | null;
  readonly details: Readonly<Record<string, string>>;
}
