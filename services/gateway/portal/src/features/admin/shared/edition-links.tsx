import { Link } from 'react-router';
import { useMessages } from '../../../i18n';
import { adminMessages } from './messages';

/** The evaluation pages of an edition, in the order the work goes. */
const PAGES = [
  ['selection', 'linkSelection'],
  ['assignments', 'linkAssignments'],
  ['ranking', 'linkRanking'],
  ['objections', 'linkObjections'],
  ['interviews', 'linkInterviews'],
  ['results', 'linkResults'],
] as const;

/** Links to an edition's evaluation pages, named so each list is told apart by its edition. */
export function EditionLinks({
  editionId,
  editionName,
}: {
  editionId: string;
  editionName: string;
}) {
  const t = useMessages(adminMessages);
  const base = `/admin/editions/${encodeURIComponent(editionId)}`;
  return (
    <nav aria-label={t.evaluationOf(editionName)}>
      <ul className="link-list">
        {PAGES.map(([path, label]) => (
          <li key={path}>
            <Link to={`${base}/${path}`}>{t[label]}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
