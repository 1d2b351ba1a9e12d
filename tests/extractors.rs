//! Fixture tests: each file in `data/fixtures/extract/` is extracted and
//! what it yields (entities, facts with modality and extractor, statements)
//! is compared with its snapshot in `tests/snapshots/`.

use std::fmt::Write;
use std::path::Path;

use kgforge::document::read_inputs;
use kgforge::extract::extract_document;
use kgforge::extract::model::Object;

fn render(path: &Path) -> String {
    let doc = read_inputs(&[path.to_path_buf()]).next().expect("one document").expect("readable fixture");
    let extraction = extract_document(&doc);
    let mut out = String::new();
    for entity in &extraction.entities {
        let _ = writeln!(out, "entity {} {:?}", entity.kind.name(), entity.name);
    }
    for fact in &extraction.facts {
        let object = match fact.object {
            Object::Entity(o) => format!("{:?}", extraction.entities[o].name),
            Object::Date(d) => format!("{d:?}"),
        };
        let _ = writeln!(
            out,
            "fact {:?} {} {object} {:?} by {} in sentence {}: {:?}",
            extraction.entities[fact.subject].name,
            fact.relation.name(),
            fact.modality,
            fact.evidence.extractor,
            fact.evidence.sentence,
            &doc.text[fact.evidence.span.range()],
        );
    }
    for statement in &extraction.statements {
        let _ = writeln!(
            out,
            "statement {:?} {} quoted={} {:?}",
            extraction.entities[statement.speaker].name,
            statement.cue,
            statement.quoted,
            &doc.text[statement.content.range()]
        );
    }
    out
}

macro_rules! fixture {
    ($name:ident) => {
        #[test]
        fn $name() {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(concat!(
                "data/fixtures/extract/",
                stringify!($name),
                ".txt"
            ));
            insta::assert_snapshot!(stringify!($name), render(&path));
        }
    };
}

fixture!(roles);
fixture!(roles_places);
fixture!(roles_former);
fixture!(roles_home_country);
fixture!(roles_legislators);
fixture!(roles_committees);
fixture!(roles_surname_state);
fixture!(roles_units);
fixture!(roles_aides);
fixture!(roles_clauses);
fixture!(roles_home_foreign);
fixture!(roles_offices);
fixture!(roles_descriptors);
fixture!(descriptions);
fixture!(places_subdivisions);
fixture!(membership);
fixture!(membership_parties);
fixture!(membership_composition);
fixture!(geography);
fixture!(geography_standing);
fixture!(signing);
fixture!(signing_adjective);
fixture!(signing_clauses);
fixture!(signing_nearby);
fixture!(signing_relative);
fixture!(signing_object_relative);
fixture!(signing_with);
fixture!(signing_passive);
fixture!(signing_reduced);
fixture!(signing_eras);
fixture!(signing_parties);
fixture!(signing_purpose);
fixture!(signing_dated_names);
fixture!(signing_announcements);
fixture!(stance);
fixture!(stance_pronoun);
fixture!(stance_nouns);
fixture!(stance_received);
fixture!(stance_acts);
fixture!(stance_sides);
fixture!(stance_capitals);
fixture!(stance_events);
fixture!(stance_evaluations);
fixture!(names_bodies);
fixture!(names_agreements);
fixture!(names_companies);
fixture!(wrapped_lines);
fixture!(names_groups);
fixture!(killing);
fixture!(residence);
fixture!(pairs);
fixture!(statements);
fixture!(negation);
fixture!(events);
fixture!(events_described);
fixture!(datelines);
fixture!(datelines_capitals);
fixture!(dominant);
fixture!(gaps_entities);
fixture!(gaps_roles);
fixture!(gaps_signing);
fixture!(gaps_stance);
fixture!(gaps_membership_geography);
fixture!(gaps_killing);
