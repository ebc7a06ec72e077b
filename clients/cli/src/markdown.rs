//! `--markdown-help`: the whole command tree as one Markdown page, for documentation sites (the
//! original prints the same with clap-markdown; this walks clap's own model, no extra crate).
use std::fmt::Write;

use clap::Command;

/// Every command, depth first: a heading with its full path, its about text, its usage, its
/// arguments and options (global ones only at the top) and its subcommands.
pub fn help(root: &Command) -> String {
    let mut out = format!("# Command-Line Help for `{}`\n\n", root.get_name());
    section(&mut out, root, root.get_name(), true);
    out
}

fn section(out: &mut String, command: &Command, path: &str, top: bool) {
    let _ = writeln!(out, "## `{path}`\n");
    if let Some(about) = command.get_long_about().or(command.get_about()) {
        let _ = writeln!(out, "{about}\n");
    }
    let mut usage = command.clone().bin_name(path).render_usage().to_string();
    if let Some(rest) = usage.strip_prefix("Usage: ") {
        usage = rest.to_string();
    }
    let _ = writeln!(out, "**Usage:** `{usage}`\n");
    let args: Vec<_> = command
        .get_arguments()
        .filter(|a| !a.is_hide_set() && (top || !a.is_global_set()))
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
        .collect();
    if !args.is_empty() {
        let _ = writeln!(out, "**Arguments and options:**\n");
        for arg in args {
            let name = match (arg.get_long(), arg.get_value_names()) {
                (Some(long), _) => format!("--{long}"),
                (None, Some(names)) => format!("<{}>", names.join(" ")),
                (None, None) => format!("<{}>", arg.get_id().as_str().to_uppercase()),
            };
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            let _ = writeln!(out, "* `{name}` — {help}");
        }
        out.push('\n');
    }
    let subcommands: Vec<_> = command
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
        .collect();
    if !subcommands.is_empty() {
        let _ = writeln!(out, "**Subcommands:**\n");
        for sub in &subcommands {
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            let _ = writeln!(out, "* `{}` — {about}", sub.get_name());
        }
        out.push('\n');
    }
    for sub in subcommands {
        section(out, sub, &format!("{path} {}", sub.get_name()), false);
    }
}
