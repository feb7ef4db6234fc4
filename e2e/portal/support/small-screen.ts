// smallScreenProblems() measures inside the page, with the DOM's types (the project's lib is ES only).
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core';

/** A phone held upright: the narrowest screen the portal is made for (its stylesheet: ≥ 360 px). */
export const SMALL_SCREEN = { width: 360, height: 740 } as const;

/** How many overflowing elements a problem names: enough to find the culprit. */
const NAMED_CULPRITS = 3;

interface Layout {
  readonly innerWidth: number;
  readonly scrollWidth: number;
  /** The outermost elements reaching past the right edge, as `tag.class "text"`. */
  readonly culprits: readonly string[];
  /** Links and buttons of every navigation landmark that cannot be seen or reached. */
  readonly unreachable: readonly string[];
}

/**
 * What keeps a page from working on a small screen: the document is wider than the window
 * (the person has to scroll sideways to read it), or a link or button of a navigation
 * landmark is not shown, not inside the window, or covered by something else. Returns the
 * problems (none: an empty list). What sits in a region that scrolls or clips by itself
 * (a wide table's `.table-scroll`) is not named as a culprit: it does not widen the page.
 */
export async function smallScreenProblems(page: Page): Promise<string[]> {
  const layout: Layout = await page.locator('html').evaluate((html, named) => {
    const document = html.ownerDocument;
    const view = document.defaultView;
    if (!view) throw new Error('the page has no window');
    const innerWidth = view.innerWidth;
    const describe = (element: Element): string => {
      const classes = typeof element.className === 'string' ? element.className.trim() : '';
      const text = element.textContent.replace(/\s+/g, ' ').trim().slice(0, 40);
      const name =
        element.tagName.toLowerCase() + (classes ? `.${classes.replace(/\s+/g, '.')}` : '');
      return `${name} "${text}"`;
    };
    const pastEdge = (element: Element) => element.getBoundingClientRect().right > innerWidth + 0.5;
    const insideClippingRegion = (element: Element): boolean => {
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
        if (view.getComputedStyle(up).overflowX !== 'visible') return true;
      }
      return false;
    };

    const scrollWidth = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth > innerWidth) {
      for (const element of document.querySelectorAll('body *')) {
        if (culprits.length >= named) break;
        if (!pastEdge(element) || insideClippingRegion(element)) continue;
        // The outermost one only: its children reach past the edge with it.
        const parent = element.parentElement;
        if (parent && parent !== document.body && pastEdge(parent)) continue;
        culprits.push(describe(element));
      }
    }

    const unreachable: string[] = [];
    for (const control of document.querySelectorAll('nav a, nav button')) {
      const box = control.getBoundingClientRect();
      const shown = box.width > 0 && box.height > 0 && box.left >= 0 && box.right <= innerWidth;
      // What is below the fold is reached by scrolling down, so look at it there.
      control.scrollIntoView({ block: 'center', inline: 'nearest' });
      const moved = control.getBoundingClientRect();
      const hit = document.elementFromPoint(
        moved.left + moved.width / 2,
        moved.top + moved.height / 2,
      );
      const covered = hit === null || !control.contains(hit);
      if (!shown || covered) unreachable.push(`${describe(control)} at x ${Math.round(box.left)}`);
    }
    view.scrollTo(0, 0);
    return { innerWidth, scrollWidth, culprits, unreachable };
  }, NAMED_CULPRITS);

  const problems: string[] = [];
  if (layout.scrollWidth > layout.innerWidth) {
    problems.push(
      `the page is ${layout.scrollWidth} px wide in a ${layout.innerWidth} px window` +
        ` (reaching past the edge: ${layout.culprits.join(', ') || 'nothing named'})`,
    );
  }
  for (const control of layout.unreachable) {
    problems.push(`a navigation control out of reach: ${control}`);
  }
  return problems;
}
