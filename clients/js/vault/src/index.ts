// Hand-written entry point: everything under ./generated is produced by scripts/codegen.sh
// (Codama) from idl/jito_vault.json and must not be edited.
export * from './generated';
// Hand-written: plans a vault's epoch update into the fewest transactions.
export * from './planner';
// Hand-written: both deployed instruction numberings (master / legacy) and the GetNumbering check.
export * from './numbering';
