import { useState } from 'react';
import { codeMessages } from '../../../api/code-messages';
import { useApiQuery } from '../../../api/use-api-query';
import { usePageTitle } from '../../../app/page-title';
import { useMessages } from '../../../i18n';
import { ErrorAlert } from '../../../ui/alert';
import { Select } from '../../../ui/field';
import { editionApi } from '../editions/edition-api';
import { editionMessages } from '../editions/messages';
import { DownloadButton } from '../shared/download-button';
import { EditionExports } from './edition-exports';
import { exportMessages } from './messages';

const OPEN_DATA = '/api/replication/public/open-data/innovations';

/** Every export in one place: an edition's results, and the open data of the innovation database. */
export default function ExportsPage() {
  const t = useMessages(exportMessages);
  const editionTexts = useMessages(editionMessages);
  usePageTitle(t.title);
  const editions = useApiQuery('editions', (api, signal) => editionApi.list(api, signal));
  const published = (editions.data?.editions ?? []).filter((e) => e.status === 'published');
  const [editionId, setEditionId] = useState('');
  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <section aria-labelledby="exports-edition">
        <h2 id="exports-edition">{t.editionTitle}</h2>
        <p>{t.editionHint}</p>
        {editions.error ? (
          <ErrorAlert error={editions.error} codes={codeMessages(editionTexts)} />
        ) : null}
        <Select
          label={t.edition}
          value={editionId}
          placeholder={t.chooseEdition}
          options={published.map((e) => ({ value: e.editionId, label: e.configuration.name }))}
          onChange={(e) => setEditionId(e.target.value)}
        />
        {editionId ? <EditionExports key={editionId} editionId={editionId} /> : null}
      </section>
      <section aria-labelledby="exports-open-data">
        <h2 id="exports-open-data">{t.openDataTitle}</h2>
        <p>{t.openDataHint}</p>
        <ul className="link-list">
          <li>
            <DownloadButton
              path={`${OPEN_DATA}.csv`}
              filename="innovations.csv"
              label={t.openDataCsv}
            />
          </li>
          <li>
            <DownloadButton
              path={`${OPEN_DATA}.json`}
              filename="innovations.json"
              label={t.openDataJson}
            />
          </li>
        </ul>
      </section>
    </section>
  );
}
