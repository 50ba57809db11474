/**
 * A form that sends one command: labelled fields, the API's refusal shown where it applies (a 400's messages under
 * the fields they name, a 409's rule, a 403's reason above the button), one `Idempotency-Key` per submission, and
 * the focus where the reader must look next (the first field in error, or the message).
 */
import { newIdempotencyKey, Problem, sendCommand } from './command.js';
import { el } from './dom.js';
import { memberField } from './member-field.js';
import { t } from './state.js';

/** @import { Accepted } from './command.js' */

/**
 * @typedef {object} FieldSpec
 * @property {string} name the request's property (a 400 names it at the start of its message)
 * @property {string} label
 * @property {'text' | 'textarea' | 'email' | 'url' | 'number' | 'datetime' | 'select' | 'member'} [type]
 * @property {boolean} [required]
 * @property {[string, string][]} [options] a select's values and their labels
 */
/**
 * @typedef {object} FormSpec
 * @property {string} id unique on the page; the fields' ids start with it
 * @property {string} title the form's heading (h2 or h3)
 * @property {'h2' | 'h3'} [level]
 * @property {FieldSpec[]} fields
 * @property {string} submit the button's text
 * @property {(values: Record<string, string>) => { path: string, body: Record<string, unknown> }} request
 * @property {(accepted: Accepted, values: Record<string, string>) => void} done after the command was accepted
 */

/** A class-validator message starts with the property's path: `title must be...`, `each value in attendees...`. */
const FIELD_OF_MESSAGE = /^(?:each value in )?([A-Za-z]+)/;

/**
 * @param {FormSpec} spec
 * @returns {HTMLFormElement}
 */
export function commandForm(spec) {
  /** @type {Map<string, { input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, error: HTMLElement, value: () => string }>} */
  const fields = new Map();
  const rows = spec.fields.map((f) => {
    const id = `${spec.id}-${f.name}`;
    const error = el('p', { className: 'field-error', id: `${id}-error`, hidden: true });
    if (f.type === 'member') {
      const member = memberField(id, f.label, `${id}-error`, f.required);
      fields.set(f.name, { input: member.input, error, value: member.value });
      return el('div', { className: 'form-row' }, [member.label, error]);
    }
    const input = control(f, id);
    input.setAttribute('aria-describedby', `${id}-error`);
    fields.set(f.name, { input, error, value: () => input.value.trim() });
    return el('div', { className: 'form-row' }, [
      el('label', { for: id, text: f.label + (f.required ? ' *' : '') }),
      input,
      error,
    ]);
  });
  const message = el('p', {
    className: 'form-message',
    id: `${spec.id}-message`,
    role: 'status',
    tabindex: '-1',
    hidden: true,
  });
  const button = el('button', { type: 'submit', id: `${spec.id}-submit`, text: spec.submit });
  const form = el(
    'form',
    { className: 'command-form', id: spec.id, novalidate: true, 'aria-labelledby': `${spec.id}-heading` },
    [
      el(spec.level || 'h2', { id: `${spec.id}-heading`, text: spec.title }),
      spec.fields.some((f) => f.required) && el('p', { className: 'hint', text: t().requiredHint }),
      ...rows,
      message,
      button,
    ],
  );

  /** The submission's key: kept while the same values are sent again (a retry), renewed once they change. */
  let key = '';
  let sending = false;
  form.addEventListener('input', () => {
    key = '';
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // A second click while the first is under way sends nothing; a resend after a lost answer has the same key.
    if (sending) return;
    key = key || newIdempotencyKey();
    /** @type {Record<string, string>} */
    const values = {};
    fields.forEach((field, name) => {
      values[name] = field.value();
    });
    clearErrors(fields, message);
    const { path, body } = spec.request(values);
    sending = true;
    button.setAttribute('aria-disabled', 'true');
    message.hidden = false;
    message.className = 'form-message';
    message.textContent = t().sending;
    sendCommand(path, body, key)
      .then((accepted) => {
        key = '';
        message.textContent = t().recorded;
        spec.done(accepted, values);
      })
      .catch((error) => showProblem(error, fields, message))
      .finally(() => {
        sending = false;
        button.removeAttribute('aria-disabled');
      });
  });
  return form;
}

/**
 * @param {FieldSpec} f
 * @param {string} id
 */
function control(f, id) {
  const common = { id, name: f.name, required: f.required, 'aria-required': f.required ? 'true' : null };
  if (f.type === 'textarea') return el('textarea', { ...common, rows: 4 });
  if (f.type === 'select') {
    return el(
      'select',
      common,
      [['', '—'], ...(f.options || [])].map(([value, text]) => el('option', { value, text })),
    );
  }
  /** @type {Record<string, string>} */
  const types = { email: 'email', url: 'url', number: 'number', datetime: 'datetime-local' };
  const type = types[f.type || ''] || 'text';
  return el('input', { ...common, type, autocomplete: 'off' });
}

/**
 * @param {Map<string, { input: HTMLElement, error: HTMLElement }>} fields
 * @param {HTMLElement} message
 */
function clearErrors(fields, message) {
  fields.forEach(({ input, error }) => {
    input.removeAttribute('aria-invalid');
    error.hidden = true;
    error.textContent = '';
  });
  message.hidden = true;
}

/**
 * The refusal where it applies: each 400 message under its field, the rest (a rule, a missing right) above the
 * button; the focus on the first field in error, else on the message.
 * @param {unknown} error
 * @param {Map<string, { input: HTMLElement, error: HTMLElement }>} fields
 * @param {HTMLElement} message
 */
function showProblem(error, fields, message) {
  /** @type {HTMLElement | null} */
  let first = null;
  /** @type {string[]} */
  const unplaced = [];
  const messages = error instanceof Problem && error.errors.length ? error.errors : [];
  messages.forEach((text) => {
    const match = FIELD_OF_MESSAGE.exec(text);
    const field = match ? fields.get(match[1]) : undefined;
    if (!field) {
      unplaced.push(text);
      return;
    }
    field.input.setAttribute('aria-invalid', 'true');
    field.error.hidden = false;
    field.error.textContent = field.error.textContent ? `${field.error.textContent}; ${text}` : text;
    first = first || field.input;
  });
  const why =
    error instanceof Problem
      ? error.status === 401 || error.status === 403
        ? `${t().notAllowed} ${error.message}`
        : messages.length
          ? unplaced.join('; ')
          : error.message
      : t().failed + String(/** @type {Error} */ (error).message);
  message.className = 'form-message error';
  message.hidden = !why;
  message.textContent = why || '';
  /** @type {HTMLElement} */ (first || message).focus();
}
