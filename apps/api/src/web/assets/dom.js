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
