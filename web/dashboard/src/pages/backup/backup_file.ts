// What the backup page needs to know about files: the name the host gives
// a download, a readable size, and whether a picked file is SQLite at all
// (the host checks much more; this catches the wrong file at once).
const SQLITE_MAGIC = 'SQLite format 3\u0000';

export function fileNameOf(contentDisposition: string | null, fallback: string): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(contentDisposition ?? '');
  return match ? decodeURIComponent(match[1]) : fallback;
}

export function readableSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export async function looksLikeSqlite(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, SQLITE_MAGIC.length).arrayBuffer());
  return head.length === SQLITE_MAGIC.length && [...head].every((byte, i) => byte === SQLITE_MAGIC.charCodeAt(i));
}
