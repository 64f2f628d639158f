import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../src/core/index.ts';

const label = (n: number) => 'a'.repeat(n);

describe('an email address is taken only within RFC 5321 lengths', () => {
  it.each([
    'alice@x.com',
    ' Alice@Example.COM ',
    'first.last+tag@sub.example.co.uk',
    "o'brien@x.com",
    'a_b-c@my-host.example',
    `${label(64)}@x.com`,
    `a@${label(63)}.com`,
    `${label(64)}@${[label(63), label(63), label(57)].join('.')}.com`,
  ])('accepts %s', (address) => {
    expect(parseEmail(address)).toBe(address.trim().toLowerCase());
  });

  it('accepts exactly 254 characters and refuses 255', () => {
    const domain = (length: number) => `${[label(63), label(63), label(length - 128 - 4)].join('.')}.com`;
    const at254 = `${label(64)}@${domain(254 - 65)}`;
    expect(at254).toHaveLength(254);
    expect(parseEmail(at254)).toBe(at254);
    const at255 = `${label(64)}@${domain(255 - 65)}`;
    expect(at255).toHaveLength(255);
    expect(parseEmail(at255)).toBeUndefined();
  });

  it.each([
    ['a local part of 65 characters', `${label(65)}@x.com`],
    ['a domain label of 64 characters', `a@${label(64)}.com`],
    ['a label ending in a hyphen', 'a@host-.com'],
    ['a label starting with a hyphen', 'a@-host.com'],
    ['an empty label', 'a@host..com'],
    ['an all-numeric top-level domain', 'a@10.0.0.1'],
    ['no dot in the domain', 'a@localhost'],
    ['an underscore in the domain', 'a@my_host.com'],
    ['no local part', '@x.com'],
    ['two @', 'a@b@x.com'],
  ])('refuses %s', (_what, address) => {
    expect(parseEmail(address)).toBeUndefined();
  });
});
