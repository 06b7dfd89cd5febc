// Small line icons for the tab bar: one path set per area, drawn in currentColor.
export type IconName = 'board' | 'calls' | 'intake' | 'handoffs' | 'rota' | 'figures' | 'housing';

const PATHS: Record<IconName, string[]> = {
  board: ['M4 4h7v7H4z', 'M13 4h7v7h-7z', 'M4 13h7v7H4z', 'M13 13h7v7h-7z'],
  calls: ['M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1z'],
  intake: ['M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M2 21v-1a7 7 0 0 1 11-5.7', 'M18 14v7', 'M14.5 17.5h7'],
  handoffs: ['M3 12h13', 'M12 7l5 5-5 5', 'M20 4v16'],
  rota: ['M4 6h16v14H4z', 'M4 10h16', 'M8 3v5', 'M16 3v5'],
  figures: ['M4 20h16', 'M7 16v-5', 'M12 16V7', 'M17 16v-8'],
  housing: ['M3 11l9-7 9 7', 'M5 10v10h14V10', 'M10 20v-6h4v6'],
};

export function NavIcon({ name }: { name: IconName }) {
  return (
    <svg
      className="nav-icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
