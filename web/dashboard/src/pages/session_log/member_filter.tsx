import { useState } from 'preact/hooks';
import { X } from 'lucide-preact';
import type { Member } from '../../api/types';
import { useResource } from '../../live/hooks';
import { Button } from '../../ui/button';
import { Field, TextInput } from '../../ui/field';
import { searchMembers } from '../members/member_search';
import { useDebounced } from '../members/use_debounced';
import { t } from './messages';

const SUGGESTIONS = 6;

// A compact member filter for a toolbar: type a name or phone, pick one of
// a few matches; the picked member shows as a chip that clears the filter.
export function MemberFilter({ memberId, memberName, onPick }: {
  memberId: number | null;
  memberName: string;
  onPick: (member: Member | null) => void;
}) {
  const [text, setText] = useState('');
  const settled = useDebounced(text.trim());
  const matches = useResource(
    (signal) => (settled ? searchMembers(settled, 0, signal, SUGGESTIONS) : Promise.resolve(null)),
    [settled],
  );

  if (memberId !== null) {
    return (
      <Field label={t('member')}>
        {(id) => (
          <div class="log-chip" id={id}>
            <span class="grow">{memberName}</span>
            <Button small variant="ghost" label={t('clear_member')} icon={<X />} onClick={() => onPick(null)} />
          </div>
        )}
      </Field>
    );
  }
  const found = settled && text.trim() ? matches.data?.members ?? [] : [];
  return (
    <div class="log-member">
      <Field label={t('member_search')}>
        {(id) => (
          <TextInput id={id} type="search" value={text} onValue={setText} placeholder={t('member_placeholder')} autoComplete="off" />
        )}
      </Field>
      {settled && text.trim() && matches.data && (
        <div class="log-member__matches" role="listbox" aria-label={t('member_search')}>
          {found.length === 0 ? <span class="muted">{t('no_member_found')}</span> : found.map((member) => (
            <button key={member.id} type="button" role="option" aria-selected="false" class="log-member__option"
              onClick={() => { setText(''); onPick(member); }}>
              <span class="grow">{member.name}</span>
              <span class="faint mono">{member.phone}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
