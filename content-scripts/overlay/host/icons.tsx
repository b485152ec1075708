// The few line icons the overlay draws (inline SVG, decorative: labels come from the buttons that hold them).

const paths = {
  layers: ['M12 3 3 7.5l9 4.5 9-4.5L12 3z', 'm3 16.5 9 4.5 9-4.5', 'm3 12 9 4.5 9-4.5'],
  close: ['M6 6l12 12', 'M18 6 6 18'],
  back: ['M15 18l-6-6 6-6'],
  search: ['M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z', 'm20 20-4-4'],
  chevron: ['m9 6 6 6-6 6'],
  'dock-left': ['M4 5h16v14H4z', 'M9 5v14'],
  'dock-right': ['M4 5h16v14H4z', 'M15 5v14'],
  'dock-bottom': ['M4 5h16v14H4z', 'M4 14h16'],
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, class: className = 'icon' }: { name: IconName; class?: string }) {
  return (
    <svg class={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {paths[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
