/**
 * Share links: the whole plan in the URL fragment (`#p1.…`), so it never reaches a server.
 *
 * Fragment = marker `p<link format>.` + base64url(frame), frame = varint(length of the deflated
 * bytes) · CRC-32 · raw DEFLATE of the JSON text (with the preset dictionary of link format 1).
 * The JSON text is the compact value of ./compactV1, whose first element is the plan's
 * formatVersion. The CRC-32 runs over the deflated bytes followed by the JSON text.
 *
 * The length tells a cut-off link (truncated) from a damaged one. The CRC makes sure a damaged or
 * tampered link is reported (corrupted) instead of opening: over the deflated bytes it catches every
 * changed bit, even one DEFLATE would ignore; over the text it catches a wrong dictionary. The link
 * and the inflated text are both capped, before and while inflating.
 */
import { Inflate, deflateSync } from 'fflate';
import type { Plan } from '../domain/plan';
import { decodeBase64Url, encodeBase64Url, firstInvalidBase64UrlChar, isCanonicalBase64Url } from './base64url';
import { compactPlanV1, expandPlanV1 } from './compact-v1';
import { crc32 } from './crc32';
import { LINK_DICTIONARY_V1 } from './dictionary-v1';
import { formatBytes, loadError, type PlanLoadError, type PlanLoadResult } from './errors';
import { readAnyPlanDocument } from './migrations';

/** The link format this build writes; it reads every format up to this one. */
const LINK_FORMAT_VERSION = 1;

/** Links longer than this are cut by some chat tools, mail clients and proxies: offer the plan file. */
export const LINK_SHARE_LIMIT = 8000;

/** Fragments longer than this are refused before anything is decoded (2 MiB: Chromium's URL limit). */
export const MAX_LINK_CHARS = 2 * 1024 * 1024;

/** The inflated JSON text may not exceed this (zip-bomb guard); the large budget plan needs about a tenth. */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

const MARKER_PATTERN = /^p([0-9]+)\./;
const marker = (version: number) => `p${version}.`;
const DICTIONARY = new TextEncoder().encode(LINK_DICTIONARY_V1);
/** Compressed bytes pushed into the inflater at a time, so that the output cap is checked often. */
const INFLATE_CHUNK = 4096;

function writeVarint(value: number, out: number[]): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

function readVarint(bytes: Uint8Array): { value: number; size: number } | null {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 5 && i < bytes.length; i += 1) {
    const b = bytes[i] as number;
    value += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) return { value, size: i + 1 };
    scale *= 128;
  }
  return null;
}

/**
 * Frames any text as a link-format-1 fragment (without `#`). Exported for tests, which use it to
 * build well-formed links around invalid content.
 */
export function encodeLinkPayload(text: string): string {
  const raw = new TextEncoder().encode(text);
  // A small hash table suits plan-sized input (the DEFLATE output is the same format either way).
  const deflated = deflateSync(raw, { level: 9, mem: raw.length > 32768 ? 8 : 4, dictionary: DICTIONARY });
  const header: number[] = [];
  writeVarint(deflated.length, header);
  const crc = crc32(raw, crc32(deflated));
  header.push((crc >>> 24) & 0xff, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff);
  const frame = new Uint8Array(header.length + deflated.length);
  frame.set(header, 0);
  frame.set(deflated, header.length);
  return marker(LINK_FORMAT_VERSION) + encodeBase64Url(frame);
}

/** The plan's share-link fragment (without `#`). */
export function encodePlanLink(plan: Plan): string {
  return encodeLinkPayload(JSON.stringify(compactPlanV1(plan)));
}

/** `<base>#<fragment>`; any fragment already on the base address is replaced. */
export function planLinkUrl(baseUrl: string, plan: Plan): string {
  const hash = baseUrl.indexOf('#');
  return `${hash >= 0 ? baseUrl.slice(0, hash) : baseUrl}#${encodePlanLink(plan)}`;
}

/** True when a link (whole address or fragment) is too long to share safely; offer the plan file instead. */
export const isLinkTooLong = (link: string): boolean => link.length > LINK_SHARE_LIMIT;

type Inflated = { ok: true; bytes: Uint8Array } | { ok: false; kind: 'corrupted' | 'too-large' };

/**
 * The preset dictionary as a raw DEFLATE stored block that is not the last one (header byte 0, then LEN and its
 * one's complement, little-endian). A link's DEFLATE data put after it inflates with the dictionary already in
 * the window, which is all a preset dictionary is, so the browser's own inflater (which takes no dictionary) can
 * read it; the output then starts with the dictionary's bytes.
 */
const STORED_DICTIONARY = new Uint8Array([
  0,
  DICTIONARY.length & 0xff,
  DICTIONARY.length >>> 8,
  ~DICTIONARY.length & 0xff,
  (~DICTIONARY.length >>> 8) & 0xff,
  ...DICTIONARY,
]);

/**
 * Inflates with the platform's `DecompressionStream` (native code: several times faster than `inflateCapped` on
 * the largest plans). Null when there is none, when the data is not valid DEFLATE or when it unpacks to more than
 * the cap: the caller then asks `inflateCapped`, whose verdict on such data is the one every reader gives.
 */
async function inflateNative(deflated: Uint8Array): Promise<Uint8Array | null> {
  if (typeof DecompressionStream !== 'function') return null;
  try {
    const stream = new DecompressionStream('deflate-raw');
    const writer = stream.writable.getWriter();
    // Failures show on the reading side as well, where they are handled.
    writer
      .write(STORED_DICTIONARY)
      .then(() => writer.write(new Uint8Array(deflated)))
      .then(() => writer.close())
      .catch(() => undefined);
    const reader = stream.readable.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > DICTIONARY.length + MAX_INFLATED_BYTES) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out.subarray(DICTIONARY.length);
  } catch {
    return null;
  }
}

function inflateCapped(deflated: Uint8Array): Inflated {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  const inflater = new Inflate({ dictionary: DICTIONARY }, (chunk) => {
    total += chunk.length;
    if (total > MAX_INFLATED_BYTES) tooLarge = true;
    else chunks.push(chunk);
  });
  try {
    for (let i = 0; i < deflated.length && !tooLarge; i += INFLATE_CHUNK) {
      const end = Math.min(deflated.length, i + INFLATE_CHUNK);
      inflater.push(deflated.subarray(i, end), end === deflated.length);
    }
    if (deflated.length === 0) inflater.push(deflated, true);
  } catch {
    return { ok: false, kind: tooLarge ? 'too-large' : 'corrupted' };
  }
  if (tooLarge) return { ok: false, kind: 'too-large' };
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return { ok: true, bytes: out };
}

const CORRUPTED =
  'The link is damaged: its check digits do not match its contents (a ' +
  'character was changed or lost). Ask for the link again, or for the plan file.';
const TRUNCATED =
  'The link is cut off: part of it is missing, often because a chat or ' +
  'mail tool wrapped or shortened it. Ask for the whole link, or for the plan file.';

/** Extracts the fragment from a fragment, `#fragment` or whole address; trims spaces and line breaks. */
function fragmentOf(input: string): string {
  const trimmed = input.trim();
  const hash = trimmed.indexOf('#');
  return (hash >= 0 ? trimmed.slice(hash + 1) : trimmed).replace(/\s+/g, '');
}

/**
 * Opens a share link (fragment, `#fragment` or whole address). Never throws: every failure is a
 * specific error kind with a message that says what to do.
 */
export function decodePlanLink(input: string): PlanLoadResult {
  try {
    return decode(input);
  } catch (e) {
    return unexpected(e);
  }
}

// Not expected (the steps below do not throw); kept so that a page never breaks on a link.
const unexpected = (e: unknown) =>
  loadError('corrupted', `The link could not be read (${e instanceof Error ? e.message : String(e)}).`);

/**
 * `decodePlanLink` with the platform's inflater where there is one: the same result for every input, sooner for a
 * large plan. For the page, which can wait; the command line and the tests use `decodePlanLink`.
 */
export async function decodePlanLinkAsync(input: string): Promise<PlanLoadResult> {
  try {
    return await decodeAsync(input);
  } catch (e) {
    return unexpected(e);
  }
}

/** A link's frame, checked up to its DEFLATE data: what `decode` and `decodeAsync` share before inflating. */
interface Frame {
  ok: true;
  /** The DEFLATE data. */
  deflated: Uint8Array;
  expectedCrc: number;
}

function decode(input: string): PlanLoadResult {
  const frame = readFrame(input);
  return frame.ok ? readInflated(frame, inflateCapped(frame.deflated)) : frame;
}

async function decodeAsync(input: string): Promise<PlanLoadResult> {
  const frame = readFrame(input);
  if (!frame.ok) return frame;
  const native = await inflateNative(frame.deflated);
  return readInflated(frame, native === null ? inflateCapped(frame.deflated) : { ok: true, bytes: native });
}

function readFrame(input: string): Frame | { ok: false; error: PlanLoadError } {
  if (typeof input !== 'string') return loadError('not-a-plan-link', 'A share link is text.');
  if (input.length > MAX_LINK_CHARS) {
    return loadError(
      'too-large',
      `The link is ${input.length.toLocaleString('en-US')} characters long, ` +
        `more than any plan link can be ` +
        `(${MAX_LINK_CHARS.toLocaleString('en-US')}); it was not opened.`,
    );
  }
  const fragment = fragmentOf(input);
  if (fragment === '') return loadError('empty', 'The link holds no plan: there is nothing after “#”.');
  const m = MARKER_PATTERN.exec(fragment);
  if (m === null) {
    if (marker(LINK_FORMAT_VERSION).startsWith(fragment)) return loadError('truncated', TRUNCATED);
    return loadError('not-a-plan-link', 'This is not a plan link: a plan link’s part after “#” starts with “p1.”.');
  }
  const linkVersion = Number(m[1]);
  if (linkVersion > LINK_FORMAT_VERSION) {
    return loadError(
      'newer-version',
      `This link was made by a newer version of the planner (link format ` +
        `${linkVersion}; this one reads up to ${LINK_FORMAT_VERSION}). Open it ` +
        `with an up-to-date planner.`,
    );
  }
  if (linkVersion !== 1 || m[1] !== '1')
    return loadError('not-a-plan-link', `This is not a plan link: link format “${m[1] ?? ''}” does not exist.`);
  const body = fragment.slice(m[0].length);
  if (body === '') return loadError('truncated', TRUNCATED);
  const bad = firstInvalidBase64UrlChar(body);
  if (bad >= 0)
    return loadError(
      'corrupted',
      `The link is damaged: character ${m[0].length + bad + 1} (“${body[bad] ?? ''}”) cannot appear in a plan link.`,
    );
  // The header first: a cut-off or padded link is known before the rest is decoded.
  const head = decodeBase64Url(body.slice(0, 12));
  const length = readVarint(head);
  if (length === null)
    return loadError(head.length < 5 ? 'truncated' : 'corrupted', head.length < 5 ? TRUNCATED : CORRUPTED);
  const start = length.size + 4;
  const available = Math.floor((body.length * 3) / 4) - start;
  if (available < length.value) return loadError('truncated', TRUNCATED);
  if (available > length.value || !isCanonicalBase64Url(body)) return loadError('corrupted', CORRUPTED);
  const frame = decodeBase64Url(body);
  const expectedCrc =
    (((frame[length.size] as number) << 24) |
      ((frame[length.size + 1] as number) << 16) |
      ((frame[length.size + 2] as number) << 8) |
      (frame[length.size + 3] as number)) >>>
    0;
  return { ok: true, deflated: frame.subarray(start), expectedCrc };
}

/** The rest of decoding, from the inflated bytes to the plan. */
function readInflated({ deflated, expectedCrc }: Frame, inflated: Inflated): PlanLoadResult {
  if (!inflated.ok) {
    return inflated.kind === 'too-large'
      ? loadError(
          'too-large',
          `The link unpacks to more than ${formatBytes(MAX_INFLATED_BYTES)}, far ` +
            `more than any plan; it was not opened.`,
        )
      : loadError('corrupted', CORRUPTED);
  }
  if (crc32(inflated.bytes, crc32(deflated)) !== expectedCrc) return loadError('corrupted', CORRUPTED);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return loadError('invalid-json', 'The link’s contents are not text.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return loadError(
      'invalid-json',
      `The link’s contents are not valid JSON (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
  const doc = expandPlanV1(json);
  if (doc === null)
    return loadError('invalid-plan', 'The link’s contents are not a plan (expected a list of plan fields).');
  const read = readAnyPlanDocument(doc);
  if (read.ok) return read;
  return read.error.kind === 'invalid-plan'
    ? loadError(
        'invalid-plan',
        `The link holds an invalid plan: ${read.error.message}`,
        read.error.path ? { path: read.error.path } : {},
      )
    : read;
}
