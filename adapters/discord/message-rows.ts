import type { APIActionRowComponent, APIButtonComponent, APIStringSelectComponent } from 'discord.js';

/** An action row of a message: up to five buttons, or one select menu alone. */
export type MessageRow = APIActionRowComponent<APIButtonComponent | APIStringSelectComponent>;
