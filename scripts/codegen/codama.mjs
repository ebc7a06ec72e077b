// Shank IDLs -> Codama trees -> Rust and JS clients.
//
//   node codama.mjs [--root DIR] [--idl-dir DIR]
//
// Reads <idl-dir>/jito_restaking.json and jito_vault.json (default <root>/idl), writes
// <root>/idl/codama/*.json, <root>/clients/rust/<p>/src/generated and
// <root>/clients/js/<p>/src/generated. Everything program-specific (account type ids, PDA
// seeds, account defaults) comes from programs.json beside this file.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
    accountNode,
    accountValueNode,
    argumentValueNode,
    arrayTypeNode,
    assertIsNode,
    bottomUpTransformerVisitor,
    camelCase,
    constantPdaSeedNodeFromString,
    createFromRoot,
    fieldDiscriminatorNode,
    getValidationItemsVisitor,
    numberTypeNode,
    numberValueNode,
    pascalCase,
    pdaLinkNode,
    pdaNode,
    pdaSeedValueNode,
    pdaValueNode,
    programNode,
    publicKeyTypeNode,
    publicKeyValueNode,
    setFixedAccountSizesVisitor,
    setInstructionAccountDefaultValuesVisitor,
    snakeCase,
    getCommonInstructionAccountDefaultRules,
    structFieldTypeNode,
    structTypeNode,
    throwValidatorItemsVisitor,
    instructionArgumentNode,
    instructionNode,
    instructionRemainingAccountsNode,
    isNode,
    remainderCountNode,
    variablePdaSeedNode,
    visit,
} from 'codama';
import { rootNodeFromAnchor } from '@codama/nodes-from-anchor';
import { renderVisitor as renderJsVisitor } from '@codama/renderers-js';
import { renderVisitor as renderRustVisitor } from '@codama/renderers-rust';

import { addRustExtras } from './rust-extras.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
    const out = { root: resolve(here, '../..'), idlDir: null };
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--root') out.root = resolve(argv[++i]);
        else if (argv[i] === '--idl-dir') out.idlDir = resolve(argv[++i]);
        else throw new Error(`unknown argument ${argv[i]}`);
    }
    out.idlDir ??= join(out.root, 'idl');
    return out;
}

const args = parseArgs(process.argv.slice(2));
const config = JSON.parse(readFileSync(join(here, 'programs.json'), 'utf8'));
// The toolchain pinned in rust-toolchain.toml (the one pin; scripts/env.sh reads it too).
const RUST_TOOLCHAIN = `+${readFileSync(join(here, '../../rust-toolchain.toml'), 'utf8').match(/^channel\s*=\s*"([^"]+)"/m)[1]}`;

const idls = Object.fromEntries(
    Object.entries(config.programs).map(([key, p]) => [
        key,
        JSON.parse(readFileSync(join(args.idlDir, `${p.idl}.json`), 'utf8')),
    ]),
);
const programAddress = key => {
    const address = idls[key].metadata?.address;
    if (!address) throw new Error(`IDL ${config.programs[key].idl} has no program address`);
    return address;
};

// ---------------------------------------------------------------------------
// Tree building
// ---------------------------------------------------------------------------

function seedNode(seed) {
    if (typeof seed === 'string') return constantPdaSeedNodeFromString('utf8', seed);
    const type =
        seed.type === 'publicKey'
            ? publicKeyTypeNode()
            : seed.type === 'u64'
              ? numberTypeNode('u64')
              : (() => {
                    throw new Error(`unsupported seed type ${seed.type}`);
                })();
    return variablePdaSeedNode(seed.name, type, seed.docs ?? []);
}

function pdaNodesFor(key) {
    const p = config.programs[key];
    const own = Object.entries(p.pdas).map(([name, seeds]) => pdaNode({ name, seeds: seeds.map(seedNode) }));
    // PDAs of the other program that instructions of this one take (e.g. restaking tickets
    // passed to the vault program): same seeds, other program id.
    const external = Object.entries(p.externalPdas).map(([name, owner]) => {
        const seeds = config.programs[owner].pdas[name];
        if (!seeds) throw new Error(`${key}: external PDA ${name} is not a PDA of ${owner}`);
        return pdaNode({ name, seeds: seeds.map(seedNode), programId: programAddress(owner) });
    });
    return [...own, ...external];
}

// Jito accounts start with an 8-byte header [type id, 0 x 7]: a little-endian u64 equal to
// the type id. Shank cannot express it, so it is added here as an omitted leading field.
function accountsVisitor(key) {
    const accounts = config.programs[key].accounts;
    const seen = new Set();
    return bottomUpTransformerVisitor([
        {
            select: '[accountNode]',
            transform: node => {
                assertIsNode(node, 'accountNode');
                const entry = accounts[node.name];
                if (!entry) throw new Error(`${key}: account ${node.name} is missing from programs.json`);
                seen.add(node.name);
                const discriminator = structFieldTypeNode({
                    name: 'discriminator',
                    type: numberTypeNode('u64'),
                    defaultValue: numberValueNode(entry.discriminator),
                    defaultValueStrategy: 'omitted',
                });
                return accountNode({
                    ...node,
                    size: undefined,
                    data: structTypeNode([discriminator, ...(node.data.fields ?? [])]),
                    discriminators: [fieldDiscriminatorNode('discriminator', 0)],
                    pda: entry.pda ? pdaLinkNode(entry.pda) : undefined,
                });
            },
        },
        {
            select: '[programNode]',
            transform: node => {
                assertIsNode(node, 'programNode');
                const missing = Object.keys(accounts).filter(name => !seen.has(name));
                if (missing.length) throw new Error(`${key}: accounts not in the IDL: ${missing.join(', ')}`);
                return programNode({ ...node, pdas: [...(node.pdas ?? []), ...pdaNodesFor(key)] });
            },
        },
    ]);
}

const ATA_PROGRAM = 'ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL';
// The associated token account PDA, inline (not a program PDA of ours).
const ASSOCIATED_TOKEN_PDA = pdaNode({
    name: 'associatedToken',
    seeds: [
        variablePdaSeedNode('owner', publicKeyTypeNode()),
        variablePdaSeedNode('tokenProgram', publicKeyTypeNode()),
        variablePdaSeedNode('mint', publicKeyTypeNode()),
    ],
    programId: ATA_PROGRAM,
});

function accountDefaultRules(key) {
    const rules = config.programs[key].accountDefaults.map(rule => {
        let defaultValue;
        if (rule.pda) {
            const seeds = Object.entries(rule.seeds ?? {}).map(([seed, source]) => {
                const [kind, name] = source.split(':');
                if (kind === 'account') return pdaSeedValueNode(seed, accountValueNode(name));
                if (kind === 'arg') return pdaSeedValueNode(seed, argumentValueNode(name));
                throw new Error(`bad seed source ${source}`);
            });
            defaultValue = pdaValueNode(rule.pda, seeds);
        } else if (rule.ata) {
            defaultValue = pdaValueNode(ASSOCIATED_TOKEN_PDA, [
                pdaSeedValueNode('owner', accountValueNode(rule.ata.owner)),
                pdaSeedValueNode('tokenProgram', accountValueNode('tokenProgram')),
                pdaSeedValueNode('mint', accountValueNode(rule.ata.mint)),
            ]);
        } else if (rule.programOf) {
            defaultValue = publicKeyValueNode(programAddress(rule.programOf), config.programs[rule.programOf].idl);
        } else {
            throw new Error(`bad account default ${JSON.stringify(rule)}`);
        }
        return {
            account: rule.account,
            ...(rule.instruction ? { instruction: rule.instruction } : {}),
            defaultValue,
            ignoreIfOptional: true,
        };
    });
    const wellKnown = config.wellKnownAccountDefaults.map(rule => ({
        account: rule.account,
        defaultValue: publicKeyValueNode(rule.address, rule.identifier),
        ignoreIfOptional: true,
    }));
    return [...rules, ...wellKnown, ...getCommonInstructionAccountDefaultRules()];
}

// A default rule whose seeds cannot be filled is skipped silently by Codama; make a rule that
// applies nowhere (a typo, a renamed account) an error instead.
function checkDefaultsApplied(key, root) {
    const instructions = root.program.instructions ?? [];
    for (const rule of config.programs[key].accountDefaults) {
        const candidates = instructions.filter(ix => !rule.instruction || ix.name === camelCase(rule.instruction));
        const applied = candidates.some(ix =>
            (ix.accounts ?? []).some(a => a.name === camelCase(rule.account) && a.defaultValue),
        );
        if (!applied) throw new Error(`${key}: account default ${JSON.stringify(rule)} applies to no instruction`);
    }
}

// The original SDKs leave an absent optional signer (mint_signer, burn_signer) out of the
// account list instead of passing the program id in its place.
const omitOptionalAccountsVisitor = bottomUpTransformerVisitor([
    {
        select: '[instructionNode]',
        transform: node => instructionNode({ ...node, optionalAccountStrategy: 'omitted' }),
    },
]);

// Variable account lists after an instruction's fixed accounts (Shank cannot express them):
// an extra array argument of addresses in the clients, passed as remaining accounts.
function remainingAccountsVisitor(key) {
    const entries = config.programs[key].remainingAccounts ?? [];
    const applied = new Set();
    const visitor = bottomUpTransformerVisitor([
        {
            select: '[instructionNode]',
            transform: node => {
                assertIsNode(node, 'instructionNode');
                const mine = entries.filter(e => camelCase(e.instruction) === node.name);
                if (!mine.length) return node;
                mine.forEach(e => applied.add(e));
                return instructionNode({
                    ...node,
                    extraArguments: [
                        ...(node.extraArguments ?? []),
                        ...mine.map(e =>
                            instructionArgumentNode({
                                name: e.argument,
                                type: arrayTypeNode(publicKeyTypeNode(), remainderCountNode()),
                                docs: e.docs ?? [],
                            }),
                        ),
                    ],
                    remainingAccounts: [
                        ...(node.remainingAccounts ?? []),
                        ...mine.map(e =>
                            instructionRemainingAccountsNode(argumentValueNode(e.argument), {
                                isWritable: !!e.writable,
                                isSigner: false,
                                docs: e.docs ?? [],
                            }),
                        ),
                    ],
                });
            },
        },
    ]);
    return {
        visitor,
        check() {
            const missing = entries.filter(e => !applied.has(e));
            if (missing.length) throw new Error(`${key}: remainingAccounts for no instruction: ${JSON.stringify(missing)}`);
        },
    };
}

function buildTree(key) {
    const codama = createFromRoot(rootNodeFromAnchor(idls[key]));
    codama.update(accountsVisitor(key));
    codama.update(setFixedAccountSizesVisitor());
    codama.update(setInstructionAccountDefaultValuesVisitor(accountDefaultRules(key)));
    codama.update(omitOptionalAccountsVisitor);
    const remaining = remainingAccountsVisitor(key);
    codama.update(remaining.visitor);
    remaining.check();
    checkDefaultsApplied(key, codama.getRoot());
    // Any dangling link (a type Shank could not resolve, a PDA without its node) fails here.
    codama.accept(throwValidatorItemsVisitor(getValidationItemsVisitor(), 'error'));
    const root = codama.getRoot();
    for (const account of root.program.accounts ?? []) {
        if (account.size === undefined) throw new Error(`${key}: account ${account.name} has no fixed size`);
    }
    return root;
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

// renderers-js 2.2.0 runs on @codama/nodes 1.9.0 (see package.json overrides), which expects
// these lists to be present even when empty; @codama/nodes >= 1.10 omits empty lists. The Rust
// renderer's templates assume them too (an instruction without accounts renders
// `Vec::with_capacity(NaN + ..)` otherwise).
const REQUIRED_LISTS = {
    rootNode: ['additionalPrograms'],
    programNode: ['accounts', 'instructions', 'definedTypes', 'pdas', 'events', 'errors', 'constants'],
    instructionNode: ['accounts', 'arguments'],
    pdaNode: ['seeds'],
    pdaValueNode: ['seeds'],
    structTypeNode: ['fields'],
    enumTypeNode: ['variants'],
    tupleTypeNode: ['items'],
    structValueNode: ['fields'],
    tupleValueNode: ['items'],
    arrayValueNode: ['items'],
    setValueNode: ['items'],
    mapValueNode: ['entries'],
};

function restoreEmptyLists(value) {
    if (Array.isArray(value)) return value.map(restoreEmptyLists);
    if (value === null || typeof value !== 'object') return value;
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = restoreEmptyLists(v);
    for (const k of REQUIRED_LISTS[value.kind] ?? []) out[k] ??= [];
    return out;
}

function walk(dir) {
    return readdirSync(dir).flatMap(name => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

function run(cmd, cmdArgs, opts = {}) {
    const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', ...opts });
    if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (${r.status ?? r.error})`);
}

// Dependencies that only feature-gated generated code uses (Anchor interop, RPC fetch); the
// hand-written Cargo.toml leaves them out on purpose, so the renderer's note about them is noise.
const FEATURE_ONLY_DEPENDENCIES = new Set(['anchor-lang', 'solana-rpc-client', 'solana-account']);

function withCargoTomlNoteFiltered(fn) {
    const warn = console.warn;
    console.warn = (message, ...rest) => {
        const text = String(message);
        if (text.includes('dependencies in your `Cargo.toml`')) {
            const listed = [...text.matchAll(/^- (\S+) (missing|outdated)/gm)];
            if (listed.every(([, dep, what]) => what === 'missing' && FEATURE_ONLY_DEPENDENCIES.has(dep))) return;
            throw new Error(text);
        }
        warn(message, ...rest);
    };
    try {
        return fn();
    } finally {
        console.warn = warn;
    }
}

async function renderRust(key, root) {
    const crate = join(args.root, 'clients/rust', key);
    withCargoTomlNoteFiltered(() => visit(restoreEmptyLists(root), renderRustVisitor(crate, {
        formatCode: false,
        syncCargoToml: false,
        deleteFolderBeforeRendering: true,
        generatedFolder: 'src/generated',
        // The crate's Cargo.toml is written by hand; these only silence the renderer's check.
        dependencyVersions: {
            'solana-address': { version: '2.9', features: ['borsh', 'copy', 'curve25519', 'decode'] },
            thiserror: '2',
            'solana-account': '4.5',
            'solana-rpc-client': '~4.3.2',
        },
    })));
    rustInstructionDocs(crate, root);
    // Checked decoding, any program id, non-panicking builders, error codes (rust-extras.mjs).
    addRustExtras(crate, key, restoreEmptyLists(root), {
        restaking: programAddress('restaking'),
        vault: programAddress('vault'),
        ncn: programAddress('ncn'),
    });
    // cargo fmt would format the hand-written files too; rustfmt the generated tree only.
    run('rustfmt', [RUST_TOOLCHAIN, '--edition', '2021', join(crate, 'src/generated/mod.rs')]);
}

// The renderers (Rust 3.1.3, JS 2.2.0) render account docs but not an instruction's own docs
// (the Shank doc comment: what it does, accounts that must exist, timing rules); these put
// them on the generated instruction types and builders. Each insertion point must be found.
function instructionDocLines(instruction) {
    const docs = instruction.docs ?? [];
    if (!docs.some(line => line.trim())) throw new Error(`instruction ${instruction.name} has no docs`);
    return docs;
}

function insertOnce(file, text, anchor, insertion) {
    if (!text.includes(anchor)) throw new Error(`${file}: "${anchor.split('\n')[0]}" not found for the instruction docs`);
    return text.replace(anchor, insertion + anchor);
}

function rustInstructionDocs(crate, root) {
    for (const instruction of root.program.instructions ?? []) {
        const name = pascalCase(instruction.name);
        const file = join(crate, 'src/generated/instructions', `${snakeCase(instruction.name)}.rs`);
        const doc = instructionDocLines(instruction).map(line => (line ? `/// ${line}` : '///')).join('\n');
        let text = readFileSync(file, 'utf8');
        text = insertOnce(file, text, `/// Accounts.\n#[derive(Debug)]\npub struct ${name} `, `${doc}\n///\n`);
        text = insertOnce(file, text, `/// Instruction builder for \`${name}\`.\n`, `${doc}\n///\n`);
        writeFileSync(file, text);
    }
}

function jsInstructionDocs(pkg, root) {
    for (const instruction of root.program.instructions ?? []) {
        const name = pascalCase(instruction.name);
        const file = join(pkg, 'src/generated/instructions', `${camelCase(instruction.name)}.ts`);
        const doc = ['/**', ...instructionDocLines(instruction).map(line => (line ? ` * ${line}` : ' *')), ' */', ''].join('\n');
        let text = readFileSync(file, 'utf8');
        text = insertOnce(file, text, `export type ${name}Instruction<`, doc);
        if (text.includes(`export async function get${name}InstructionAsync<`)) {
            text = insertOnce(file, text, `export async function get${name}InstructionAsync<`, doc);
        }
        text = insertOnce(file, text, `export function get${name}Instruction<`, doc);
        writeFileSync(file, text);
    }
}

// ---------------------------------------------------------------------------
// JS rendering: program ids, import specifiers, error table (the JS client only)
// ---------------------------------------------------------------------------

// The JS renderer derives a default PDA through a *linked* PDA with that PDA's own default
// program id, even when the builder is given `programAddress`. Rewritten for the JS render
// only: own PDAs become inline PDA nodes, which the renderer derives with the builder's
// `programAddress`; the other program's PDAs (restaking tickets in vault builders) derive with
// an optional `<owner>Program` input (default: that program's original id), added as an extra
// (non-data) argument.
function jsProgramIdDefaults(key, root) {
    const pdas = new Map((root.program.pdas ?? []).map(pda => [pda.name, pda]));
    const external = config.programs[key].externalPdas;
    const transform = instruction => {
        const extraArguments = [...(instruction.extraArguments ?? [])];
        const accounts = (instruction.accounts ?? []).map(account => {
            const value = account.defaultValue;
            if (!isNode(value, 'pdaValueNode') || !isNode(value.pda, 'pdaLinkNode')) return account;
            const pda = pdas.get(value.pda.name);
            if (!pda) throw new Error(`${key}: PDA ${value.pda.name} not found`);
            const owner = external[pda.name];
            const inline = pdaNode({ ...pda, programId: undefined });
            if (!owner) return { ...account, defaultValue: pdaValueNode(inline, value.seeds) };
            const argument = `${owner}Program`;
            if (!extraArguments.some(a => a.name === argument)) {
                extraArguments.push(
                    instructionArgumentNode({
                        name: argument,
                        type: publicKeyTypeNode(),
                        defaultValue: publicKeyValueNode(programAddress(owner), config.programs[owner].idl),
                        defaultValueStrategy: 'optional',
                        docs: [`The ${owner} program id the ${owner} PDAs of this instruction are derived with.`],
                    }),
                );
            }
            return { ...account, defaultValue: { ...pdaValueNode(inline, value.seeds), programId: argumentValueNode(argument) } };
        });
        return { ...instruction, accounts, extraArguments };
    };
    return { ...root, program: { ...root.program, instructions: (root.program.instructions ?? []).map(transform) } };
}

// Relative imports with explicit `.js` files, so the sources compile under `module`/
// `moduleResolution` `nodenext` and the emitted ESM runs in plain Node (TS2834 otherwise).
function jsRelativeImportsWithExtensions(dir) {
    const specifier = /(from\s+|import\s*\(\s*)"(\.{1,2}\/[^"]*|\.{1,2})"/g;
    for (const file of walk(dir)) {
        if (!file.endsWith('.ts')) continue;
        const text = readFileSync(file, 'utf8');
        const fixed = text.replace(specifier, (whole, lead, spec) => {
            if (spec.endsWith('.js')) return whole;
            const target = resolve(dirname(file), spec);
            let resolved;
            try {
                resolved = statSync(target).isDirectory() ? `${spec.replace(/\/$/, '')}/index.js` : null;
            } catch {
                resolved = null;
            }
            if (!resolved) {
                statSync(`${target}.ts`); // throws if the import points nowhere
                resolved = `${spec}.js`;
            }
            return `${lead}"${resolved}"`;
        });
        if (fixed !== text) writeFileSync(file, fixed);
    }
}

// Every error of both programs (with the shared core codes), for `describeJitoError`: the
// failing program decides which table a code belongs to (both programs use 1000+). Messages
// come from the `#[error(...)]` sentences of the interface crates via the Shank IDLs, and
// unlike the renderer's message map they are not hidden in production builds.
function jsErrorTables() {
    const lines = [
        '// Generated by scripts/codegen/codama.mjs from the Shank IDLs; do not edit.',
        '',
        'export type JitoErrorInfo = { readonly name: string; readonly message: string };',
        '',
    ];
    for (const [key, p] of Object.entries(config.programs)) {
        const constant = `${key.toUpperCase()}_ERRORS`;
        lines.push(`/** Errors of the ${key} program by code (the original id: ${programAddress(key)}). */`);
        lines.push(`export const ${constant}: Readonly<Record<number, JitoErrorInfo>> = Object.freeze({`);
        for (const error of idls[key].errors ?? []) {
            if (!error.msg) throw new Error(`${p.idl}: error ${error.name} has no message`);
            lines.push(`  ${error.code}: { name: ${JSON.stringify(error.name)}, message: ${JSON.stringify(error.msg)} },`);
        }
        lines.push('});', '');
        lines.push(`export const ${key.toUpperCase()}_DEFAULT_PROGRAM_ADDRESS = ${JSON.stringify(programAddress(key))};`, '');
    }
    return lines.join('\n');
}

async function renderJs(key, root) {
    const pkg = join(args.root, 'clients/js', key);
    root = jsProgramIdDefaults(key, root);
    const visitor = renderJsVisitor(pkg, {
        formatCode: true,
        syncPackageJson: false,
        deleteFolderBeforeRendering: true,
        generatedFolder: 'src/generated',
        dependencyVersions: { '@solana/kit': '^8.4.0', '@solana/program-client-core': '^8.4.0' },
    });
    await visit(restoreEmptyLists(root), visitor);
    // The program plugin's arrow function declares a return type that does not type-check
    // against @solana/kit >= 6.10 (tsc: TS2322); without it TypeScript infers the right one.
    const pluginReturnType = /\):\s*Omit<T,\s*"(\w+)">\s*&\s*\{\s*\1:\s*\w+Plugin;?\s*\}\s*=>/g;
    for (const file of walk(join(pkg, 'src/generated/programs'))) {
        if (file.endsWith('index.ts')) continue;
        const text = readFileSync(file, 'utf8');
        const fixed = text.replace(pluginReturnType, ') =>');
        if (fixed === text) throw new Error(`${file}: program plugin return type not found; check the fix-up`);
        writeFileSync(file, fixed);
    }
    // The one hand-written error helper (scripts/codegen/js/describeError.ts), with the error
    // tables of both programs, into each package.
    writeFileSync(join(pkg, 'src/generated/errorTables.ts'), jsErrorTables());
    writeFileSync(
        join(pkg, 'src/generated/describeError.ts'),
        '// Copied by scripts/codegen/codama.mjs from scripts/codegen/js/describeError.ts; do not edit.\n\n' +
            readFileSync(join(here, 'js/describeError.ts'), 'utf8'),
    );
    jsRelativeImportsWithExtensions(join(pkg, 'src/generated'));
    jsInstructionDocs(pkg, root);
}

async function main() {
    mkdirSync(join(args.root, 'idl/codama'), { recursive: true });
    for (const key of Object.keys(config.programs)) {
        const started = Date.now();
        const root = buildTree(key);
        writeFileSync(
            join(args.root, 'idl/codama', `${config.programs[key].idl}.json`),
            JSON.stringify(root, null, 2) + '\n',
        );
        await renderRust(key, root);
        await renderJs(key, root);
        console.log(`codama: ${key} done in ${Date.now() - started} ms`);
    }
}

await main();
