// After a client-side navigation (or a step change), a screen-reader user would otherwise be
// left on a link that no longer exists: focus moves to the new page's heading instead. On
// the first load the browser's own focus handling is kept.
let navigated = false;

export function markNavigated(): void {
  navigated = true;
}

export function hasNavigated(): boolean {
  return navigated;
}
