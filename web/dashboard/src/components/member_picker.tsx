import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api/client';
import type { Member } from '../api/types';
import { defineMessages } from '../i18n/i18n';
import { errorMessage } from '../i18n/common';
import { Button } from '../ui/button';
import { Field, TextInput } from '../ui/field';
import './member_picker.css';

const t = defineMessages({
  id: {
    search: 'Cari member (nama atau no. HP)',
    searching: 'Mencari…',
    none_found: 'Tidak ada member yang cocok.',
    change: 'Ganti member',
    no_balance: 'Belum punya saldo paket.',
    balances: 'Saldo paket',
  },
  en: {
    search: 'Search members (name or phone)',
    searching: 'Searching…',
    none_found: 'No member matches.',
    change: 'Change member',
    no_balance: 'Holds no package balance.',
    balances: 'Package balances',
  },
});

const SEARCH_DELAY_MS = 250;
const RESULT_LIMIT = 8;

// A picked member always comes with the balances they hold.
export type PickedMember = Member & { balances: NonNullable<Member['balances']> };

interface MemberPickerProps {
  selected: PickedMember | null;
  onSelect: (member: PickedMember | null) => void;
}

// Searches members as the operator types (GET /members?q=) and, once one is
// picked, shows the package units they hold (GET /members/{id}).
export function MemberPicker({ selected, onSelect }: MemberPickerProps) {
  const [text, setText] = useState('');
  const [results, setResults] = useState<Member[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (selected) return;
    const controller = new AbortController();
    // Wait for a pause in typing, so a name costs one request, not one per key.
    const timer = setTimeout(() => {
      setBusy(true);
      api<{ members: Member[] }>(`/members${query({ q: text.trim(), limit: RESULT_LIMIT })}`, { signal: controller.signal })
        .then((reply) => {
          setResults(reply.members);
          setError(null);
        })
        .catch((failure) => {
          if (!controller.signal.aborted) setError(errorMessage(failure));
        })
        .finally(() => {
          if (!controller.signal.aborted) setBusy(false);
        });
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, selected]);

  async function pick(member: Member) {
    setError(null);
    try {
      const full = await api<Member>(`/members/${member.id}`);
      onSelect({ ...full, balances: full.balances ?? [] });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  if (selected) {
    const held = selected.balances.filter((balance) => balance.units > 0);
    return (
      <div class="member-picker__selected" data-testid="picked-member">
        <div class="row row--between">
          <div class="grow">
            <strong>{selected.name}</strong>
            <div class="faint mono">{selected.phone}</div>
          </div>
          <Button small variant="ghost" onClick={() => onSelect(null)}>{t('change')}</Button>
        </div>
        <div class="row" aria-label={t('balances')}>
          {held.length === 0 ? <span class="muted">{t('no_balance')}</span> : held.map((balance) => (
            <span key={balance.package_id} class="badge badge--info">{balance.package} × {balance.units}</span>
          ))}
        </div>
      </div>
    );
  }

  return (
    <div class="member-picker">
      <Field label={t('search')}>
        {(id) => <TextInput id={id} type="search" value={text} onValue={setText} autoComplete="off" />}
      </Field>
      {error && <div class="form-error" role="alert">{error}</div>}
      <div class="member-picker__results" role="listbox" aria-label={t('search')} aria-busy={busy}>
        {results === null ? <span class="muted">{t('searching')}</span>
          : results.length === 0 ? <span class="muted">{t('none_found')}</span>
          : results.map((member) => (
            <button key={member.id} type="button" role="option" aria-selected="false" class="member-picker__option" onClick={() => void pick(member)}>
              <span class="grow">{member.name}</span>
              <span class="faint mono">{member.phone}</span>
            </button>
          ))}
      </div>
    </div>
  );
}
