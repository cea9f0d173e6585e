import { css } from 'lit';

/**
 * The look every DVC Kit element shares, after GOV.UK Frontend: large readable type, clear focus,
 * errors in red with a bar. Portals theme it through the `--dvc-*` custom properties and `::part`.
 */
export const baseStyles = css`
  :host {
    --_primary: var(--dvc-color-primary, #1d5ea8);
    --_text: var(--dvc-color-text, #0b0c0c);
    --_muted: var(--dvc-color-muted, #484f54);
    --_error: var(--dvc-color-error, #c0281b);
    --_success: var(--dvc-color-success, #00703c);
    --_background: var(--dvc-color-background, #ffffff);
    --_focus: var(--dvc-color-focus, #ffdd00);
    --_radius: var(--dvc-radius, 4px);
    --_space: var(--dvc-spacing, 1rem);
    display: block;
    font-family: var(--dvc-font-family, system-ui, sans-serif);
    font-size: var(--dvc-font-size, 1rem);
    line-height: 1.5;
    color: var(--_text);
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .heading {
    margin: 0 0 var(--_space);
    font-size: 1.5em;
    line-height: 1.25;
  }
  .heading:focus {
    outline: 3px solid transparent;
  }
  .caption {
    display: block;
    margin: 0 0 0.25em;
    color: var(--_muted);
    font-size: 1rem;
    font-weight: normal;
  }
  form {
    margin: 0;
  }
  .field {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .field--error {
    padding-left: 0.9em;
    border-left: 5px solid var(--_error);
  }
  label,
  legend {
    display: block;
    margin: 0 0 0.3em;
    font-weight: 600;
  }
  fieldset {
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .hint {
    margin: 0 0 0.4em;
    color: var(--_muted);
  }
  .error-message {
    margin: 0 0 0.4em;
    color: var(--_error);
    font-weight: 600;
  }
  input:not([type='checkbox'], [type='radio']) {
    display: block;
    width: 100%;
    max-width: 32em;
    min-height: 2.5em;
    padding: 0.3em 0.5em;
    border: 2px solid var(--dvc-color-border, #0b0c0c);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
  }
  input.input--short {
    max-width: 12em;
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  input:focus,
  button:focus,
  a:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_text);
  }
  a:focus {
    background: var(--_focus);
    color: var(--_text);
    box-shadow: 0 4px var(--_text);
    text-decoration: none;
  }
  .choice {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
    margin: 0 0 0.6em;
  }
  .choice input {
    flex: none;
    width: 1.5em;
    height: 1.5em;
    margin: 0.1em 0 0;
    accent-color: var(--_primary);
  }
  .choice input:focus {
    outline: 3px solid var(--_text);
    outline-offset: 2px;
    box-shadow: 0 0 0 7px var(--_focus);
  }
  .choice label {
    font-weight: normal;
    margin: 0;
  }
  .choice .hint {
    margin: 0;
  }
  button {
    min-height: 2.5em;
    margin: 0 0.75em 0.75em 0;
    padding: 0.4em 1.1em;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--dvc-color-on-primary, #ffffff);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button[disabled],
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button.secondary {
    background: var(--_background);
    color: var(--_primary);
  }
  button.link {
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font-weight: normal;
    text-decoration: underline;
  }
  a {
    color: var(--_primary);
  }
`;
