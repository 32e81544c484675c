//! The default catalog compiled into the binary: valid, free of warnings,
//! broad enough, and holding the source page's skill word for word.

use std::collections::BTreeSet;
use std::path::Path;

use rungs::catalog::{Catalog, Necessity, load_embedded};

fn embedded() -> Catalog {
    let loaded = load_embedded().unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    assert!(
        loaded.warnings.is_empty(),
        "the default catalog has warnings:\n{}",
        loaded
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    loaded.catalog
}

/// The ten expectation texts of the source page (skill-page.txt), by role
/// then level: the reference when the page itself is not at hand.
const SEED_TEXTS: [[&str; 5]; 2] = [
    [
        "Works with PyTorch or TensorFlow for training deep learning models. Creates Dataset/DataLoader, builds models via nn.Module or Sequential API. Trains models with basic training loops, logs loss and metrics.",
        "Independently develops DL models in PyTorch/TensorFlow for production. Uses PyTorch Lightning or Keras for structuring training code. Applies transfer learning, learning rate scheduling, gradient clipping. Works with GPU training.",
        "Designs production DL systems with PyTorch/TensorFlow. Optimizes training through mixed precision, distributed training (DDP/FSDP), gradient checkpointing. Exports models to ONNX/TorchScript for optimized inference.",
        "Defines DL framework strategy for the data science team. Establishes training infrastructure standards and best practices. Coordinates GPU resource management and distributed training setup for the team.",
        "Shapes DL framework strategy at organizational level. Defines investments in GPU/TPU infrastructure. Evaluates emerging frameworks (JAX, MLX) and plans long-term technology decisions for DL development.",
    ],
    [
        "Knows PyTorch basics: tensors, autograd, nn.Module, DataLoader. Uses PyTorch for training simple models and pre-trained LLM inference via Hugging Face Transformers.",
        "Independently develops with PyTorch for LLM: custom datasets, training loops, mixed precision (torch.amp). Uses Hugging Face Accelerate for multi-GPU training and inference.",
        "Designs advanced PyTorch components for LLM: custom attention layers, efficient inference via torch.compile, CUDA graphs. Optimizes training and inference performance at the framework level.",
        "Defines PyTorch best practices for the LLM team. Establishes framework usage guidelines, custom extensions, performance optimization. Conducts PyTorch code reviews.",
        "Shapes enterprise PyTorch strategy for ML/LLM organizations. Defines approaches to framework management, custom op development, and hardware-specific optimization strategies.",
    ],
];

const ROLES: [(&str, &str); 2] = [
    ("data-scientist", "Data Scientist"),
    ("llm-engineer", "LLM Engineer"),
];
const LEVELS: [&str; 5] = ["Junior", "Middle", "Senior", "Lead", "Principal"];

/// The texts of the page's tables for one role, in level order.
fn page_texts(page: &str, role: &str) -> Vec<String> {
    let prefix = format!("| {role} | ");
    page.lines()
        .filter_map(|l| l.strip_prefix(prefix.as_str()))
        .map(|rest| rest.split(" |").next().unwrap().to_string())
        .collect()
}

#[test]
fn hard_coded_reference_matches_the_seed_page_when_present() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/skill-page.txt");
    let Ok(page) = std::fs::read_to_string(&path) else {
        eprintln!("{} not found; using the texts in this file", path.display());
        return;
    };
    for (r, (_, role)) in ROLES.iter().enumerate() {
        assert_eq!(page_texts(&page, role), SEED_TEXTS[r], "{role}");
    }
}

#[test]
fn deep_learning_holds_the_seed_texts_verbatim() {
    let c = embedded();
    let s = &c.skills[c.skill_index("deep-learning").expect("deep-learning skill")];
    assert_eq!(s.name, "Deep Learning");
    assert_eq!(c.domain_of(s).name, "Machine Learning & AI");
    assert_eq!(
        s.updated.map(|d| d.to_string()).as_deref(),
        Some("2026-02-22")
    );
    let levels: Vec<&str> = c.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(levels, LEVELS);
    for (r, (id, name)) in ROLES.iter().enumerate() {
        let role = c.role_index(id).unwrap();
        assert_eq!(c.roles[role].name, *name);
        for (l, want) in SEED_TEXTS[r].iter().enumerate() {
            let cell = s.cell(role, l).unwrap_or_else(|| panic!("{id} at {l}"));
            assert_eq!(&*cell.text, *want, "{id} at {}", LEVELS[l]);
            assert_eq!(cell.necessity, Necessity::Optional);
        }
    }
    // The page's counts: 2 roles, 5 levels, 0 required, 10 optional.
    let n = c.skill_counts(s);
    assert_eq!((n.roles, n.levels, n.required, n.optional), (2, 5, 0, 10));
}

#[test]
fn default_catalog_is_broad() {
    let c = embedded();
    assert!(c.skills.len() >= 24, "only {} skills", c.skills.len());
    let used: BTreeSet<usize> = c.skills.iter().map(|s| s.domain).collect();
    assert!(used.len() >= 4, "skills in only {} domains", used.len());
    assert_eq!(c.roles.len(), 2);
    for role in 0..c.roles.len() {
        assert!(!c.profile(role).is_empty());
    }
    // Every skill has at least one expectation, and
    // every text is clean.
    for s in &c.skills {
        assert!(s.expectations().next().is_some(), "{} is empty", s.id);
        for (_, _, cell) in s.expectations() {
            assert!(!cell.text.trim().is_empty());
            assert!(!cell.text.chars().any(rungs::catalog::is_forbidden));
        }
    }
}

#[test]
fn embedded_files_are_what_init_writes() {
    let files = rungs::catalog::embedded_files();
    assert!(files.iter().any(|(p, _)| p == Path::new("catalog.toml")));
    let skills = files
        .iter()
        .filter(|(p, _)| {
            p.extension().is_some_and(|e| e == "toml") && p != Path::new("catalog.toml")
        })
        .count();
    assert_eq!(skills, embedded().skills.len());
}
