/**
 * `parts.join(sep)`, built by appending. The result is the same string; for the large files of
 * an export, appending lets the engine link the parts instead of copying them all into one new
 * flat string at once.
 */
export function joinText(parts: readonly string[], sep: string): string {
  let out = '';
  for (let i = 0; i < parts.length; i += 1) out += i === 0 ? (parts[i] as string) : sep + (parts[i] as string);
  return out;
}
