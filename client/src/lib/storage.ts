// localStorage that never throws (private mode, storage disabled, quota): preferences are nice-to-have.
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // ignore: the choice then lasts until the page reloads
  }
}
