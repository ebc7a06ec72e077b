// Hand-written entry point: everything under ./generated is produced by scripts/codegen.sh
// (Codama) from idl/jito_vault.json and must not be edited.
export * from './generated/index.js';
export * from './generated/describeError.js';
export * from './generated/errorTables.js';
// Hand-written: token accounts a vault flow needs before it runs (idempotent ATA creation).
export * from './preconditions.js';
// Hand-written: plans a vault's epoch update into the fewest transactions.
export * from './planner.js';
// Hand-written: both deployed instruction numberings (master / legacy) and the GetNumbering check.
export * from './numbering.js';
