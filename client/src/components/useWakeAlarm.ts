// An alarm that wakes: while a call nobody took is open, the console beeps (Web Audio, every 4 s),
// vibrates where the phone can, shows a Web Notification per new alarm (when allowed) and puts the
// count in the tab title. Recording the call-back on any console closes the alarm on the server,
// whose `alarm:changed` reaches every console, and all of this stops there.
import { useEffect, useRef } from 'react';

const BEEP_EVERY_MS = 4000;
let audio: AudioContext | null = null;

/** One short two-tone beep; the AudioContext is made on the first user gesture the browser allows. */
export function beep(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
    for (const [i, freq] of [880, 660].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      gain.gain.value = 0.3;
      osc.frequency.value = freq;
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + i * 0.25);
      osc.stop(audio.currentTime + i * 0.25 + 0.2);
    }
  } catch {
    /* no audio on this device: the banner, the title and the notification remain */
  }
}

export function notify(title: string, body: string, tag: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    new Notification(title, { body, tag, requireInteraction: true });
  } catch {
    /* Android Chrome needs the service worker; the sound still runs */
  }
}

export function useWakeAlarm(alarms: { id: string; text: string }[], title: string): void {
  const open = alarms.length;
  const notified = useRef(new Set<string>());
  useEffect(() => {
    for (const a of alarms) {
      if (notified.current.has(a.id)) continue;
      notified.current.add(a.id);
      notify(title, a.text, a.id);
    }
  }, [alarms, title]);
  useEffect(() => {
    document.documentElement.dataset.alarm = open ? String(open) : '';
    if (!open) return;
    const base = document.title.replace(/^\(\d+\) ⚠ /, '');
    document.title = `(${open}) ⚠ ${base}`;
    const ring = () => {
      beep();
      navigator.vibrate?.([400, 200, 400]);
    };
    ring();
    const timer = setInterval(ring, BEEP_EVERY_MS);
    return () => {
      clearInterval(timer);
      navigator.vibrate?.(0);
      document.title = document.title.replace(/^\(\d+\) ⚠ /, '');
      document.documentElement.dataset.alarm = '';
    };
  }, [open]);
}
