export * from './personal-data-vault.port';
export * from './personal-data.cipher';
export * from './personal-data.transformer';
export * from './adapters/sqlite/sqlite-personal-data.vault';
export * from './adapters/sqlite/sqlite-file-scrub';
