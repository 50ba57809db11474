export * from './personal-data-vault.contract';
export * from './in-memory-personal-data.vault';
