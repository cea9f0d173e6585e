import { css } from 'lit';

/**
 * The account page's own layout: the details as a two-column list, the actions as a row of buttons
 * (spaced by the buttons' own margins).
 */
export const accountStyles = css`
  dl {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: calc(var(--_space) / 2) var(--_space);
    margin: 0 0 var(--_space);
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  h3 {
    font-size: 1.125em;
    margin: var(--_space) 0 calc(var(--_space) / 2);
  }
  .passkeys {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    margin: 0;
    padding: 0;
    list-style: none;
  }
`;
