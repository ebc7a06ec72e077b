//! `jito-restaking-cli`: the Jito restaking and vault programs from the command line, on the
//! generated Rust clients. See `args.rs` for the command tree.
mod args;
mod ctx;
mod idl_json;
mod restaking;
mod status;
mod vault;

use clap::Parser;

fn main() {
    let cli = args::Cli::parse();
    let result = ctx::Ctx::new(&cli).and_then(|ctx| match cli.command {
        args::ProgramCommand::Restaking { action } => restaking::run(&ctx, action),
        args::ProgramCommand::Vault { action } => vault::run(&ctx, action),
    });
    if let Err(e) = result {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
