//! `cargo run -p jito-shank-idl [-- --root <repo> --out <dir>]`: writes
//! `<out>/jito_restaking.json`, `<out>/jito_vault.json` and the vault in the legacy
//! numbering, `<out>/jito_vault_legacy.json` (default `<repo>/idl`).

use std::{
    fs,
    path::{Path, PathBuf},
};

use anyhow::{bail, Context, Result};
use jito_shank_idl::{
    idl_json, instruction_docs, json_with_docs, repo_root, vault_legacy_idl, PROGRAMS, VAULT_LEGACY,
};
use shank_idl::idl::Idl;

fn main() -> Result<()> {
    let mut root = None;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--root" => root = Some(PathBuf::from(args.next().context("--root needs a path")?)),
            "--out" => out = Some(PathBuf::from(args.next().context("--out needs a path")?)),
            other => {
                bail!("unknown argument {other}; usage: jito-shank-idl [--root DIR] [--out DIR]")
            }
        }
    }
    let root = match root {
        Some(root) => root,
        None => repo_root()?,
    };
    let out = out.unwrap_or_else(|| root.join("idl"));
    fs::create_dir_all(&out)?;
    for (name, dir) in PROGRAMS {
        let (idl, json) = idl_json(&root, name, dir)?;
        write(&out, name, &idl, &json)?;
        if name == "jito_vault" {
            let legacy = vault_legacy_idl(&idl);
            let json = json_with_docs(&legacy, &instruction_docs(&root, dir)?, VAULT_LEGACY, dir)?;
            write(&out, VAULT_LEGACY, &legacy, &json)?;
        }
    }
    Ok(())
}

/// Writes `<out>/<name>.json` (`json`, the IDL with its instruction docs).
fn write(out: &Path, name: &str, idl: &Idl, json: &str) -> Result<()> {
    let path = out.join(format!("{name}.json"));
    fs::write(&path, json).with_context(|| format!("writing {}", path.display()))?;
    println!(
        "{}: {} instructions, {} accounts, {} types, {} errors",
        path.display(),
        idl.instructions.len(),
        idl.accounts.len(),
        idl.types.len(),
        idl.errors.as_ref().map_or(0, Vec::len)
    );
    Ok(())
}
