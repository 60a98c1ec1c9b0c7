// Whether an element is on screen, from one IntersectionObserver for the page: charts and
// tables skip drawing while out of view and catch up when they come into it.

const watched = new Map(); // element → { shown, onShown }
let observer = null;

/**
 * Watches `element`; returns a function telling whether it is on screen (true until the
 * observer first reports). `onShown()` is called each time it comes into view.
 */
export function onScreen(element, onShown) {
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const state = watched.get(entry.target);
      const was = state.shown;
      state.shown = entry.isIntersecting;
      if (state.shown && !was) state.onShown();
    }
  });
  const state = { shown: true, onShown };
  watched.set(element, state);
  observer.observe(element);
  return () => state.shown;
}
