/**
 * Building the page's elements. Data is always inserted as text (`textContent`, text nodes), never as markup:
 * ESLint forbids innerHTML and its relatives in these files, and the page's policy forbids inline script.
 */

/**
 * The element with this id (the page's HTML and the views create every id they look up).
 * @param {string} id
 * @returns {HTMLElement}
 */
export const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * @typedef {Record<string, string | number | boolean | null | undefined>} Attributes
 * `text` becomes the element's text, `className` its class; any other name an attribute (`true` as an empty one;
 * `false`, null and undefined leave it out).
 */

/** @typedef {Node | string | null | undefined | false} Child */

/**
 * Builds an element; children are nodes or strings (always text, never markup).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes | null} [attrs]
 * @param {Child[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs, children) {
  const node = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach((name) => {
      const value = attrs[name];
      if (value === undefined || value === null || value === false) return;
      if (name === 'text') node.textContent = String(value);
      else if (name === 'className') node.className = String(value);
      else node.setAttribute(name, value === true ? '' : String(value));
    });
  }
  (children || []).forEach((child) => {
    if (child === null || child === undefined || child === false) return;
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  });
  return node;
}

/** @param {Node} node */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Whether the next view shown was asked for by the reader (a link, back or forward), not by the page's start. */
let navigating = false;

/** The reader moved to another view: the view shown next takes the focus to its heading. */
export function navigated() {
  navigating = true;
}

/**
 * Moves the focus to a view's heading after the reader navigated (WCAG 2.2, 2.4.3 focus order): a screen reader
 * announces the new view, and the next Tab starts from it rather than from the link that was followed.
 * @param {HTMLElement | null} heading
 */
export function focusHeading(heading) {
  if (!navigating || !heading) return;
  navigating = false;
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}

/**
 * A box that scrolls sideways on a narrow screen (a wide table) takes the focus, so that a keyboard reader can
 * scroll it with the arrow keys (WCAG 2.2, 2.1.1), and is a region with a name of its own.
 * @param {Element | null} box
 * @param {string} label
 */
export function scrollableByKeyboard(box, label) {
  if (!box) return;
  box.setAttribute('tabindex', '0');
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', label);
}

/**
 * A table's head: one row of column headings.
 * @param {string[]} headings
 */
export const tableHead = (headings) =>
  el('thead', null, [
    el(
      'tr',
      null,
      headings.map((h) => el('th', { scope: 'col', text: h })),
    ),
  ]);
