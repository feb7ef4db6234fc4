import { NavLink } from 'react-router';

export interface AreaLink {
  readonly to: string;
  readonly label: string;
  /** Current only on exactly this path (the area's home), not on pages below it. */
  readonly end?: boolean;
}

/** The pages of one role's area as a labelled secondary navigation; the current one marked. */
export function AreaNav({ label, links }: { label: string; links: readonly AreaLink[] }) {
  return (
    <nav aria-label={label} className="area-nav">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end ?? false}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
