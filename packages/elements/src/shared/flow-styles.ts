import { css } from 'lit';

/**
 * what only the multi-step widgets show, on top of the base styles: the links under a form, the
 * error summary, the success panel, the progress line and the expiry warning.
 */
export const flowStyles = css`
  .links {
    margin: var(--_space) 0 0;
    padding: 0;
    list-style: none;
  }
  .links li {
    margin: 0 0 0.4em;
  }
  .error-summary {
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: var(--_space);
    border: 5px solid var(--_error);
    border-radius: var(--_radius);
  }
  .error-summary:focus {
    outline: 3px solid var(--_focus);
  }
  .error-summary h3 {
    margin: 0 0 0.5em;
    font-size: 1.2em;
  }
  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .error-summary li {
    margin: 0 0 0.3em;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }
  .loading,
  .progress {
    margin: 0;
    color: var(--_muted);
  }
  .expiry {
    margin: 0 0 var(--_space);
    padding: var(--_space);
    border: 3px solid var(--_text);
    border-radius: var(--_radius);
  }
  .expiry p {
    margin: 0 0 0.6em;
  }
  .panel {
    margin: 0 0 var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_success);
    color: #ffffff;
  }
  .panel .heading {
    color: inherit;
  }
  .panel p {
    margin: 0.3em 0 0;
  }
`;
