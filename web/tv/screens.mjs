// Puts a view (see view.mjs) on the page. Runs four times a second, so it only
// touches what changed.
const TEXT_FIELDS = ['shopName', 'stationCode', 'clockText', 'dateText', 'pairingCode',
  'countdownText', 'memberName', 'packageName', 'pausedText'];

export class Screens {
  constructor(root) {
    this.root = root;
    this.shown = {};
  }

  render(view) {
    this.set('mode', view.mode, () => { this.root.dataset.mode = view.mode; });
    for (const field of TEXT_FIELDS) this.set(field, view[field], () => this.showText(field, view[field]));
    this.set('clockLabel', view.countsUp, () => this.showText('clockLabel', view.countsUp ? 'Waktu bermain' : 'Sisa waktu'));
    this.set('longCountdown', view.countdownText.length > 5,
      () => this.root.classList.toggle('long-countdown', view.countdownText.length > 5));
    for (const field of ['pairingQrSvg', 'loginQrSvg']) {
      this.set(field, view[field], () => this.showQr(field, view[field]));
    }
    this.set('endingSoon', view.endingSoon, () => this.root.classList.toggle('ending-soon', view.endingSoon));
    this.set('linkDown', view.linkDown, () => { this.root.querySelector('.link-down').hidden = !view.linkDown; });
    this.set('notice', view.notice, () => this.showNotice(view.notice));
  }

  // Runs `apply` when the value differs from the one last put on the page.
  set(key, value, apply) {
    if (key in this.shown && this.shown[key] === value) return;
    this.shown[key] = value;
    apply();
  }

  showText(field, text) {
    for (const element of this.root.querySelectorAll(`[data-field="${field}"]`)) element.textContent = text;
  }

  // The SVG goes in as an image, so nothing in it can run or style the page.
  showQr(field, svg) {
    const card = this.root.querySelector(`[data-qr="${field}"]`);
    const image = card.querySelector('img');
    card.closest('.screen').classList.toggle('has-qr', Boolean(svg));
    if (svg) image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    else image.removeAttribute('src');
  }

  showNotice(notice) {
    const banner = this.root.querySelector('.notice');
    banner.hidden = !notice;
    if (!notice) return;
    banner.textContent = notice.text;
    banner.dataset.level = notice.level ?? 'info';
  }
}
