/** docs/architecture.md, where the committed picture of the house lives. */
export const ARCHITECTURE_FILE: string;
/** The whole of docs/architecture.md, rendered from the current src/ and .dependency-cruiser.cjs. */
export function renderArchitecture(): Promise<string>;
