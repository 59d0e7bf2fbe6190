// Beside the table the drawer is sticky, but it starts where the table does: at 1280x800, below the
// verdict bar, the breakdown and the toolbar, with its verdict under the fold. Opening a row (or
// J / K) first scrolls the page so the drawer's top is in view; once the page is scrolled that far
// the drawer sticks there and nothing moves.
export function bringDrawerIntoView(drawer: HTMLElement | null): void {
  // Optional: jsdom, where the component tests run, has no scrollIntoView.
  if (drawer && drawer.getBoundingClientRect().top > 0) drawer.scrollIntoView?.({ block: 'start' });
}
