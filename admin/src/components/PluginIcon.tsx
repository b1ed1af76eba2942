import { forwardRef, type SVGProps } from 'react';
import { useTheme } from 'styled-components';

type PluginIconProps = Omit<SVGProps<SVGSVGElement>, 'fill' | 'stroke'> & {
  /** A theme colour name (the main menu passes `neutral500`) or any CSS colour. */
  fill?: string;
  stroke?: string;
};

/**
 * The plugin's menu icon: a report page whose lower corner carries a seal, for stories built on
 * official documents. Drawn on Strapi's own grid (24×24 box, one filled path, `currentColor` by
 * default) and, like @strapi/icons, it reads theme colour names, since the main menu asks for
 * `fill="neutral500"` and sets the active colour through `currentColor`.
 */
export const PluginIcon = forwardRef<SVGSVGElement, PluginIconProps>(
  ({ fill = 'currentColor', stroke, ...props }, ref) => {
    const { colors } = useTheme();
    const resolve = (color?: string) =>
      color && color in colors ? colors[color as keyof typeof colors] : color;
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox="0 0 24 24"
        width={16}
        height={16}
        fill={resolve(fill)}
        stroke={resolve(stroke)}
        ref={ref}
        {...props}
      >
        {/* One path under the non-zero rule: the seal's ring is its outer circle clockwise and
            its inner one counter-clockwise; the ribbon runs clockwise, so it joins the ring. */}
        <path d="M5 2h10l5 5v6.26a5.5 5.5 0 0 0-2-.26V8h-4V4H6v16h5.1a5.5 5.5 0 0 0 .9 2H5a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1Zm3 7h6v1.6H8V9Zm0 3.2h5v1.6H8v-1.6Zm0 3.2h3v1.6H8v-1.6ZM17.5 14a3.75 3.75 0 1 1 0 7.5 3.75 3.75 0 0 1 0-7.5Zm0 1.6a2.15 2.15 0 1 0 0 4.3 2.15 2.15 0 1 0 0-4.3Zm-1.9 5.3h3.8l.9 3.1-2.8-1.2-2.8 1.2.9-3.1Z" />
      </svg>
    );
  }
);
PluginIcon.displayName = 'PluginIcon';
