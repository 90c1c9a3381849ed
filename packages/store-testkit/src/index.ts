/**
 * `@examcycle/store-testkit` (private): the one contract test suite that every examcycle store runs.
 */
export { describeStoreContract } from './describeStoreContract.js';
export type { StoreContractOptions } from './describeStoreContract.js';
