// The panel's element id, shared by the launcher (aria-controls) and the panel, which live in different chunks.

export const PANEL_ID = 'lt-panel';
