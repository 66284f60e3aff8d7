/**
 * Test and bench support: the example plans of the repository (from the one loader of examples), and helpers to
 * compare and take apart what a link or file gives back.
 */
import { inflateSync } from 'fflate';
import { decodeBase64Url } from '../base64url';
import { LINK_DICTIONARY_V1 } from '../dictionary-v1';

export { examplePlans } from '../../domain/testing/examples';

/** The plan as it looks after a JSON round trip (what a link or file must give back). */
export const jsonRoundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The JSON value inside a share link of link format 1 (test support: to change a link's contents). */
export function linkContents(link: string): unknown {
  const frame = decodeBase64Url(link.slice(link.indexOf('.') + 1));
  let start = 0;
  while (((frame[start] as number) & 0x80) !== 0) start += 1;
  // The length's last byte, then the CRC-32.
  start += 1 + 4;
  const text = inflateSync(frame.subarray(start), { dictionary: new TextEncoder().encode(LINK_DICTIONARY_V1) });
  return JSON.parse(new TextDecoder().decode(text)) as unknown;
}
