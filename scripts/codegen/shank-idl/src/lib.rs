//! Writes `idl/jito_restaking.json` and `idl/jito_vault.json` from the Shank annotations of
//! the interface crates (`programs/<p>/interface`), nothing edited by hand.
//!
//! Shank reads one crate at a time. The interface crates use types from `programs/core`
//! (`SlotToggle`), so core is parsed too and the core types an IDL refers to are added to it,
//! as are core's errors (they share the custom error space with each program's own).
//! Shank 0.4.9 does not extract an instruction's doc comment; [`idl_json`] adds each variant's
//! `///` lines of the instruction enum as the instruction's `docs` (what Codama renders).

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

use anyhow::{anyhow, bail, Context, Result};
use shank_idl::{idl::Idl, parse_file, ParseIdlConfig};

/// (IDL name, interface crate) of each program.
pub const PROGRAMS: [(&str, &str); 3] = [
    ("jito_restaking", "programs/restaking/interface"),
    ("jito_vault", "programs/vault/interface"),
    ("jito_ncn", "programs/ncn/interface"),
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

    // The NCN program returns none of core's errors (its own code 0 is `NoValidBallots`).
    let core_errors = if name == "jito_ncn" {
        None
    } else {
        core.errors
    };
    if let Some(core_errors) = core_errors {
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

/// The `///` doc lines of each variant of the Shank instruction enum in
/// `<dir>/src/instruction.rs`, by variant name. Doc comments on the fields of a struct
/// variant are not the variant's and are skipped.
pub fn instruction_docs(root: &Path, dir: &str) -> Result<BTreeMap<String, Vec<String>>> {
    let path = root.join(dir).join("src/instruction.rs");
    let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let mut docs = BTreeMap::new();
    let mut pending: Vec<String> = Vec::new();
    let (mut in_enum, mut in_variant) = (false, false);
    for line in text.lines() {
        let t = line.trim();
        if !in_enum {
            in_enum = t.starts_with("pub enum ") && t.ends_with('{');
            continue;
        }
        if line.starts_with('}') {
            break;
        }
        if in_variant {
            // A struct variant's fields, up to its closing `} = N,`.
            in_variant = !t.starts_with('}');
            continue;
        }
        if let Some(doc) = t.strip_prefix("///") {
            pending.push(doc.strip_prefix(' ').unwrap_or(doc).to_string());
        } else if t.starts_with(|c: char| c.is_ascii_uppercase()) {
            let name: String = t
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            in_variant = t.ends_with('{');
            if docs
                .insert(name.clone(), std::mem::take(&mut pending))
                .is_some()
            {
                bail!("{}: variant {name} twice", path.display());
            }
        }
    }
    if docs.is_empty() {
        bail!("{}: no instruction enum found", path.display());
    }
    Ok(docs)
}

/// The IDL of one program as pretty JSON: [`build_idl`] plus each instruction's doc lines
/// (`docs`, after its `name`). Every instruction must have a doc comment.
pub fn idl_json(root: &Path, name: &str, dir: &str) -> Result<(Idl, String)> {
    let idl = build_idl(root, name, dir)?;
    let docs = instruction_docs(root, dir)?;
    let json = json_with_docs(&idl, &docs, name, dir)?;
    Ok((idl, json))
}

/// `idl` as pretty JSON with each instruction's doc lines from `docs` (see [`idl_json`]).
pub fn json_with_docs(
    idl: &Idl,
    docs: &BTreeMap<String, Vec<String>>,
    name: &str,
    dir: &str,
) -> Result<String> {
    let json = idl.try_into_json()?;
    // Shank's `IdlInstruction` has no `docs` field: insert the lines into the pretty JSON,
    // inside the top-level "instructions" array only, then check the result below.
    let mut out = String::with_capacity(json.len() + 16 * 1024);
    let mut in_instructions = false;
    for line in json.lines() {
        out.push_str(line);
        out.push('\n');
        if line == "  \"instructions\": [" {
            in_instructions = true;
        } else if in_instructions && (line == "  ]," || line == "  ]") {
            in_instructions = false;
        } else if in_instructions {
            if let Some(ix) = line
                .strip_prefix("      \"name\": \"")
                .and_then(|l| l.strip_suffix("\","))
            {
                let lines = docs
                    .get(ix)
                    .filter(|d| d.iter().any(|l| !l.is_empty()))
                    .ok_or_else(|| anyhow!("{name}: instruction {ix} has no doc comment in {dir}/src/instruction.rs"))?;
                let items: Vec<String> = lines
                    .iter()
                    .map(|l| format!("        {}", serde_json::Value::String(l.clone())))
                    .collect();
                out.push_str(&format!(
                    "      \"docs\": [\n{}\n      ],\n",
                    items.join(",\n")
                ));
            }
        }
    }
    let value: serde_json::Value =
        serde_json::from_str(&out).context("IDL with docs is not JSON")?;
    let instructions = value["instructions"].as_array().map_or(0, Vec::len);
    let documented = value["instructions"]
        .as_array()
        .map_or(0, |a| a.iter().filter(|ix| ix["docs"].is_array()).count());
    if instructions != idl.instructions.len() || documented != instructions {
        bail!("{name}: docs added to {documented} of {instructions} instructions");
    }
    Ok(out)
}

/// The repository root: three levels above this crate.
pub fn repo_root() -> Result<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../..")
        .canonicalize()
        .context("repository root")
}
