import { createMemoryStore } from '@examcycle/core';
import { describeStoreContract } from '@examcycle/store-testkit';

describeStoreContract('memory', async () => createMemoryStore());
