import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Member } from '../../api/types';
import { can } from '../../auth/auth';
import { useLiveEvent } from '../../live/hooks';

// Log entries carry a member's id only. Names are read once per member
// (GET /members/{id}, members.view) and kept, following renames on the
// live stream; a user without members.view sees "#7".
const known = new Map<number, string>();

export function useMemberNames(ids: (number | null)[]): (id: number) => string {
  const [, setVersion] = useState(0);
  useLiveEvent('member.updated', (event) => {
    const member = (event.payload as { member?: Member }).member;
    if (!member || !known.has(member.id)) return;
    known.set(member.id, member.name);
    setVersion((version) => version + 1);
  });
  const missing = [...new Set(ids.filter((id): id is number => id !== null && !known.has(id)))];
  const key = missing.join(',');
  useEffect(() => {
    if (missing.length === 0 || !can('members.view')) return;
    let live = true;
    void Promise.all(missing.map((id) =>
      api<Member>(`/members/${id}`).then((member) => known.set(id, member.name), () => known.set(id, `#${id}`)),
    )).then(() => live && setVersion((version) => version + 1));
    return () => {
      live = false;
    };
  }, [key]);
  return (id) => known.get(id) ?? `#${id}`;
}

// Remembers a name the page already knows (the member picked as a filter).
export function rememberMemberName(id: number, name: string): void {
  known.set(id, name);
}
