import * as migration_20261127_210922_initial from './20261127_210922_initial';
import * as migration_20261127_215941_review_workflow from './20261127_215941_review_workflow';

export const migrations = [
  {
    up: migration_20261127_210922_initial.up,
    down: migration_20261127_210922_initial.down,
    name: '20261127_210922_initial',
  },
  {
    up: migration_20261127_215941_review_workflow.up,
    down: migration_20261127_215941_review_workflow.down,
    name: '20261127_215941_review_workflow'
  },
];
