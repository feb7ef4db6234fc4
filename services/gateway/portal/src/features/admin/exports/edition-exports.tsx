import { codeMessages } from '../../../api/code-messages';
import { useMessages } from '../../../i18n';
import { exportPath } from '../evaluation/evaluation-api';
import { evaluationMessages } from '../evaluation/messages';
import { DownloadButton } from '../shared/download-button';

/** The evaluation service's exports of an edition, each a download with progress. */
export function EditionExports({ editionId }: { editionId: string }) {
  const t = useMessages(evaluationMessages);
  // Path under the edition's exports, label, and the name to save it under.
  const files: [string, string, string][] = [
    ['decree-annex.csv', t.exportDecreeCsv, 'decree-annex.csv'],
    ['decree-annex.pdf', t.exportDecreePdf, 'decree-annex.pdf'],
    ['did.csv', t.exportDid, 'did.csv'],
    ['unpsa-candidates.csv', t.exportUnpsaCsv, 'unpsa-candidates.csv'],
    ['unpsa-candidates', t.exportUnpsaJson, 'unpsa-candidates.json'],
  ];
  return (
    <ul className="link-list">
      {files.map(([file, label, saveAs]) => (
        <li key={file}>
          <DownloadButton
            path={exportPath(editionId, file)}
            filename={`${editionId}-${saveAs}`}
            label={label}
            codes={codeMessages(t)}
          />
        </li>
      ))}
    </ul>
  );
}
