//! `jito-restaking-cli`: the Jito restaking and vault programs from the command line, on the
//! generated Rust clients. See `args.rs` for the command tree.
mod args;
mod ctx;
mod idl_json;
mod markdown;
mod restaking;
mod status;
mod vault;

use clap::{CommandFactory, Parser};

fn main() {
    let mut cli = args::Cli::parse();
    if cli.markdown_help {
        print!("{}", markdown::help(&args::Cli::command()));
        return;
    }
    let Some(command) = cli.command.take() else {
        // No subcommand: the help, and the usage-error exit code, as clap does.
        let _ = args::Cli::command().print_help();
        std::process::exit(2);
    };
    let result = ctx::Ctx::new(&cli).and_then(|ctx| match command {
        args::ProgramCommand::Restaking { action } => restaking::run(&ctx, action),
        args::ProgramCommand::Vault { action } => vault::run(&ctx, action),
    });
    if let Err(e) = result {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
