/**
 * A form that sends one command: labelled fields, the API's refusal shown where it applies and in the page's
 * language (`field-errors.js`: a 400's broken rules under the fields they name, a rule of the domain under its field
 * or above the button), one `Idempotency-Key` per submission, and the focus where the reader must look next (the
 * first field in error, or the message).
 */
import { newIdempotencyKey, sendCommand } from './command.js';
import { el } from './dom.js';
import { clearChanged, clearErrors, showMissing, showProblem } from './field-errors.js';
import { memberField, membersField } from './member-field.js';
import { t } from './state.js';

/** @import { Accepted } from './command.js' */

/**
 * @typedef {object} FieldSpec
 * @property {string} name the request's property (a 400 names it at the start of its message)
 * @property {string} label
 * @property {'text' | 'textarea' | 'email' | 'url' | 'number' | 'datetime' | 'select' | 'member' | 'members'} [type]
 *   `members`: several members, the value their ids comma-separated
 * @property {boolean} [required]
 * @property {boolean} [inPath] the value goes into the command's path: the API names no field when it is missing,
 *   so the page says so itself
 * @property {[string, string][]} [options] a select's values and their labels
 */
/**
 * @typedef {object} FormSpec
 * @property {string} id unique on the page; the fields' ids start with it
 * @property {string} title the form's heading (h2 or h3), and its button's text: what sending it does
 * @property {'h2' | 'h3'} [level]
 * @property {FieldSpec[]} fields
 * @property {(values: Record<string, string>) => { path: string, body: Record<string, unknown> }} request
 * @property {(accepted: Accepted, values: Record<string, string>) => void} done after the command was accepted
 */

/**
 * @param {FormSpec} spec
 * @returns {HTMLFormElement}
 */
export function commandForm(spec) {
  /** @type {Map<string, import('./field-errors.js').FormField & { clear?: () => void }>} */
  const fields = new Map();
  const rows = spec.fields.map((f) => {
    const id = `${spec.id}-${f.name}`;
    const error = el('p', { className: 'field-error', id: `${id}-error`, hidden: true });
    if (f.type === 'member' || f.type === 'members') {
      const member = (f.type === 'member' ? memberField : membersField)(
        id,
        f.label,
        `${id}-error`,
        f.required,
      );
      fields.set(f.name, {
        input: member.input,
        error,
        value: member.value,
        clear: member.clear,
        type: f.type,
      });
      return el('div', { className: 'form-row' }, [member.label, error]);
    }
    const input = control(f, id);
    input.setAttribute('aria-describedby', `${id}-error`);
    fields.set(f.name, { input, error, value: () => input.value.trim(), type: f.type });
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
  const button = el('button', { type: 'submit', id: `${spec.id}-submit`, text: spec.title });
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
  form.addEventListener('input', (event) => {
    key = '';
    clearChanged(fields, event.target);
  });
  form.addEventListener('reset', () => fields.forEach((field) => field.clear && field.clear()));
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
    const missing = spec.fields.filter((f) => f.inPath && !values[f.name]);
    if (missing.length) {
      showMissing(
        missing.map((f) => f.name),
        fields,
      );
      return;
    }
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
