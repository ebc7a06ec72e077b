//! `cargo run -p jito-shank-idl [-- --root <repo> --out <dir>]`: writes
//! `<out>/jito_restaking.json` and `<out>/jito_vault.json` (default `<repo>/idl`).

use std::{fs, path::PathBuf};

use anyhow::{bail, Context, Result};
use jito_shank_idl::{idl_json, repo_root, PROGRAMS};

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
    }
    Ok(())
}
