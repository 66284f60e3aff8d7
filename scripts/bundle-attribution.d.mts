export function decodeSegment(segment: string): number[];
export function groupOf(source: string): string;
export const GLUE: string;
export function attribute(code: string, map: { mappings: string; sources: string[] } | null): Map<string, string>;
