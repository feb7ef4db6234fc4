import type { Page } from 'playwright-core';

/** Roles a person operates or reads as one thing, which a screen reader must be able to name. */
const NAMED_ROLES = new Set([
  'button',
  'checkbox',
  'combobox',
  'img',
  'link',
  'listbox',
  'menuitem',
  'radio',
  'searchbox',
  'slider',
  'spinbutton',
  'switch',
  'tab',
  'textbox',
]);

interface AXValue {
  readonly value?: unknown;
}

interface AXNode {
  readonly ignored: boolean;
  readonly role?: AXValue;
  readonly name?: AXValue;
  readonly properties?: readonly { readonly name: string; readonly value: AXValue }[];
}

/**
 * The accessibility tree chromium computes for the page (through the DevTools protocol, so
 * no audit library is needed), without the nodes it leaves out of it.
 */
async function accessibilityTree(page: Page): Promise<AXNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    return nodes.filter((node) => !node.ignored);
  } finally {
    await cdp.detach();
  }
}

const text = (value: AXValue | undefined): string =>
  typeof value?.value === 'string' ? value.value : '';
const roleOf = (node: AXNode): string => text(node.role);
const nameOf = (node: AXNode): string => text(node.name).trim();
const propertyOf = (node: AXNode, name: string): unknown =>
  node.properties?.find((property) => property.name === name)?.value.value;

/** The role and accessible name of what has the keyboard focus, as a screen reader says it. */
export async function focusedElement(page: Page): Promise<{ role: string; name: string } | null> {
  const focused = (await accessibilityTree(page)).find(
    (node) => propertyOf(node, 'focused') === true && roleOf(node) !== 'RootWebArea',
  );
  return focused ? { role: roleOf(focused), name: nameOf(focused) } : null;
}

/**
 * The basic checks an accessibility audit starts with: the page declares its language, has a
 * title, exactly one level-1 heading and a main landmark, and every control, link and image
 * has an accessible name. Returns the problems found (none: an empty list).
 */
export async function basicAccessibilityProblems(
  page: Page,
  expectedLang: string,
): Promise<string[]> {
  const problems: string[] = [];
  const lang = await page.locator('html').getAttribute('lang');
  if (lang !== expectedLang) problems.push(`<html lang> is "${lang}", not "${expectedLang}"`);
  if ((await page.title()).trim() === '') problems.push('the page has no title');

  const tree = await accessibilityTree(page);
  const h1 = tree.filter((node) => roleOf(node) === 'heading' && propertyOf(node, 'level') === 1);
  if (h1.length !== 1) {
    const names = h1.map((node) => `"${nameOf(node)}"`).join(', ');
    problems.push(`${h1.length} level-1 headings (${names}), not one`);
  }
  if (!tree.some((node) => roleOf(node) === 'main')) problems.push('no main landmark');
  for (const node of tree) {
    const role = roleOf(node);
    if (NAMED_ROLES.has(role) && nameOf(node) === '') problems.push(`a ${role} without a name`);
  }
  return problems;
}
