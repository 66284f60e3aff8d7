import { TlsVersionSchema } from '../../../domain/plan';
import { Field } from '../Field';
import { StepFrame } from '../StepFrame';
import { usePlanForm } from '../usePlanForm';

const TLS_LABEL: Record<string, string> = {
  TLSv1: 'TLS 1.0 (TLSv1)',
  'TLSv1.1': 'TLS 1.1 (TLSv1.1)',
  'TLSv1.2': 'TLS 1.2 (TLSv1.2)',
  'TLSv1.3': 'TLS 1.3 (TLSv1.3)',
};

export default function SecurityStep() {
  const form = usePlanForm();
  const errors = form.formState.errors.tls;
  return (
    <StepFrame
      intro={
        <p>
          The server enforces TLS for every connection by default. TLS 1.0 and 1.1 are denied (RFC 8996); TLS 1.2 and 1.3
          are supported.
        </p>
      }
    >
      <Field path="tls.requireSecureTransport" label="Require TLS (require_secure_transport)" formError={errors?.requireSecureTransport} className="field--checkbox">
        {(p) => <input type="checkbox" {...p} {...form.register('tls.requireSecureTransport')} />}
      </Field>
      <div className="grid">
        <Field path="tls.minVersion" label="Minimum TLS version (ssl_min_protocol_version)" formError={errors?.minVersion}>
          {(p) => (
            <select {...p} {...form.register('tls.minVersion')}>
              {TlsVersionSchema.options.map((v) => (
                <option key={v} value={v}>
                  {TLS_LABEL[v]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path="tls.maxVersion" label="Maximum TLS version (ssl_max_protocol_version)" formError={errors?.maxVersion}>
          {(p) => (
            <select {...p} {...form.register('tls.maxVersion', { setValueAs: (v: unknown) => (v === '' || v === null ? null : v) })}>
              <option value="">Not set (newest supported)</option>
              {TlsVersionSchema.options.map((v) => (
                <option key={v} value={v}>
                  {TLS_LABEL[v]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </StepFrame>
  );
}
