import * as migration_20261127_210922_initial from './20261127_210922_initial';

export const migrations = [
  {
    up: migration_20261127_210922_initial.up,
    down: migration_20261127_210922_initial.down,
    name: '20261127_210922_initial'
  },
];
