/** The `<option>`s of a TLS version select, in PostgreSQL's spelling with a readable name. */
import { TlsVersionSchema } from '../../domain/plan';

const TLS_LABEL: Readonly<Record<string, string>> = {
  TLSv1: 'TLS 1.0 (TLSv1)',
  'TLSv1.1': 'TLS 1.1 (TLSv1.1)',
  'TLSv1.2': 'TLS 1.2 (TLSv1.2)',
  'TLSv1.3': 'TLS 1.3 (TLSv1.3)',
};

export function TlsVersionOptions() {
  return (
    <>
      {TlsVersionSchema.options.map((v) => (
        <option key={v} value={v}>
          {TLS_LABEL[v]}
        </option>
      ))}
    </>
  );
}
