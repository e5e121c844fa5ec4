import { api, query } from '../../api/client';
import type { Member } from '../../api/types';

export interface MemberSearchPage {
  members: Member[];
  total: number;
}

export const MEMBERS_PER_PAGE = 25;

// GET /members with a search text and a page (limit/offset).
export function searchMembers(q: string, offset: number, signal?: AbortSignal, limit = MEMBERS_PER_PAGE): Promise<MemberSearchPage> {
  return api<MemberSearchPage>(`/members${query({ q: q.trim(), limit, offset: offset || undefined })}`, { signal });
}

// "1–25 of 120" for a page, or null when there is nothing to page.
export function pageRange(offset: number, shown: number, total: number): { from: number; to: number; total: number } | null {
  if (total === 0 || shown === 0) return null;
  return { from: offset + 1, to: offset + shown, total };
}
