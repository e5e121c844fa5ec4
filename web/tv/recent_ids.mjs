// The ids of the last commands applied, so a command the server sends again
// (after a reconnect, say) is acknowledged but not applied twice.
export class RecentIds {
  constructor(limit = 50) {
    this.limit = limit;
    this.ids = [];
  }

  has(id) {
    return this.ids.includes(id);
  }

  // Remembers an id, forgetting the oldest beyond the limit.
  add(id) {
    if (this.has(id)) return;
    this.ids.push(id);
    if (this.ids.length > this.limit) this.ids.shift();
  }
}
