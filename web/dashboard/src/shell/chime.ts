// A short chime for a notification, made with Web Audio (no sound file to
// ship): one tone for information, two rising for a warning, three for
// something critical. It can be muted per browser.
const MUTE_KEY = 'billing.chime_muted';

export function chimeMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export function setChimeMuted(muted: boolean): void {
  try {
    localStorage.setItem(MUTE_KEY, muted ? '1' : '0');
  } catch {
    // Storage refused: the choice lasts for this page.
  }
}

let context: AudioContext | null = null;

export function playChime(severity: string): void {
  if (chimeMuted() || typeof AudioContext === 'undefined') return;
  try {
    context ??= new AudioContext();
    const notes = severity === 'critical' ? [880, 1175, 1568] : severity === 'warning' ? [660, 880] : [880];
    const start = context.currentTime;
    notes.forEach((frequency, index) => {
      const oscillator = context!.createOscillator();
      const gain = context!.createGain();
      const at = start + index * 0.16;
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
      oscillator.connect(gain).connect(context!.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.32);
    });
  } catch {
    // No audio device, or the browser refuses sound before a click: stay silent.
  }
}
