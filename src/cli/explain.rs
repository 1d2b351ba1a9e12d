//! `kgforge explain`: how a document is read, sentence by sentence.

#![allow(clippy::print_stdout)]

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use kgforge::document::read_inputs_with;
use kgforge::extract::extract_traced;
use kgforge::extract::model::Object;
use kgforge::pipeline::guarded;

use super::Outcome;

/// Arguments of `kgforge explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories to explain.
    #[arg(required = true, value_hint = clap::ValueHint::AnyPath)]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    limits: super::inputs::Limits,
}

/// Prints each sentence view, the entities and the facts of each document.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut outcome = Outcome::default();
    for doc in read_inputs_with(&args.inputs, &args.limits.read_options()) {
        let mut lines = Vec::new();
        let traced = doc.and_then(|doc| {
            let extraction = guarded(&doc, |doc| {
                extract_traced(doc, &mut |view, structure| {
                    lines.push(format!("  [{}] {}", view.index, view.text));
                    for clause in structure.map(|s| s.describe()).unwrap_or_default() {
                        lines.push(format!("      clause: {clause}"));
                    }
                })
            })?;
            Ok((doc, extraction))
        });
        let (doc, extraction) = match traced {
            Ok(done) => done,
            Err(error) => {
                #[allow(clippy::print_stderr)]
                {
                    eprintln!("kgforge: skipped: {error}");
                }
                outcome.skipped += 1;
                continue;
            }
        };
        writeln!(out, "# {}", doc.id)?;
        for line in lines {
            writeln!(out, "{line}")?;
        }
        for (i, entity) in extraction.entities.iter().enumerate() {
            let aliases: Vec<&str> = entity.aliases.iter().map(String::as_str).collect();
            writeln!(out, "  entity {i}: {} {:?} aliases {:?}", entity.kind.name(), entity.name, aliases)?;
        }
        for fact in &extraction.facts {
            let object = match fact.object {
                Object::Entity(o) => extraction.entities[o].name.clone(),
                Object::Date(d) => format!("{d:?}"),
            };
            writeln!(
                out,
                "  fact: {} {} {} [{:?}, {}, {:.2}]",
                extraction.entities[fact.subject].name,
                fact.relation.name(),
                object,
                fact.modality,
                fact.evidence.extractor,
                f32::from(fact.evidence.confidence) / 100.0
            )?;
        }
        for statement in &extraction.statements {
            writeln!(
                out,
                "  statement: {} {} {:?}",
                extraction.entities[statement.speaker].name,
                statement.cue,
                statement.content.slice(&doc.text).unwrap_or_default()
            )?;
        }
    }
    out.flush().context("cannot write to standard output")?;
    Ok(outcome)
}
