import { css } from 'lit';

/** The account page's own layout: the details as a two-column list, the actions as a list of buttons. */
export const accountStyles = css`
  dl {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: calc(var(--dvc-spacing, 1rem) * 0.5) var(--dvc-spacing, 1rem);
    margin: 0 0 var(--dvc-spacing, 1rem);
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .subheading {
    font-size: 1.125em;
    margin: var(--dvc-spacing, 1rem) 0 calc(var(--dvc-spacing, 1rem) * 0.5);
  }
  .actions {
    list-style: none;
    padding: 0;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--dvc-spacing, 1rem) * 0.5);
  }
  .actions button {
    margin: 0;
  }
`;
