/** The "add a client" buttons: the kinds suited to the access mode first, the others after them. */
import type { ClientKind } from '../../../domain/plan';
import { CLIENT_KIND_LABEL, KIND_GROUPS } from './new-client';

const OTHER_NOTE = {
  private:
    'A private-access server has no public endpoint, so these usually cannot ' +
    'reach it; the connectivity check says why and what would fix it.',
  public:
    'With public access they connect through their public outbound address, or through a private endpoint ' +
    'their DNS resolves to; the connectivity check says which, and whether they get in.',
} as const;

interface AddClientProps {
  mode: 'private' | 'public';
  onAdd: (kind: ClientKind) => void;
  firstButton?: React.Ref<HTMLButtonElement>;
}

export function AddClient({ mode, onAdd, firstButton }: AddClientProps) {
  const groups = KIND_GROUPS[mode];
  return (
    <section className="card add-client" aria-labelledby="add-client-heading">
      <h3 id="add-client-heading" className="add-client__heading">
        Add a client
      </h3>
      <p className="add-client__group">Usual with {mode === 'private' ? 'private access' : 'public access'}:</p>
      <div className="button-row">
        {groups.suited.map((kind, i) => (
          <button
            key={kind}
            type="button"
            className="button"
            onClick={() => onAdd(kind)}
            ref={i === 0 ? firstButton : undefined}
          >
            Add: {CLIENT_KIND_LABEL[kind]}
          </button>
        ))}
      </div>
      <p className="add-client__group">Other kinds. {OTHER_NOTE[mode]}</p>
      <div className="button-row">
        {groups.other.map((kind) => (
          <button key={kind} type="button" className="button button--quiet" onClick={() => onAdd(kind)}>
            Add: {CLIENT_KIND_LABEL[kind]}
          </button>
        ))}
      </div>
    </section>
  );
}
