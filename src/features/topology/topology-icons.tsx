/**
 * The icons of the drawing (topology/icons.ts): each drawn once per picture, as a `<symbol>`, and placed with
 * `<use>` wherever a box or the legend shows it. Decorative: the box's own label names what it is.
 */
import { ICON_COLOR, ICONS, type IconName } from '../../topology/icons';

/** The id of the symbol of icon `name` in the picture of `prefix`. */
const iconId = (prefix: string, name: IconName): string => `${prefix}-i-${name}`;

/** The symbols of the icons, for the picture's `<defs>`. */
export function IconSymbols({ prefix }: { prefix: string }) {
  return (Object.keys(ICONS) as IconName[]).map((n) => (
    <symbol
      key={n}
      id={iconId(prefix, n)}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={ICONS[n]} />
    </symbol>
  ));
}

/** The icon `name` (if any) in a square of `size` px at `x`, `y`. */
export function Icon({
  prefix,
  name,
  x,
  y,
  size,
}: {
  prefix: string;
  name: IconName | null;
  x: number;
  y: number;
  size: number;
}) {
  if (!name) return null;
  return (
    <use
      className="topo-icon"
      href={`#${iconId(prefix, name)}`}
      x={x}
      y={y}
      width={size}
      height={size}
      color={ICON_COLOR}
      aria-hidden="true"
    />
  );
}
