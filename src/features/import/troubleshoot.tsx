/**
 * "Where does the failing application run?": an address (in a subnet, an on-premises range or on the internet)
 * becomes a client of the plan, placed in the network it belongs to, and its check below names the failing hop and
 * the fix. For an imported deployment, that is the answer to "why can't my app connect?".
 */
import { useId, useState, type FormEvent } from 'react';
import { clientFromAddress } from '../../import/client-from-address';
import { usePlanner } from '../../store/store';
import './import.css';

export function Troubleshoot({ onAdd }: { onAdd: (client: ReturnType<typeof clientFromAddress>) => void }) {
  const imported = usePlanner((s) => s.importReport !== null);
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState(false);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const plan = usePlanner.getState().plan;
    const taken = new Set(plan.clients.map((c) => c.name.toLowerCase()));
    let name = `app at ${address.trim()}`;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `app at ${address.trim()} (${n})`;
    const found = clientFromAddress(plan, address, name);
    onAdd(found);
    setError(!found.ok);
    setMessage(
      found.ok ? `${address.trim()} is in ${found.where}: added as client "${name}", checked below.` : found.message,
    );
  };
  return (
    <form className="card troubleshoot" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Where does the failing application run?</h3>
      <p className="field__hint">
        {imported
          ? 'For the deployment you imported: give the address of the application that cannot connect.'
          : 'Give the address of an application that cannot connect.'}{' '}
        It is placed in the subnet, VNet, on-premises site or internet it belongs to, and its check names the hop that
        fails and the fix.
      </p>
      <div className="troubleshoot__row">
        <div className="field">
          <label htmlFor={`${id}-address`}>Application address</label>
          <input
            id={`${id}-address`}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            placeholder="10.30.1.10"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error}
            aria-describedby={`${id}-result`}
          />
        </div>
        <button type="submit" className="button">
          Check this address
        </button>
      </div>
      <p id={`${id}-result`} role="status" className={error ? 'field__error' : undefined}>
        {message}
      </p>
    </form>
  );
}
