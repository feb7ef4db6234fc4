import { useApiQuery } from '../../api/use-api-query';
import { useI18n, useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { publicErrorCodes, publicMessages } from './messages';
import { openDataHref, publicApi } from './public-api';

/** The open-data downloads (CSV, JSON) with their licence, from replication's description. */
export function OpenDataLinks() {
  const t = useMessages(publicMessages);
  const codes = useMessages(publicErrorCodes);
  const { locale } = useI18n();
  const catalogue = useApiQuery('open-data', (api, signal) => publicApi.openData(api, signal));
  const dataset = catalogue.data?.datasets.find((d) => d.id === 'innovations');
  const label = (format: string) =>
    format === 'csv' ? t.downloadCsv : format === 'json' ? t.downloadJson : format;
  return (
    <section aria-labelledby="open-data" className="panel">
      <h2 id="open-data">{t.openData}</h2>
      <p>{dataset ? dataset.description[locale] : t.openDataLead}</p>
      {catalogue.error ? <ErrorAlert error={catalogue.error} codes={codes} /> : null}
      <ul className="link-list">
        {(
          dataset?.formats ?? [
            { format: 'csv', href: '/public/open-data/innovations.csv', mediaType: 'text/csv' },
            {
              format: 'json',
              href: '/public/open-data/innovations.json',
              mediaType: 'application/json',
            },
          ]
        ).map((f) => (
          <li key={f.format}>
            <a href={openDataHref(f.href)} download type={f.mediaType}>
              {label(f.format)}
            </a>
          </li>
        ))}
      </ul>
      {catalogue.data ? <p>{t.licence(catalogue.data.licence)}</p> : null}
    </section>
  );
}
