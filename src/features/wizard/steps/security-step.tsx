import { Field } from '../field';
import { TlsVersionOptions } from '../tls-version-options';
import { StepFrame } from '../step-frame';
import { usePlanForm } from '../use-plan-form';

export default function SecurityStep() {
  const form = usePlanForm();
  const errors = form.formState.errors.tls;
  return (
    <StepFrame
      intro={
        <p>
          The server enforces TLS for every connection by default. TLS 1.0 and 1.1 are denied (RFC 8996); TLS 1.2 and
          1.3 are supported.
        </p>
      }
    >
      <Field
        path="tls.requireSecureTransport"
        label="Require TLS (require_secure_transport)"
        formError={errors?.requireSecureTransport}
        className="field--checkbox"
      >
        {(p) => <input type="checkbox" {...p} {...form.register('tls.requireSecureTransport')} />}
      </Field>
      <div className="grid">
        <Field
          path="tls.minVersion"
          label="Minimum TLS version (ssl_min_protocol_version)"
          formError={errors?.minVersion}
        >
          {(p) => (
            <select {...p} {...form.register('tls.minVersion')}>
              <TlsVersionOptions />
            </select>
          )}
        </Field>
        <Field
          path="tls.maxVersion"
          label="Maximum TLS version (ssl_max_protocol_version)"
          formError={errors?.maxVersion}
        >
          {(p) => (
            <select
              {...p}
              {...form.register('tls.maxVersion', { setValueAs: (v: unknown) => (v === '' || v === null ? null : v) })}
            >
              <option value="">Not set (newest supported)</option>
              <TlsVersionOptions />
            </select>
          )}
        </Field>
      </div>
    </StepFrame>
  );
}
