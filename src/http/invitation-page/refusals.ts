import type { CoreError } from '../../core/index.ts';

export interface Refusal {
  readonly status: number;
  readonly title: string;
  readonly text: string;
}

/**
 * The page's wording of the refusals a link can meet. It says what became of this invitation and
 * nothing else: no organization, no inviter, nothing about any other invitation.
 */
export function refusalOf(error: CoreError): Refusal {
  switch (error.code) {
    case 'invalid_code':
      return { status: 404, title: 'Invitation not found', text: 'This invitation link is not valid.' };
    case 'invitation_expired':
      return expired;
    case 'invitation_not_pending':
      if (error.state === 'expired') return expired;
      if (error.state === 'revoked')
        return { status: 410, title: 'Invitation revoked', text: 'This invitation was revoked.' };
      return {
        status: 410,
        title: 'Invitation already used',
        text: `This invitation was already ${error.state}.`,
      };
    case 'already_member':
      return { status: 409, title: 'Already a member', text: 'You are already a member of this organization.' };
    default:
      return { status: 409, title: 'Invitation not answered', text: 'This invitation cannot be answered here.' };
  }
}

const expired: Refusal = {
  status: 410,
  title: 'Invitation expired',
  text: 'This invitation has expired. Ask whoever invited you to send it again.',
};

export const CROSS_SITE: Refusal = {
  status: 403,
  title: 'Form refused',
  text: 'This form was not sent from the invitation page. Open the link from your email and answer there.',
};

export const STALE_FORM: Refusal = {
  status: 403,
  title: 'Form expired',
  text: 'This form is too old or was changed. Reload the invitation page and answer again.',
};
