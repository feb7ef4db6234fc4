import { useState, type SyntheticEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DateTime } from '../../ui/date-time';
import { Field } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { publicErrorCodes, publicMessages } from './messages';
import { publicApi } from './public-api';

/** A code as evaluation accepts it: letters, digits and dashes, at most 64. */
export function normaliseCode(input: string): string | null {
  const code = input.trim();
  return /^[A-Za-z0-9-]{1,64}$/.test(code) ? code : null;
}

function Verification({ code }: { code: string }) {
  const t = useMessages(publicMessages);
  const codes = useMessages(publicErrorCodes);
  const result = useApiQuery(`verify-${code}`, (api, signal) =>
    publicApi.verifyCertificate(api, code, signal),
  );
  if (result.loading) return <Progress label={t.loading} />;
  if (result.error instanceof ApiError && result.error.code === 'CERTIFICATE_NOT_FOUND') {
    return (
      <Alert tone="warning" title={t.verifyUnknown}>
        <p>{t.verifyUnknownBody}</p>
        <p className="alert-meta">{code}</p>
      </Alert>
    );
  }
  if (result.error) return <ErrorAlert error={result.error} codes={codes} />;
  const data = result.data;
  if (!data) return null;
  if (!data.valid) {
    return (
      <Alert tone="error" title={t.verifyRevoked}>
        <dl className="summary">
          <dt>{t.verifyCode}</dt>
          <dd>{code}</dd>
          <dt>{t.verifyRevokedAt}</dt>
          <dd>
            <DateTime value={data.revoked.at} />
          </dd>
          <dt>{t.verifyReason}</dt>
          <dd>{data.revoked.reason}</dd>
        </dl>
      </Alert>
    );
  }
  const c = data.certificate;
  return (
    <Alert tone="success" title={t.verifyValid}>
      <dl className="summary">
        <dt>{t.verifyCode}</dt>
        <dd>{code}</dd>
        <dt>{t.certTier}</dt>
        <dd>{t.tier(c.tier)}</dd>
        <dt>{t.certTitle}</dt>
        <dd>{c.title}</dd>
        <dt>{t.certInstitution}</dt>
        <dd>{c.institution}</dd>
        <dt>{t.certEdition}</dt>
        <dd>{c.edition}</dd>
        <dt>{t.certYear}</dt>
        <dd>{c.year}</dd>
        <dt>{t.certIssued}</dt>
        <dd>
          <DateTime value={c.issuedAt} dateOnly />
        </dd>
      </dl>
    </Alert>
  );
}

export default function VerifyPage() {
  const t = useMessages(publicMessages);
  usePageTitle(t.verifyTitle);
  const { code: codeParam } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(codeParam ?? '');
  const [invalid, setInvalid] = useState(false);
  const code = codeParam === undefined ? null : normaliseCode(codeParam);
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = normaliseCode(input);
    setInvalid(next === null);
    if (next !== null) void navigate(`/verify/${encodeURIComponent(next)}`);
  };
  return (
    <section className="page narrow">
      <h1>{t.verifyTitle}</h1>
      <p className="lead">{t.verifyLead}</p>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label={t.verifyCode}
          hint={t.verifyCodeHint}
          error={invalid ? t.verifyCodeInvalid : undefined}
          value={input}
          autoComplete="off"
          spellCheck={false}
          maxLength={80}
          required
          onChange={(e) => setInput(e.target.value)}
        />
        <div className="form-actions">
          <Button type="submit">{t.verifyButton}</Button>
        </div>
      </form>
      {codeParam !== undefined && code === null ? (
        <Alert tone="warning" title={t.verifyUnknown}>
          <p>{t.verifyCodeInvalid}</p>
        </Alert>
      ) : null}
      {code !== null ? <Verification key={code} code={code} /> : null}
    </section>
  );
}
