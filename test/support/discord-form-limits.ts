/**
 * Discord's published size limits on message and command bodies, reported as Discord reports them:
 * a tree mirroring the body whose leaves are `{ _errors: [{ code, message }] }`, inside
 * `{ code: 50035, message: 'Invalid Form Body', errors }`.
 *
 * Sources (discord.com/developers/docs, API v10):
 * - Create Message, /resources/message#create-message: `content` up to 2,000 characters, up to 10
 *   `embeds`; Embed limits, /resources/message#embed-object-embed-limits: title 256, description
 *   4,096, 25 fields (name 256, value 1,024), footer 2,048, author name 256, 6,000 in total.
 * - Components, /components/reference: up to 5 action rows a message, up to 5 buttons or one
 *   select a row; `custom_id` 1–100; button `label` 80; select up to 25 options (label, value,
 *   description 100 each), `placeholder` 150.
 * - Interaction response, /interactions/receiving-and-responding#interaction-response-object-
 *   autocomplete: up to 25 `choices`, name and value up to 100.
 * - Application commands, /interactions/application-commands#application-command-object-
 *   application-command-structure: name 1–32, description 1–100, up to 25 options and 25 choices.
 * - Error messages, /reference#error-messages: the 50035 body shape above.
 */

export const DISCORD_LIMITS = {
  content: 2_000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4_096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footer: 2_048,
  authorName: 256,
  embedTotal: 6_000,
  actionRows: 5,
  rowButtons: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  optionText: 100,
  placeholder: 150,
  choices: 25,
  choiceText: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
} as const;

/** A node of Discord's error tree. */
export interface ErrorTree {
  [key: string]: ErrorTree | Array<{ code: string; message: string }>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const length = (value: unknown): number => (typeof value === 'string' ? value.length : 0);

/** Builds the tree as violations are found; `count` says whether anything was. */
export class FormErrors {
  readonly tree: ErrorTree = {};
  count = 0;

  /** `skips` names the paths a test opted out of. */
  constructor(private readonly skips: (path: readonly (string | number)[]) => boolean = () => false) {}

  add(path: readonly (string | number)[], code: string, message: string): void {
    if (this.skips(path)) return;
    let node = this.tree;
    for (const key of path) {
      const next = node[String(key)];
      const child: ErrorTree = isObject(next) && !Array.isArray(next) ? (next as ErrorTree) : {};
      node[String(key)] = child;
      node = child;
    }
    const errors = Array.isArray(node._errors) ? node._errors : [];
    node._errors = [...errors, { code, message }];
    this.count += 1;
  }

  maxLength(path: readonly (string | number)[], value: unknown, max: number): void {
    if (length(value) > max) this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }

  maxItems(path: readonly (string | number)[], value: unknown, max: number): void {
    if (list(value).length > max) this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }
}

type Path = readonly (string | number)[];

const SELECT_TYPES = { string: 3 } as const;

function checkComponent(e: FormErrors, component: unknown, at: Path): void {
  if (!isObject(component)) return;
  e.maxLength([...at, 'custom_id'], component.custom_id, DISCORD_LIMITS.customId);
  e.maxLength([...at, 'label'], component.label, DISCORD_LIMITS.buttonLabel);
  e.maxLength([...at, 'placeholder'], component.placeholder, DISCORD_LIMITS.placeholder);
  e.maxItems([...at, 'options'], component.options, DISCORD_LIMITS.selectOptions);
  list(component.options).forEach((option, i) => {
    if (!isObject(option)) return;
    for (const field of ['label', 'value', 'description'] as const) {
      e.maxLength([...at, 'options', i, field], option[field], DISCORD_LIMITS.optionText);
    }
  });
}

function checkEmbed(e: FormErrors, embed: unknown, at: Path): number {
  if (!isObject(embed)) return 0;
  const footer = isObject(embed.footer) ? embed.footer.text : undefined;
  const author = isObject(embed.author) ? embed.author.name : undefined;
  e.maxLength([...at, 'title'], embed.title, DISCORD_LIMITS.embedTitle);
  e.maxLength([...at, 'description'], embed.description, DISCORD_LIMITS.embedDescription);
  e.maxLength([...at, 'footer', 'text'], footer, DISCORD_LIMITS.footer);
  e.maxLength([...at, 'author', 'name'], author, DISCORD_LIMITS.authorName);
  e.maxItems([...at, 'fields'], embed.fields, DISCORD_LIMITS.embedFields);
  let total = length(embed.title) + length(embed.description) + length(footer) + length(author);
  list(embed.fields).forEach((field, i) => {
    if (!isObject(field)) return;
    e.maxLength([...at, 'fields', i, 'name'], field.name, DISCORD_LIMITS.fieldName);
    e.maxLength([...at, 'fields', i, 'value'], field.value, DISCORD_LIMITS.fieldValue);
    total += length(field.name) + length(field.value);
  });
  return total;
}

/** A message body (create, edit, follow-up, or an interaction response's `data`). */
export function checkMessage(e: FormErrors, body: unknown, at: Path = []): void {
  if (!isObject(body)) return;
  e.maxLength([...at, 'content'], body.content, DISCORD_LIMITS.content);
  e.maxItems([...at, 'components'], body.components, DISCORD_LIMITS.actionRows);
  list(body.components).forEach((row, r) => {
    if (!isObject(row)) return;
    e.maxItems([...at, 'components', r, 'components'], row.components, DISCORD_LIMITS.rowButtons);
    // A select menu takes a whole row (components reference: "an Action Row can contain ... a single select").
    const selects = list(row.components).filter((c) => isObject(c) && c.type === SELECT_TYPES.string).length;
    if (selects > 0 && list(row.components).length > 1)
      e.add(
        [...at, 'components', r, 'components'],
        'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        'The specified component exceeds the maximum width',
      );
    list(row.components).forEach((component, c) => {
      checkComponent(e, component, [...at, 'components', r, 'components', c]);
    });
  });
  e.maxItems([...at, 'embeds'], body.embeds, DISCORD_LIMITS.embeds);
  const total = list(body.embeds).reduce<number>(
    (sum, embed, i) => sum + checkEmbed(e, embed, [...at, 'embeds', i]),
    0,
  );
  if (total > DISCORD_LIMITS.embedTotal) {
    e.add([...at, 'embeds'], 'BASE_TYPE_MAX_LENGTH', `Embed size exceeds maximum size of ${DISCORD_LIMITS.embedTotal}`);
  }
}

/** An autocomplete response's `data`. */
export function checkChoices(e: FormErrors, data: unknown, at: Path): void {
  if (!isObject(data)) return;
  e.maxItems([...at, 'choices'], data.choices, DISCORD_LIMITS.choices);
  list(data.choices).forEach((choice, i) => {
    if (!isObject(choice)) return;
    e.maxLength([...at, 'choices', i, 'name'], choice.name, DISCORD_LIMITS.choiceText);
    e.maxLength([...at, 'choices', i, 'value'], choice.value, DISCORD_LIMITS.choiceText);
  });
}

/** A command or an option of one, and its nested options and choices. */
export function checkCommand(e: FormErrors, command: unknown, at: Path): void {
  if (!isObject(command)) return;
  e.maxLength([...at, 'name'], command.name, DISCORD_LIMITS.commandName);
  e.maxLength([...at, 'description'], command.description, DISCORD_LIMITS.commandDescription);
  e.maxItems([...at, 'options'], command.options, DISCORD_LIMITS.commandOptions);
  e.maxItems([...at, 'choices'], command.choices, DISCORD_LIMITS.choices);
  list(command.options).forEach((option, i) => {
    checkCommand(e, option, [...at, 'options', i]);
  });
}
