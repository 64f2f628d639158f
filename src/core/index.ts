/**
 * The core's one public face: adapters, jobs, the CLI and the runtime import from here, never from
 * a file behind it (a lint rule keeps it so). The store imports only ./model.ts.
 */

export { parseEmailList, roleToGrant } from './actions/invite.ts';
export { MAX_ORG_NAME } from './actions/setup.ts';
export type * from './admin/admin-api.ts';
export { createAdminCore } from './admin/create-admin-core.ts';
export type * from './api.ts';
export type { Caller } from './caller.ts';
export { type Clock, DAY, HOUR, MINUTE, systemClock } from './clock.ts';
export { type CoreDeps, type CoreSettings, createMembershipCore, type OrgChange } from './create-core.ts';
export { MAX_DOMAIN_LENGTH } from './domain-policy.ts';
export { MAX_EMAIL_LENGTH, normalizeEmail, parseEmail } from './email.ts';
export type { CoreError, CoreErrorCode, ErrorMessages } from './errors.ts';
export { expireDueInvitations } from './expiry.ts';
export { lapseDueRequests } from './lapse-requests.ts';
export { endMembership, sendEndingNotice } from './membership-end.ts';
export * from './model.ts';
export { REQUEST_TTL_MS } from './open-request.ts';
export type { PlatformDirectory, PlatformFacts } from './platform-facts.ts';
export { sendReminder } from './reminders.ts';
export { err, ok, type Result } from './result.ts';
export { grantableRoles, isRole, parseRole } from './roles.ts';
export { MAX_TERM_MS, MIN_TERM_MS, parseTerm } from './term.ts';
export { inJobTransaction } from './transaction.ts';
