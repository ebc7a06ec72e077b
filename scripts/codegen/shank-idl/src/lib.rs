//! Writes `idl/jito_restaking.json` and `idl/jito_vault.json` from the Shank annotations of
//! the interface crates (`programs/<p>/interface`), nothing edited by hand.
//!
//! Shank reads one crate at a time. The interface crates use types from `programs/core`
//! (`SlotToggle`), so core is parsed too and the core types an IDL refers to are added to it,
//! as are core's errors (they share the custom error space with each program's own).

use std::{
    collections::BTreeSet,
    path::{Path, PathBuf},
};

use anyhow::{anyhow, bail, Context, Result};
use shank_idl::{idl::Idl, parse_file, ParseIdlConfig};

/// (IDL name, interface crate) of each program.
pub const PROGRAMS: [(&str, &str); 2] = [
    ("jito_restaking", "programs/restaking/interface"),
    ("jito_vault", "programs/vault/interface"),
];
const CORE: &str = "programs/core";

fn parse_crate(root: &Path, dir: &str, name: &str, require_address: bool) -> Result<Idl> {
    let lib = root.join(dir).join("src/lib.rs");
    let config = ParseIdlConfig {
        program_name: name.to_string(),
        program_version: env!("CARGO_PKG_VERSION").to_string(),
        require_program_address: require_address,
        ..ParseIdlConfig::default()
    };
    parse_file(&lib, &config)
        .with_context(|| format!("shank could not parse {}", lib.display()))?
        .ok_or_else(|| anyhow!("no IDL extracted from {}", lib.display()))
}

/// Names of every `{"defined": ...}` type reachable from `value`.
fn defined_names(value: &serde_json::Value, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(name)) = map.get("defined") {
                out.insert(name.clone());
            }
            map.values().for_each(|v| defined_names(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| defined_names(v, out)),
        _ => {}
    }
}

/// Builds the IDL of one program: its interface crate plus the core types and errors it uses.
pub fn build_idl(root: &Path, name: &str, dir: &str) -> Result<Idl> {
    let mut idl = parse_crate(root, dir, name, true)?;
    let core = parse_crate(root, CORE, name, false)?;

    // Add the core types the program refers to, following references between types.
    loop {
        let mut wanted = BTreeSet::new();
        defined_names(&serde_json::to_value(&idl.instructions)?, &mut wanted);
        defined_names(&serde_json::to_value(&idl.accounts)?, &mut wanted);
        defined_names(&serde_json::to_value(&idl.types)?, &mut wanted);
        let missing: Vec<_> = core
            .types
            .iter()
            .filter(|t| wanted.contains(&t.name) && !idl.types.iter().any(|o| o.name == t.name))
            .cloned()
            .collect();
        if missing.is_empty() {
            break;
        }
        idl.types.extend(missing);
    }

    if let Some(core_errors) = core.errors {
        let errors = idl.errors.get_or_insert_with(Vec::new);
        for e in core_errors {
            if let Some(clash) = errors.iter().find(|o| o.code == e.code) {
                bail!(
                    "{name}: error code {} is both {} (core) and {}",
                    e.code,
                    e.name,
                    clash.name
                );
            }
            errors.push(e);
        }
        errors.sort_by_key(|e| e.code);
    }
    Ok(idl)
}

/// IDL name of the vault program in the legacy numbering (written beside `jito_vault`).
pub const VAULT_LEGACY: &str = "jito_vault_legacy";

/// The vault IDL in the legacy numbering (`jito_vault_legacy.json`): the same instructions,
/// accounts, types and errors, with each instruction's tag mapped by
/// [`jito_vault_interface::numbering::Numbering::tag`] (SetAdmin … SetConfigAdmin = 21 … 31,
/// RevokeDelegateTokenAccount = 32, SetConfigSecondaryAdmin = 33), listed in tag order.
pub fn vault_legacy_idl(master: &Idl) -> Idl {
    use jito_vault_interface::numbering::Numbering;
    let mut idl = master.clone();
    for ix in &mut idl.instructions {
        ix.discriminant.value = Numbering::Legacy.tag(ix.discriminant.value);
    }
    idl.instructions.sort_by_key(|ix| ix.discriminant.value);
    idl
}

/// The repository root: three levels above this crate.
pub fn repo_root() -> Result<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../..")
        .canonicalize()
        .context("repository root")
}
