/** Request bodies shaped as Slack sends them (api.slack.com: slash commands, block_actions, view_submission). */

const TEAM = { id: 'T0001', domain: 'acme' };

export function slashCommandForm(userId: string, text: string, responseUrl: string): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: userId,
    user_name: userId.toLowerCase(),
    command: '/members',
    text,
    api_app_id: 'A0ROLLCALL',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `trigger-${userId}-${Date.now()}`,
  };
}

export function blockActionForm(userId: string, actionId: string, responseUrl: string): Record<string, string> {
  const payload = {
    type: 'block_actions',
    user: { id: userId, username: userId.toLowerCase(), team_id: TEAM.id },
    api_app_id: 'A0ROLLCALL',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0GENERAL', is_ephemeral: true },
    trigger_id: `trigger-${userId}-${Date.now()}`,
    team: TEAM,
    channel: { id: 'C0GENERAL', name: 'general' },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'button' },
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return { payload: JSON.stringify(payload) };
}

export function inviteSubmissionForm(userId: string, emails: string, role: string): Record<string, string> {
  const payload = {
    type: 'view_submission',
    team: TEAM,
    user: { id: userId, username: userId.toLowerCase(), team_id: TEAM.id },
    api_app_id: 'A0ROLLCALL',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${userId}-${Date.now()}`,
    view: {
      id: `V${userId}`,
      type: 'modal',
      callback_id: 'rollcall:invite',
      private_metadata: '',
      hash: '1700000000.abc',
      state: {
        values: {
          emails: { emails: { type: 'plain_text_input', value: emails } },
          role: {
            role: { type: 'static_select', selected_option: { value: role, text: { type: 'plain_text', text: role } } },
          },
        },
      },
    },
    response_urls: [],
  };
  return { payload: JSON.stringify(payload) };
}

/**
 * Where a click happened: an ephemeral message (it has a response_url), the Home tab or an open
 * modal (`modal`: its view id); the last two have none.
 */
export type ClickSurface = { readonly responseUrl: string } | { readonly home: true } | { readonly modal: string };

/**
 * A block_actions payload for one element: an overflow menu's chosen option, or a button carrying a
 * value. Slack sends the overflow's `selected_option`, and a Home click a `view` container.
 */
export function elementActionForm(
  userId: string,
  element:
    | { type: 'overflow'; action_id: string; value: string }
    | { type: 'button'; action_id: string; value?: string },
  surface: ClickSurface,
): Record<string, string> {
  const action =
    element.type === 'overflow'
      ? {
          type: 'overflow',
          action_id: element.action_id,
          block_id: 'row',
          selected_option: { text: { type: 'plain_text', text: 'option' }, value: element.value },
          action_ts: `${Date.now() / 1000}`,
        }
      : {
          type: 'button',
          action_id: element.action_id,
          block_id: 'row',
          text: { type: 'plain_text', text: 'button' },
          ...(element.value === undefined ? {} : { value: element.value }),
          action_ts: `${Date.now() / 1000}`,
        };
  const where =
    'home' in surface
      ? { container: { type: 'view', view_id: `VHOME${userId}` }, view: { id: `VHOME${userId}`, type: 'home' } }
      : 'modal' in surface
        ? { container: { type: 'view', view_id: surface.modal }, view: { id: surface.modal, type: 'modal' } }
        : {
            container: {
              type: 'message',
              message_ts: '1700000000.000100',
              channel_id: 'C0GENERAL',
              is_ephemeral: true,
            },
            channel: { id: 'C0GENERAL', name: 'general' },
            response_url: surface.responseUrl,
          };
  const payload = {
    type: 'block_actions',
    user: { id: userId, username: userId.toLowerCase(), team_id: TEAM.id },
    api_app_id: 'A0ROLLCALL',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${userId}-${Date.now()}`,
    team: TEAM,
    ...where,
    actions: [action],
  };
  return { payload: JSON.stringify(payload) };
}

/** A view_submission of a modal the app opened: its callback id, private_metadata and input values. */
export function viewSubmissionForm(
  userId: string,
  view: { callback_id: string; private_metadata?: string; values?: Record<string, Record<string, unknown>> },
): Record<string, string> {
  const payload = {
    type: 'view_submission',
    team: TEAM,
    user: { id: userId, username: userId.toLowerCase(), team_id: TEAM.id },
    api_app_id: 'A0ROLLCALL',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${userId}-${Date.now()}`,
    view: {
      id: `VMODAL${userId}`,
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata ?? '',
      hash: '1700000000.abc',
      state: { values: view.values ?? {} },
    },
    response_urls: [],
  };
  return { payload: JSON.stringify(payload) };
}

/** The Events API callback Slack posts when a user opens the app's Home tab. */
export function appHomeOpenedEvent(userId: string): Record<string, unknown> {
  return {
    type: 'event_callback',
    team_id: TEAM.id,
    api_app_id: 'A0ROLLCALL',
    event: {
      type: 'app_home_opened',
      user: userId,
      channel: `D${userId}`,
      tab: 'home',
      event_ts: `${Date.now() / 1000}`,
    },
    event_id: `Ev${userId}${Date.now()}`,
    event_time: Math.floor(Date.now() / 1000),
  };
}

/** A choice in a static select of an ephemeral message, as Slack sends it (block_actions). */
export function selectActionForm(userId: string, actionId: string, value: string, responseUrl: string) {
  const form = JSON.parse(blockActionForm(userId, actionId, responseUrl).payload ?? '{}');
  const option = { text: { type: 'plain_text', text: value }, value };
  form.actions = [
    {
      type: 'static_select',
      action_id: actionId,
      block_id: 'b1',
      selected_option: option,
      action_ts: `${Date.now() / 1000}`,
    },
  ];
  return { payload: JSON.stringify(form) };
}
