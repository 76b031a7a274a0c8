/** Version of the analysis rules. Bump the minor for rule changes, the major for contract changes. */
export const ANALYZER_VERSION = '1.50.0';
