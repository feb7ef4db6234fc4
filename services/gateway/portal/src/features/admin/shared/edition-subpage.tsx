import { Link, useParams } from 'react-router';
import type { ApiQuery } from '../../../api/use-api-query';
import { usePageTitle } from '../../../app/page-title';
import { useMessages } from '../../../i18n';
import type { Edition } from '../editions/edition-api';
import { adminMessages } from './messages';
import { useEdition } from './use-edition';

/** A page about one edition (`/admin/editions/:editionId/…`): its id, the edition, the title. */
export function useEditionSubpage(titleOf: (editionName: string) => string): {
  editionId: string;
  edition: ApiQuery<Edition>;
  title: string;
} {
  const { editionId = '' } = useParams();
  const edition = useEdition(editionId);
  const title = titleOf(edition.data?.configuration.name ?? editionId);
  usePageTitle(title);
  return { editionId, edition, title };
}

/** The page's heading and the way back to the edition. */
export function EditionSubpageHeader({ editionId, title }: { editionId: string; title: string }) {
  const common = useMessages(adminMessages);
  return (
    <>
      <h1>{title}</h1>
      <p>
        <Link to={`/admin/editions/${encodeURIComponent(editionId)}`}>{common.backToEdition}</Link>
      </p>
    </>
  );
}
