/**
 * The page-load bench's floor page: the production page with its scripts removed (the gate, and any module
 * script or module preload), keeping the prerendered markup and the stylesheets. It is the fastest this markup can
 * ever load and paint, the reference the app's own load is measured against.
 */
export function floorPage(html: string): string {
  const floor = html
    .replace(/[ \t]*<script\b[^>]*>[\s\S]*?<\/script>[ \t]*\n?/g, '')
    .replace(/[ \t]*<link\b[^>]*\brel="modulepreload"[^>]*>[ \t]*\n?/g, '');
  if (/<script\b/i.test(floor)) throw new Error('The floor page still has a script.');
  return floor;
}
