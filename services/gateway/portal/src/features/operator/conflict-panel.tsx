import { useState } from 'react';
import { useI18n, useMessages } from '../../i18n';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import {
  contentOf,
  differingFields,
  mergeContent,
  type Choice,
  type DraftContent,
  type FieldKey,
} from './draft-content';
import { operatorMessages } from './messages';
import type { Proposal } from './proposal-api';

function fieldText(content: DraftContent, field: FieldKey): string {
  if (field === 'title') return content.title;
  if (field === 'innovationStartDate') return content.innovationStartDate ?? '';
  if (field === 'sdgTargets') return content.sdgTargets.join(', ');
  if (field === 'sourceInnovationIds') return content.sourceInnovationIds.join(', ');
  return content.sections[field.slice('section:'.length)] ?? '';
}

/**
 * Both versions side by side for every part that differs, and a choice for each; the
 * result is saved on the server's newer revision.
 */
export function ConflictPanel({
  mine,
  theirs,
  onResolve,
}: {
  mine: DraftContent;
  theirs: Proposal;
  onResolve: (draft: DraftContent) => void;
}) {
  const t = useMessages(operatorMessages);
  const { locale } = useI18n();
  const theirContent = contentOf(theirs);
  const fields = differingFields(mine, theirContent);
  const [choices, setChoices] = useState<Partial<Record<FieldKey, Choice>>>({});

  const fieldName = (field: FieldKey): string => {
    if (field === 'title') return t.fieldTitle;
    if (field === 'innovationStartDate') return t.fieldStartDate;
    if (field === 'sdgTargets') return t.sdgHeading;
    if (field === 'sourceInnovationIds') return t.sourceLabel;
    const id = field.slice('section:'.length);
    return theirs.sections.find((s) => s.sectionId === id)?.title[locale] ?? id;
  };
  const setAll = (choice: Choice) =>
    setChoices(Object.fromEntries(fields.map((field) => [field, choice])));

  return (
    <section aria-labelledby="conflict-title" className="panel conflict">
      <Alert tone="warning" title={<span id="conflict-title">{t.conflictTitle}</span>}>
        <p>{t.conflictText}</p>
      </Alert>
      <div className="toolbar">
        <Button variant="secondary" onClick={() => setAll('mine')}>
          {t.conflictAllMine}
        </Button>
        <Button variant="secondary" onClick={() => setAll('theirs')}>
          {t.conflictAllTheirs}
        </Button>
      </div>
      {fields.map((field) => {
        const choice = choices[field] ?? 'mine';
        const name = `conflict-${field}`;
        return (
          <fieldset key={field} className="conflict-field">
            <legend>{fieldName(field)}</legend>
            <div className="conflict-versions">
              <div>
                <h3>{t.conflictMine}</h3>
                <p className="preserve-lines">{fieldText(mine, field) || t.conflictEmpty}</p>
              </div>
              <div>
                <h3>{t.conflictTheirs}</h3>
                <p className="preserve-lines">
                  {fieldText(theirContent, field) || t.conflictEmpty}
                </p>
              </div>
            </div>
            <div className="checkbox">
              <input
                type="radio"
                id={`${name}-mine`}
                name={name}
                checked={choice === 'mine'}
                onChange={() => setChoices((c) => ({ ...c, [field]: 'mine' }))}
              />
              <label htmlFor={`${name}-mine`}>{t.conflictKeepMine}</label>
            </div>
            <div className="checkbox">
              <input
                type="radio"
                id={`${name}-theirs`}
                name={name}
                checked={choice === 'theirs'}
                onChange={() => setChoices((c) => ({ ...c, [field]: 'theirs' }))}
              />
              <label htmlFor={`${name}-theirs`}>{t.conflictTakeTheirs}</label>
            </div>
          </fieldset>
        );
      })}
      <div className="form-actions">
        <Button onClick={() => onResolve(mergeContent(mine, theirContent, choices))}>
          {t.conflictApply}
        </Button>
      </div>
    </section>
  );
}
