// Hand-written entry point: everything under ./generated is produced by scripts/codegen.sh
// (Codama) from idl/jito_ncn.json and must not be edited.
export * from './generated/index.js';
export * from './generated/describeError.js';
export * from './generated/errorTables.js';
