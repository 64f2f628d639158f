import type { Client } from 'discord.js';
import type { Logger } from '../../src/log.ts';

/** The part of discord.js's gateway manager the guard wraps (private in its typings). */
interface PacketHandler {
  handlePacket(packet?: unknown, shard?: unknown): boolean;
}

/** Interaction types that carry `data`: command, component, autocomplete, modal submit. */
const NEEDS_DATA = new Set([2, 3, 4, 5]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Why discord.js would throw on this INTERACTION_CREATE, or undefined when it is well formed. */
export function malformedInteraction(data: unknown): string | undefined {
  if (!isRecord(data)) return 'no interaction';
  const member = data.member;
  const user = isRecord(member) ? member.user : data.user;
  if (!isRecord(user) || typeof user.id !== 'string') return 'no member or user';
  if (typeof data.type === 'number' && NEEDS_DATA.has(data.type) && !isRecord(data.data)) return 'no data';
  return undefined;
}

/**
 * discord.js builds an Interaction from every INTERACTION_CREATE straight off the socket, and its
 * constructors throw on a payload without `member`/`user` or `data`, outside any handler of ours:
 * the process would end. Such packets are dropped here, before discord.js, with a log line.
 */
export function guardInteractions(client: Client, log: Logger): void {
  // discord.js exposes no hook before it parses a packet; handlePacket is that step.
  const manager = client.ws as unknown as PacketHandler;
  const handlePacket = manager.handlePacket.bind(manager);
  manager.handlePacket = (packet, shard) => {
    if (isRecord(packet) && packet.t === 'INTERACTION_CREATE') {
      const reason = malformedInteraction(packet.d);
      if (reason !== undefined) {
        log.warn(
          { reason, interactionId: isRecord(packet.d) ? packet.d.id : undefined },
          'ignored a malformed interaction',
        );
        return true;
      }
    }
    return handlePacket(packet, shard);
  };
}
