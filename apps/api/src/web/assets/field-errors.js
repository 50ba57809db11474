/**
 * A form's refusal where the reader looks for it, in the page's language: each broken rule of a 400 under the
 * field it names, in the page's own words (`i18n-problems.js`; the API's English message for a rule it has no
 * words for); a refusal of the domain in the page's words for its code, under the field it is about or above the
 * button, as anything else (a missing right); the focus on the first field in error, else on the message.
 */
import { Problem } from './command.js';
import { formatDate } from './format.js';
import { REFUSAL_FIELDS } from './i18n-problems.js';
import { t } from './state.js';

/**
 * A form's field as the form keeps it.
 * @typedef {object} FormField
 * @property {HTMLElement} input
 * @property {HTMLElement} error
 * @property {() => string} value what the form sends ('' for nothing)
 * @property {string} [type] the field's kind (`member`, `members`, `select`, ...)
 */
/** @typedef {Map<string, FormField>} FormFields */

/**
 * A message that names no rule (an answer without `fields`, a 400 of the command's headers) starts with the
 * property's path: `title must be...`, `each value in attendees...`, `occurredAt ... lies in the future`.
 */
const FIELD_OF_MESSAGE = /^(?:each value in )?([A-Za-z]+)/;

/** What a reader who left the field empty is asked to do. @param {string | undefined} type */
function requiredText(type) {
  const p = t().problems;
  if (type === 'member') return p.chooseMember;
  if (type === 'members') return p.chooseMembers;
  return type === 'select' ? p.chooseOne : p.required;
}

/**
 * The page's words for a broken rule: "fill this in" when the reader left the field empty (whichever rules an
 * empty value breaks), the rule's own text, else the API's message.
 * @param {{ field: string, constraint: string, message: string }} rule
 * @param {FormField} field
 */
function ruleText(rule, field) {
  if (!field.value()) return requiredText(field.type);
  const text = t().problems.rules[rule.constraint];
  // The number the message names after the field's path (a length, a limit, a year), for the page's text.
  const number = /\d+/.exec(rule.message.slice(rule.field.length));
  return text ? text(number ? number[0] : '') : rule.message;
}

/** @param {FormField} field */
const clearField = ({ input, error }) => {
  input.removeAttribute('aria-invalid');
  error.hidden = true;
  error.textContent = '';
};

/** @param {FormFields} fields @param {HTMLElement} message */
export function clearErrors(fields, message) {
  fields.forEach(clearField);
  message.hidden = true;
}

/**
 * A field the reader changed no longer says what was wrong with its earlier value.
 * @param {FormFields} fields
 * @param {EventTarget | null} changed the control that changed
 */
export function clearChanged(fields, changed) {
  fields.forEach((field) => {
    if (field.input === changed) clearField(field);
  });
}

/**
 * Shows each field's texts under it (each text once); the first field in error in the form's order, if any.
 * @param {FormFields} fields
 * @param {Map<string, Set<string>>} texts by field name
 * @returns {HTMLElement | null}
 */
function markFields(fields, texts) {
  /** @type {HTMLElement | null} */
  let first = null;
  fields.forEach((field, name) => {
    const said = texts.get(name);
    if (!said) return;
    field.input.setAttribute('aria-invalid', 'true');
    field.error.hidden = false;
    field.error.textContent = [...said].join(' ');
    first = first || field.input;
  });
  return first;
}

/**
 * Fields the page checks itself before sending: those whose value goes into the path (the API would answer "no
 * such route", naming no field).
 * @param {string[]} names
 * @param {FormFields} fields
 */
export function showMissing(names, fields) {
  const texts = new Map(names.map((name) => [name, new Set([requiredText(fields.get(name)?.type)])]));
  markFields(fields, texts)?.focus();
}

/**
 * @param {unknown} error what sending the command threw
 * @param {FormFields} fields
 * @param {HTMLElement} message the form's message above its button
 */
export function showProblem(error, fields, message) {
  /** @type {Map<string, Set<string>>} */
  const texts = new Map();
  /** @type {string[]} */
  const unplaced = [];
  /** @param {string} name @param {string} text */
  const say = (name, text) => texts.set(name, (texts.get(name) || new Set()).add(text));
  if (error instanceof Problem && error.fields.length) {
    error.fields.forEach((rule) => {
      const name = rule.field.split('.')[0];
      const field = fields.get(name);
      if (field) say(name, ruleText(rule, field));
      else unplaced.push(rule.message);
    });
  } else if (error instanceof Problem && t().problems.refusals[error.code]) {
    const text = t().problems.refusals[error.code](error.details, formatDate);
    const field = REFUSAL_FIELDS[error.code];
    if (field && fields.has(field)) say(field, text);
    else unplaced.push(text);
  } else if (error instanceof Problem && error.status === 400) {
    (error.errors.length ? error.errors : [error.message]).forEach((text) => {
      const match = FIELD_OF_MESSAGE.exec(text);
      if (match && fields.has(match[1])) say(match[1], text);
      else unplaced.push(text);
    });
  }
  const first = markFields(fields, texts);
  const why = !(error instanceof Problem)
    ? t().failed + String(/** @type {Error} */ (error).message)
    : texts.size || unplaced.length
      ? unplaced.join('; ')
      : error.status === 401 || error.status === 403
        ? `${t().notAllowed} ${error.message}`
        : error.message;
  message.className = 'form-message error';
  message.hidden = !why;
  message.textContent = why || '';
  /** @type {HTMLElement} */ (first || message).focus();
}
