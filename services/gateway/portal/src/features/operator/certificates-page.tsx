import { Link } from 'react-router';
import { codeMessages } from '../../api/code-messages';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { DateTime } from '../../ui/date-time';
import { EmptyState } from '../../ui/empty-state';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { VisuallyHidden } from '../../ui/visually-hidden';
import { afterAwardMessages } from './after-award-messages';
import { certificateApi, certificatePdfPath, type InstitutionCertificate } from './certificate-api';
import { OperatorNav } from './operator-nav';
import { DownloadButton, useDownload } from './proposal-parts';

/**
 * The institution's award certificates: the valid ones to download and pass on, the revoked
 * ones with the reason, since a printed copy of one still verifies as revoked.
 */
export default function CertificatesPage() {
  const t = useMessages(afterAwardMessages);
  usePageTitle(t.certificatesTitle);
  const list = useApiQuery('my-certificates', (api, signal) => certificateApi.mine(api, signal));
  const files = useDownload();
  const items = list.data?.certificates ?? [];
  return (
    <section>
      <h1>{t.certificatesTitle}</h1>
      <OperatorNav />
      {list.error ? <ErrorAlert error={list.error} codes={codeMessages(t)} /> : null}
      {files.error ? <ErrorAlert error={files.error} codes={codeMessages(t)} /> : null}
      {list.loading && !list.data ? (
        <Progress label={t.loading} />
      ) : items.length === 0 ? (
        <EmptyState title={t.noCertificates} />
      ) : (
        <Table<InstitutionCertificate>
          caption={t.certificatesCaption}
          rows={items}
          rowKey={(row) => row.certificateId}
          columns={[
            { key: 'title', header: t.colInnovation, rowHeader: true, cell: (row) => row.title },
            { key: 'edition', header: t.colEdition, cell: (row) => row.editionName },
            { key: 'tier', header: t.colTier, cell: (row) => t[`tier_${row.tier}`] },
            {
              key: 'status',
              header: t.colStatus,
              cell: (row) =>
                row.status === 'active' ? (
                  <span className="tag">{t.certificateActive}</span>
                ) : (
                  <span className="tag tag-warning">
                    {t.certificateRevoked(row.revocationReason ?? '')}
                  </span>
                ),
            },
            {
              key: 'code',
              header: t.colCode,
              cell: (row) => (
                <Link to={`/verify/${encodeURIComponent(row.verificationCode)}`}>
                  <code>{row.verificationCode}</code>
                  <VisuallyHidden> ({t.verifyCertificate})</VisuallyHidden>
                </Link>
              ),
            },
            {
              key: 'issued',
              header: t.colIssued,
              cell: (row) => <DateTime value={row.issuedAt} />,
            },
            {
              key: 'pdf',
              header: '',
              cell: (row) =>
                row.status === 'active' ? (
                  <DownloadButton
                    files={files}
                    path={certificatePdfPath(row.certificateId)}
                    filename={`${row.verificationCode}.pdf`}
                    label={t.downloadCertificate(row.title)}
                  />
                ) : null,
            },
          ]}
        />
      )}
    </section>
  );
}
