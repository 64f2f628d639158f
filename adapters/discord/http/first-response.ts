import type { REST } from 'discord.js';

/** An interaction's initial response (type and data), as Discord reads it from the HTTP answer. */
export type InitialResponse = Record<string, unknown>;

const CALLBACK = /^\/interactions\/\d+\/([^/]+)\/callback$/;

/**
 * Over HTTP, Discord takes an interaction's first response as the body of the answer to its POST,
 * not from the callback endpoint. The handlers stay the ones the gateway uses (discord.js's
 * deferReply, deferUpdate, respond, reply all POST the callback route), so the REST client is
 * wrapped: a callback for an interaction that arrived over HTTP resolves that request instead of
 * leaving the process. Everything else (edits, follow-ups, DMs) goes to the REST API as before.
 */
export function captureInitialResponses(rest: REST) {
  const waiting = new Map<string, (response: InitialResponse) => void>();
  const post = rest.post.bind(rest);
  rest.post = async (route, options) => {
    const token = CALLBACK.exec(route)?.[1];
    const resolve = token === undefined ? undefined : waiting.get(token);
    if (token === undefined || !resolve) return post(route, options);
    waiting.delete(token);
    resolve((options?.body ?? {}) as InitialResponse);
    return undefined;
  };
  return {
    /** Resolves with the interaction's first response, or undefined when none came within `ms`. */
    expect(token: string, ms: number): Promise<InitialResponse | undefined> {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(token);
          resolve(undefined);
        }, ms);
        waiting.set(token, (response) => {
          clearTimeout(timer);
          resolve(response);
        });
      });
    },
  };
}
