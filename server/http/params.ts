// Path parameters every capability shares: defined once in the contract (shared/api/common.ts).
export { idParams } from '../../shared/api/common';
