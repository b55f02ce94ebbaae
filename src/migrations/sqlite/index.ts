import * as migration_20261127_210916_initial from './20261127_210916_initial';

export const migrations = [
  {
    up: migration_20261127_210916_initial.up,
    down: migration_20261127_210916_initial.down,
    name: '20261127_210916_initial'
  },
];
