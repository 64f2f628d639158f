import type { EmailArg } from './words.ts';

/**
 * What an argument holds. The grammar reads each kind one way, Discord registers each kind as one
 * option type (`word`: one word the core validates), and adapters resolve `email`/`emails` (Slack mentions) before the core sees them.
 * A `duration` (`30d`, `3 days`) takes the rest of the line, or, after `emails`, what follows `for`;
 * the core alone parses it, so every surface refuses the same words with the same message.
 */
export type ArgKind =
  | 'emails'
  | 'email'
  | 'role'
  | 'code'
  | 'page'
  | 'channel'
  | 'text'
  | 'choice'
  | 'duration'
  | 'word';

export interface ArgSpec {
  /** The field of the parsed command. */
  readonly name: string;
  readonly kind: ArgKind;
  readonly optional?: true;
  /** One line, shown where options are described (Discord's option picker). */
  readonly description: string;
  /** The option's name where options are named (Discord), when it differs from `name`. */
  readonly label?: string;
  /** `choice`: the words accepted; `fallback` is the value when the word is left out. */
  readonly choices?: readonly string[];
  readonly fallback?: string;
  /** `email`: whose emails to suggest while typing. */
  readonly suggest?: 'members' | 'pending';
  /** The longest accepted, where the platform checks it as people type (Discord). */
  readonly maxLength?: number;
}

type ChoiceOf<A> = A extends { choices: readonly (infer C)[]; fallback: infer F } ? C | F : string;

/** Values as the grammar reads them: an email may still be a Slack mention. */
export type ParsedValue<A extends ArgSpec> = A['kind'] extends 'emails'
  ? readonly EmailArg[]
  : A['kind'] extends 'email'
    ? EmailArg
    : A['kind'] extends 'choice'
      ? ChoiceOf<A>
      : string;

/** Values as the core receives them: every email resolved to an address. */
export type ResolvedValue<A extends ArgSpec> = A['kind'] extends 'emails'
  ? readonly string[]
  : A['kind'] extends 'email'
    ? string
    : ParsedValue<A>;

type IsOptional<A> = A extends { optional: true } ? (A extends { fallback: string } ? false : true) : false;

export type ParsedFields<Args extends readonly ArgSpec[]> = {
  readonly [A in Args[number] as IsOptional<A> extends true ? never : A['name']]: ParsedValue<A>;
} & {
  readonly [A in Args[number] as IsOptional<A> extends true ? A['name'] : never]?: ParsedValue<A>;
};

export type ResolvedFields<Args extends readonly ArgSpec[]> = {
  readonly [A in Args[number] as IsOptional<A> extends true ? never : A['name']]: ResolvedValue<A>;
} & {
  readonly [A in Args[number] as IsOptional<A> extends true ? A['name'] : never]?: ResolvedValue<A>;
};
