//! The `portal` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;
use portal::dates::today;
use portal::error::BuildError;
use portal::{BuildOptions, build, check, scaffold, serve, stores};
use portal_forms::rules::{Moderators, Publishers, Sources, Submissions};
use portal_forms::secrets;
use portal_forms::store::{Moderator, Store};
use portal_model::Kind;

// A build allocates millions of small strings from two threads; mimalloc makes that a
// fraction of glibc's cost (see bench/results.txt).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Checks the content without writing anything, and lists the associations whose
    /// information is to be checked again.
    Check {
        /// The day the information's age is counted to (YYYY-MM-DD) [default: today].
        #[arg(long, value_parser = parse_date)]
        now: Option<Date>,
    },
    /// Builds in memory, serves on 127.0.0.1 and rebuilds on every change.
    Serve {
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// A fixed build date (YYYY-MM-DD) [default: today].
        #[arg(long, value_parser = parse_date)]
        now: Option<Date>,
        /// The folder of the forms' embedded store [default: ROOT/.portal].
        #[arg(long)]
        data: Option<PathBuf>,
    },
    /// Manages the moderators of the forms: each has a personal token.
    Moderators {
        #[command(flatten)]
        store: StoreArgs,
        #[command(subcommand)]
        action: ModeratorAction,
    },
    /// Where each association is told of its exchanges (kept in the store, never
    /// published), and its signed links.
    Associations {
        #[command(flatten)]
        store: StoreArgs,
        #[command(subcommand)]
        action: AssociationAction,
    },
    /// Writes the approved submissions not yet imported into content/, and says which.
    Import {
        #[command(flatten)]
        store: StoreArgs,
        /// The day written as an association's `updated` [default: today].
        #[arg(long, value_parser = parse_date)]
        now: Option<Date>,
    },
    /// Sends the entries' current files to the forms' store, for the moderators' diffs:
    /// only what changed since the last time.
    Sources {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Writes a new territory's site into DIR: site.toml, the free pages, the outline of
    /// the department with its licence and credit, and a guide for its editors.
    Init {
        /// The new site's folder (created if needed; refused if it holds a site already).
        dir: PathBuf,
        /// A department of metropolitan France, by code (`40`, `2A`) or by name (`Landes`).
        #[arg(long, conflicts_with = "bounds", required_unless_present = "bounds")]
        department: Option<String>,
        /// Any territory instead: LAT_MIN,LON_MIN,LAT_MAX,LON_MAX (with --name).
        #[arg(long, allow_hyphen_values = true)]
        bounds: Option<String>,
        /// The territory's name as the pages say it [default: the department's].
        #[arg(long)]
        name: Option<String>,
        /// The site's title [default: « Portail des solidarités — NAME »].
        #[arg(long)]
        title: Option<String>,
    },
    /// The built-in theme: writes its files out, to change them.
    Theme {
        #[command(subcommand)]
        action: ThemeAction,
    },
    /// Imports an existing directory into content/associations/: a spreadsheet saved as
    /// CSV, or a data·inclusion dump (JSON files of structures and services). Every refused
    /// record is reported at its line and column; existing entries are left as they are.
    ImportDirectory {
        /// The files: one .csv, or the .json files of a data·inclusion dump.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Which column holds a field, when the guess from the headers is wrong:
        /// `--column name=Structure` (repeatable).
        #[arg(long = "column", value_parser = parse_column)]
        columns: Vec<(String, String)>,
        /// Replace the entries that exist already.
        #[arg(long)]
        overwrite: bool,
        /// Check and report only; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// The `updated` date of the records that do not say [default: today].
        #[arg(long, value_parser = parse_date)]
        now: Option<Date>,
    },
    /// Writes the JSON Schema of each content type, from the model, for the site's own
    /// categories and associations: an editor's IDE completes and checks front matter.
    Schema {
        /// The folder to write into [default: ROOT/schemas].
        dir: Option<PathBuf>,
    },
    /// Writes a new, commented content file that builds as it is.
    New {
        #[arg(value_enum)]
        kind: NewKind,
        /// The file name without .md: lowercase letters, digits and hyphens.
        slug: String,
    },
}

#[derive(Subcommand)]
enum ThemeAction {
    /// Writes the built-in theme's files into DIR (by default ROOT/themes/default): all of
    /// them, or those given with --file. A file there replaces the built-in one of the same
    /// path; the others still come from the binary.
    Export {
        /// The folder to write into [default: ROOT/themes/default].
        dir: Option<PathBuf>,
        /// Only this file of the theme (`templates/association.html`); repeatable.
        #[arg(long = "file")]
        files: Vec<String>,
    },
}

#[derive(Subcommand)]
enum ModeratorAction {
    /// Adds a moderator and prints their token, once: only its hash is kept.
    Add { name: String },
    /// Revokes a moderator's token, at once, also for a running server.
    Revoke { name: String },
    /// Lists the moderators.
    List,
}

#[derive(Subcommand)]
enum AssociationAction {
    /// Sets the e-mail address an association is told at (sign-ups on its calls).
    Notify { slug: String, email: String },
    /// Forgets an association's address: it is no longer told.
    Remove { slug: String },
    /// Revokes every signed link the association was sent so far.
    Revoke { slug: String },
    /// Lists the associations with an address or revoked links.
    List,
}

/// Where the forms' data is.
#[derive(clap::Args)]
struct StoreArgs {
    /// `embedded` (a file under the site's root) or `dynamodb` (the usual AWS settings,
    /// table from PORTAL_TABLE, default `portal`).
    #[arg(long, value_enum, default_value = "embedded", global = true)]
    store: StoreKind,
    /// The folder of the embedded store [default: ROOT/.portal].
    #[arg(long, global = true)]
    data: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum StoreKind {
    Embedded,
    Dynamodb,
}

impl StoreArgs {
    /// The embedded store's folder; for DynamoDB, the folder of the import's temporary files.
    fn folder(&self, root: &std::path::Path) -> PathBuf {
        self.data
            .clone()
            .unwrap_or_else(|| root.join(stores::DATA_DIR))
    }

    async fn open(&self, root: &std::path::Path) -> anyhow::Result<std::sync::Arc<dyn Store>> {
        match self.store {
            StoreKind::Embedded => stores::embedded(root, self.data.as_deref()),
            StoreKind::Dynamodb => stores::dynamodb().await,
        }
    }
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

fn parse_column(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(field, header)| (field.trim().to_string(), header.trim().to_string()))
        .filter(|(f, h)| !f.is_empty() && !h.is_empty())
        .ok_or_else(|| format!("« {s} » : CHAMP=COLONNE est attendu (ex. name=Structure)"))
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
                today: now,
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
        Command::Check { now } => match check(&root) {
            Ok(content) => {
                println!(
                    "Contenu valide : {} associations, {} appels à bénévoles, {} annonces, {} pages.",
                    content.associations.len(),
                    content.calls.len(),
                    content.resources.len(),
                    content.pages.len()
                );
                if let Some(summary) = portal::build::catalogues_summary(&root, &content.config)
                    .map_err(|e| failed(e, None))?
                {
                    println!("{summary}");
                }
                let today = now.unwrap_or_else(|| portal::dates::today_in(&content.config));
                if let Some(report) = portal::freshness::report(&content, today) {
                    print!("{report}");
                }
                Ok(())
            }
            Err(e) => Err(failed(e, None)),
        },
        Command::Serve { port, now, data } => {
            let runtime = tokio::runtime::Runtime::new()?;
            let store = stores::embedded(&root, data.as_deref())?;
            let outbox = data
                .clone()
                .unwrap_or_else(|| root.join(stores::DATA_DIR))
                .join("outbox");
            runtime.block_on(serve::serve(serve::ServeOptions {
                root,
                port,
                today: now,
                store,
                outbox,
            }))
        }
        Command::Moderators { store, action } => {
            let runtime = tokio::runtime::Runtime::new()?;
            runtime.block_on(async {
                let store = store.open(&root).await?;
                moderators(&Moderators::new(store), action).await
            })
        }
        Command::Associations { store, action } => {
            let runtime = tokio::runtime::Runtime::new()?;
            runtime.block_on(async {
                let publishers = Publishers::new(store.open(&root).await?);
                associations(&root, &publishers, action).await
            })
        }
        Command::Import { store, now } => {
            let runtime = tokio::runtime::Runtime::new()?;
            runtime.block_on(async {
                let scratch = store.folder(&root).join("import");
                let store = store.open(&root).await?;
                let content = check(&root).map_err(|e| failed(e, None))?;
                let today = now.unwrap_or_else(|| today(&root));
                let state = portal::build::forms_state(&content, &root, today);
                let target = portal_forms::import::Target {
                    root: &root,
                    site: &content.config,
                    existing: &state.slugs,
                    today,
                    scratch: &scratch,
                };
                // What the exchange changed (calls filled, offers reserved, listings done),
                // recorded as approved changes: written below like any other.
                let submissions = Submissions::new(store.clone());
                let changes = portal_forms::exchange_import::record(
                    &root,
                    &state,
                    &submissions,
                    &portal_forms::rules::Volunteers::new(store.clone()),
                    &portal_forms::rules::Answers::new(store.clone()),
                )
                .await?;
                for c in changes.iter().filter(|c| c.submission.is_some()) {
                    println!(
                        "Échange : content/{}/{}.md passe à « {} »",
                        c.kind.folder(),
                        c.slug,
                        c.status
                    );
                }
                let report = portal_forms::import::import(&submissions, &target).await;
                imported(report)
            })
        }
        Command::Sources { store } => {
            let runtime = tokio::runtime::Runtime::new()?;
            runtime.block_on(async {
                let store = store.open(&root).await?;
                let content = check(&root).map_err(|e| failed(e, None))?;
                let state = portal::build::forms_state(
                    &content,
                    &root,
                    portal::dates::today_in(&content.config),
                );
                let synced = portal::sources::sync(&Sources::new(store), &state).await?;
                println!(
                    "Fiches envoyées aux formulaires : {} nouvelles ou modifiées, {} retirées, {} inchangées.",
                    synced.written, synced.removed, synced.unchanged
                );
                Ok(())
            })
        }
        Command::Init {
            dir,
            department,
            bounds,
            name,
            title,
        } => {
            use portal::init::Territory;
            let territory = match (department, bounds) {
                (Some(d), _) => Territory::department(&d, name)?,
                (None, Some(b)) => Territory::bounds(&b, name)?,
                (None, None) => unreachable!("clap asks for one of them"),
            };
            let written = portal::init::init(&dir, &territory, title.as_deref())?;
            let [[lat0, lon0], [lat1, lon1]] = territory.bounds.0;
            println!(
                "Site du territoire « {} » écrit dans {} ({} fichiers), cadre [[{lat0}, {lon0}], [{lat1}, {lon1}]].",
                territory.name,
                dir.display(),
                written.len()
            );
            for path in &written {
                println!("  {}", path.strip_prefix(&dir).unwrap_or(path).display());
            }
            println!(
                "Ensuite : lisez GUIDE.md, puis « portal --root {} serve ».",
                dir.display()
            );
            Ok(())
        }
        Command::Theme {
            action: ThemeAction::Export { dir, files },
        } => {
            let dir = dir.unwrap_or_else(|| root.join("themes").join(portal::theme::DEFAULT));
            let written = portal::theme::export(&dir, &files).map_err(|e| failed(e, None))?;
            println!(
                "{} fichier(s) du thème intégré écrits dans {} : chacun y remplace celui du thème intégré.",
                written.len(),
                dir.display()
            );
            Ok(())
        }
        Command::ImportDirectory {
            files,
            columns,
            overwrite,
            dry_run,
            now,
        } => {
            let options = portal::directory::Options {
                overwrite,
                dry_run,
                columns,
                today: now,
            };
            let report = portal::directory::import(&root, &files, &options)?;
            for note in &report.notes {
                println!("{note}");
            }
            eprint!("{}", report.problems());
            let verb = if dry_run { "à écrire" } else { "écrite(s)" };
            let replaced = report.written.iter().filter(|(_, r)| *r).count();
            println!(
                "{} fiche(s) lue(s) : {} {verb} dans content/associations/{}, {} refusée(s){}, {} déjà présente(s){}{}.",
                report.read,
                report.written.len(),
                if replaced > 0 {
                    format!(" (dont {replaced} remplacée(s))")
                } else {
                    String::new()
                },
                report.refused.len(),
                if report.no_coordinates > 0 {
                    format!(
                        " (dont {} adresse(s) sans coordonnées)",
                        report.no_coordinates
                    )
                } else {
                    String::new()
                },
                report.existing.len(),
                if report.existing.is_empty() {
                    ""
                } else {
                    " (--overwrite pour les remplacer)"
                },
                if report.outside > 0 {
                    format!(", {} hors du territoire (ignorée(s))", report.outside)
                } else {
                    String::new()
                }
            );
            if !report.refused.is_empty() {
                anyhow::bail!(
                    "{} fiche(s) refusée(s) : corrigez la source aux lignes indiquées, puis importez-la à nouveau{}",
                    report.refused.len(),
                    if dry_run || report.written.is_empty() {
                        ""
                    } else {
                        " (les fiches écrites seront « déjà présentes »)"
                    }
                );
            }
            Ok(())
        }
        Command::Schema { dir } => {
            let dir = dir.unwrap_or_else(|| root.join(portal::schemas::FOLDER));
            let written = portal::schemas::write(&root, &dir).map_err(|e| failed(e, None))?;
            for path in &written {
                println!("Écrit : {}", path.display());
            }
            println!(
                "Les fichiers de « portal new » y renvoient (ligne « # yaml-language-server: $schema=… »)."
            );
            Ok(())
        }
        Command::New { kind, slug } => {
            let kind = match kind {
                NewKind::Association => Kind::Association,
                NewKind::Benevolat => Kind::VolunteerCall,
                NewKind::Ressource => Kind::Resource,
                NewKind::Page => Kind::Page,
            };
            let path = scaffold::new_entry(&root, kind, &slug, today(&root))
                .map_err(|e| failed(e, None))?;
            println!(
                "Écrit : {} (à compléter, puis « portal check »)",
                path.display()
            );
            Ok(())
        }
    }
}

/// Says what an import wrote and set aside. A run that set something aside exits with 2
/// (after writing all it could): a scheduled job must not hide it; a failure exits with 1,
/// after listing the files written before it.
fn imported(report: portal_forms::import::Report) -> anyhow::Result<()> {
    for d in &report.written {
        let verb = if d.replaced { "Modifié" } else { "Ajouté" };
        println!("{verb} : {} (proposition {})", d.file, d.submission);
    }
    for a in &report.set_aside {
        let what = if a.conflict {
            "Conflit"
        } else {
            "Mise de côté"
        };
        println!("{what} : proposition {} : {}", a.submission, a.reason);
    }
    println!(
        "{} proposition(s) importée(s), {} mise(s) de côté.",
        report.written.len(),
        report.set_aside.len()
    );
    if let Some(failure) = report.failure {
        anyhow::bail!(
            "Import interrompu : {failure}\nLes {} fichier(s) listé(s) ci-dessus sont écrits ; relancez « portal import » pour la suite.",
            report.written.len()
        );
    }
    if !report.set_aside.is_empty() {
        eprintln!(
            "{} proposition(s) mise(s) de côté : corrigez-les, renvoyez-les ou refusez-les sur /moderation/ (statut « à revoir »).",
            report.set_aside.len()
        );
        std::process::exit(2);
    }
    if !report.written.is_empty() {
        println!("Relisez, puis « portal build » et git commit.");
    }
    Ok(())
}

async fn moderators(moderators: &Moderators, action: ModeratorAction) -> anyhow::Result<()> {
    let now = jiff::Timestamp::now().as_second();
    match action {
        ModeratorAction::Add { name } => {
            let token = secrets::new_token();
            let moderator = Moderator {
                name: name.clone(),
                token_hash: secrets::token_hash(&token),
                created_at: now,
                revoked_at: None,
            };
            moderators.add(&moderator).await?;
            println!(
                "Modérateur « {name} » ajouté. Son jeton, affiché cette seule fois :\n\n{token}\n"
            );
            println!("Transmettez-le-lui de façon sûre ; seule son empreinte est conservée.");
        }
        ModeratorAction::Revoke { name } => {
            if !moderators.revoke(&name, now).await? {
                anyhow::bail!("aucun modérateur ne s'appelle « {name} »");
            }
            println!("Jeton de « {name} » révoqué.");
        }
        ModeratorAction::List => {
            for m in moderators.list().await? {
                let state = if m.revoked_at.is_some() {
                    "révoqué"
                } else {
                    "actif"
                };
                println!("{}\t{state}", m.name);
            }
        }
    }
    Ok(())
}

async fn associations(
    root: &std::path::Path,
    publishers: &Publishers,
    action: AssociationAction,
) -> anyhow::Result<()> {
    let known = |slug: &str| -> anyhow::Result<()> {
        let file = root.join("content/associations").join(format!("{slug}.md"));
        if !file.exists() {
            anyhow::bail!(
                "aucune association « {slug} » : {} n'existe pas",
                file.display()
            );
        }
        Ok(())
    };
    match action {
        AssociationAction::Notify { slug, email } => {
            known(&slug)?;
            publishers.set_address(&slug, &email).await?;
            println!(
                "« {slug} » sera prévenue à {email} (adresse gardée dans le stockage des formulaires, jamais publiée)."
            );
        }
        AssociationAction::Remove { slug } => {
            publishers.remove_address(&slug).await?;
            println!("« {slug} » ne sera plus prévenue par e-mail.");
        }
        AssociationAction::Revoke { slug } => {
            publishers.revoke(&slug).await?;
            println!("Les liens envoyés jusqu'ici à « {slug} » ne s'ouvrent plus.");
        }
        AssociationAction::List => {
            for p in publishers.list().await? {
                println!(
                    "{}	{}	génération {}",
                    p.slug,
                    p.email.as_deref().unwrap_or("(pas d'adresse)"),
                    p.generation
                );
            }
        }
    }
    Ok(())
}

/// The message of a failed command: the error, whole (its causes are in its message), then
/// for a build what was (not) touched.
fn failed(e: BuildError, output: Option<&std::path::Path>) -> anyhow::Error {
    let untouched = match output {
        Some(out) if out.join(portal::write::MARKER).is_file() => format!(
            "\nRien n'a été écrit : le site précédent ({}) est inchangé.",
            out.display()
        ),
        Some(_) => "\nRien n'a été écrit.".to_string(),
        None => String::new(),
    };
    anyhow::anyhow!("{e}{untouched}")
}
