//! The `portal` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;
use portal::dates::today;
use portal::error::BuildError;
use portal::{BuildOptions, build, check, scaffold, serve};
use portal_model::Kind;

/// Builds and serves the solidarity portal from content/, themes/ and site.toml.
#[derive(Parser)]
#[command(name = "portal", version)]
struct Cli {
    /// The site's folder (holding site.toml, content/ and themes/).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Builds the site into the output folder, replacing it only if the build succeeds.
    Build {
        /// Where to write the site [default: ROOT/public].
        #[arg(long)]
        output: Option<PathBuf>,
        /// The build date (YYYY-MM-DD): what ended before it is archived [default: today].
        #[arg(long, value_parser = parse_date)]
        now: Option<Date>,
    },
    /// Checks the content without writing anything.
    Check,
    /// Builds in memory, serves on 127.0.0.1 and rebuilds on every change.
    Serve {
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// A fixed build date (YYYY-MM-DD) [default: today].
        #[arg(long, value_parser = parse_date)]
        now: Option<Date>,
    },
    /// Writes a new, commented content file that builds as it is.
    New {
        #[arg(value_enum)]
        kind: NewKind,
        /// The file name without .md: lowercase letters, digits and hyphens.
        slug: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum NewKind {
    Association,
    Benevolat,
    Ressource,
    Page,
}

fn parse_date(s: &str) -> Result<Date, String> {
    portal_model::read::parse_date(s)
        .map_err(|_| format!("« {s} » : une date AAAA-MM-JJ est attendue"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let root = cli.root;
    match cli.command {
        Command::Build { output, now } => {
            let output = output.unwrap_or_else(|| root.join("public"));
            let options = BuildOptions {
                today: now.unwrap_or_else(|| today(&root)),
                root,
                output: output.clone(),
            };
            match build(&options) {
                Ok(report) => {
                    let stages: Vec<String> = report
                        .stages
                        .iter()
                        .map(|(name, d)| format!("{name} {} ms", d.as_millis()))
                        .collect();
                    println!(
                        "Site construit dans {} : {} pages, {} fichiers ({} associations, {} appels, {} annonces) en {} ms [{}]",
                        output.display(),
                        report.pages,
                        report.files,
                        report.associations,
                        report.calls,
                        report.resources,
                        report.total().as_millis(),
                        stages.join(", ")
                    );
                    Ok(())
                }
                Err(e) => Err(failed(e, Some(&output))),
            }
        }
        Command::Check => match check(&root) {
            Ok(content) => {
                println!(
                    "Contenu valide : {} associations, {} appels à bénévoles, {} annonces, {} pages.",
                    content.associations.len(),
                    content.calls.len(),
                    content.resources.len(),
                    content.pages.len()
                );
                Ok(())
            }
            Err(e) => Err(failed(e, None)),
        },
        Command::Serve { port, now } => {
            let runtime = tokio::runtime::Runtime::new()?;
            runtime.block_on(serve::serve(serve::ServeOptions {
                root,
                port,
                today: now,
            }))
        }
        Command::New { kind, slug } => {
            let kind = match kind {
                NewKind::Association => Kind::Association,
                NewKind::Benevolat => Kind::VolunteerCall,
                NewKind::Ressource => Kind::Resource,
                NewKind::Page => Kind::Page,
            };
            let path = scaffold::new_entry(&root, kind, &slug, today(&root))?;
            println!(
                "Écrit : {} (à compléter, puis « portal check »)",
                path.display()
            );
            Ok(())
        }
    }
}

/// The message of a failed build or check: every problem, then what was (not) touched.
fn failed(e: BuildError, output: Option<&std::path::Path>) -> anyhow::Error {
    let untouched = match output {
        Some(out) if out.exists() => format!(
            "\nRien n'a été écrit : le site précédent ({}) est inchangé.",
            out.display()
        ),
        Some(_) => "\nRien n'a été écrit.".to_string(),
        None => String::new(),
    };
    anyhow::anyhow!("{e}{untouched}")
}
