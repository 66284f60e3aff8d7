/**
 * How a message names a resource the user named (or not yet): `VNet "vnet-hub"`, and `the unnamed VNet` while
 * the name is empty, never `VNet ""`. One helper for every rule, so the wording is the same everywhere. The name
 * is kept exactly as typed: each output escapes what it must (the CLI's text, the SVG), and JSON gives it back.
 */
/** `VNet "vnet-hub"`, or `the unnamed VNet` when the name is empty (or only spaces). */
export function named(kind: string, name: string | undefined): string {
  return (name ?? '').trim() === '' ? `the unnamed ${kind}` : `${kind} "${name ?? ''}"`;
}

/** `named` at the start of a sentence: `The unnamed VNet`. */
export function namedAtStart(kind: string, name: string | undefined): string {
  const text = named(kind, name);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A bare quoted name, or `(no name yet)`: for names that stand alone (`between "a" and "b"`). */
export function quotedName(name: string | undefined): string {
  return (name ?? '').trim() === '' ? '(no name yet)' : `"${name ?? ''}"`;
}
