//! Synthetic directory catalogs for benchmarks and manual testing.
//!
//! Not part of rungs itself: the benches include this file with
//! `#[path = "support/generate.rs"] mod generate;` and the `gen_catalog`
//! example does the same, so there is one generator.
//!
//! A catalog of `n` skills has 5 levels (junior … principal), 2 roles and 20
//! domains. Skill `i` lives in `skills/<domain>/part-<i / 1000>/<id>.toml`
//! and has a text for both roles at all five levels, each about 200
//! characters long, made from a few hundred technical words plus generated
//! identifiers (`svc-k3f`, `orders_v812`…) whose number grows with `n`, so
//! the search vocabulary grows with the catalog as it would in real life.
//! Necessity is required from some level up (or never), per role, and
//! consecutive levels open with different verbs, so a generated catalog
//! loads with no warning at all.
//!
//! Everything is deterministic: skill `i` is made from its own SplitMix64
//! stream, so the same `(i, n)` always gives the same file, and files can be
//! written in parallel.

// Each includer uses a different part of this module.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Bump when the output changes, so cached catalogs are made again.
const GENERATOR_VERSION: &str = "rungs-bench-catalog v1";

/// Marker written last into a cached catalog; hidden, so the loader skips it.
const MARKER: &str = ".generated";

/// The catalog sizes the benchmarks use.
pub const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

const SEED: u64 = 0x5eed_c0ff_ee42_0f0f;

/// SplitMix64: tiny, fast, good enough for synthetic text.
struct Rng(u64);

impl Rng {
    fn new(stream: u64) -> Self {
        let mut r = Rng(SEED ^ stream.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

pub const LEVELS: [(&str, &str, &str); 5] = [
    (
        "junior",
        "Junior",
        "Delivers well-scoped tasks with guidance and review.",
    ),
    (
        "middle",
        "Middle",
        "Works independently on features and owns their quality.",
    ),
    (
        "senior",
        "Senior",
        "Designs systems and grows the people around them.",
    ),
    (
        "lead",
        "Lead",
        "Sets standards for a team and coordinates its technical work.",
    ),
    (
        "principal",
        "Principal",
        "Shapes technical strategy across the organisation.",
    ),
];

pub const ROLES: [(&str, &str, &str); 2] = [
    (
        "backend-engineer",
        "Backend Engineer",
        "Builds and runs the services and APIs behind the product.",
    ),
    (
        "data-engineer",
        "Data Engineer",
        "Builds the pipelines, warehouses and contracts that data flows through.",
    ),
];

pub const DOMAINS: [(&str, &str); 20] = [
    ("data-engineering", "Data Engineering"),
    ("ml-ai", "Machine Learning & AI"),
    ("backend", "Backend Services"),
    ("frontend", "Frontend"),
    ("platform", "Platform Engineering"),
    ("reliability", "Reliability & Operations"),
    ("observability", "Observability"),
    ("security", "Security"),
    ("databases", "Databases & Storage"),
    ("cloud", "Cloud Infrastructure"),
    ("delivery", "Build & Delivery"),
    ("testing", "Testing & Quality"),
    ("architecture", "Architecture"),
    ("analytics", "Analytics"),
    ("llm-apps", "LLM Applications"),
    ("networking", "Networking"),
    ("performance", "Performance"),
    ("product", "Product Thinking"),
    ("communication", "Communication"),
    ("leadership", "Leadership & Mentoring"),
];

/// Openers, one disjoint set per level, so consecutive texts always differ.
const OPENERS: [&[&str]; 5] = [
    &[
        "Learns to work with",
        "Follows the team's guides for",
        "Writes small changes to",
        "Reads and runs",
        "Fixes simple bugs in",
        "Asks for review of changes to",
        "Uses existing tools for",
        "Documents what they learn about",
    ],
    &[
        "Builds and maintains",
        "Owns the day-to-day work on",
        "Implements and tests",
        "Debugs and extends",
        "Independently delivers",
        "Monitors and tunes",
        "Automates routine work on",
        "Reviews peers' changes to",
    ],
    &[
        "Designs",
        "Optimises the cost and latency of",
        "Refactors and simplifies",
        "Leads the technical design of",
        "Chooses trade-offs for",
        "Sets up reliable foundations for",
        "Mentors others on",
        "Investigates hard failures in",
    ],
    &[
        "Sets team standards for",
        "Coordinates several teams around",
        "Plans the roadmap of",
        "Drives adoption of shared practices for",
        "Aligns stakeholders on",
        "Grows the team's expertise in",
        "Decides priorities for",
        "Runs reviews and retrospectives about",
    ],
    &[
        "Shapes the organisation's strategy for",
        "Defines the long-term architecture of",
        "Guides investment in",
        "Sets direction across departments for",
        "Represents the company externally on",
        "Anticipates industry shifts in",
        "Makes build-versus-buy decisions about",
        "Evaluates the long-term risks of",
    ],
];

const ADJECTIVES: &[&str] = &[
    "reliable",
    "idempotent",
    "incremental",
    "scalable",
    "observable",
    "versioned",
    "reproducible",
    "secure",
    "cost-aware",
    "low-latency",
    "fault-tolerant",
    "well-tested",
    "documented",
    "backward-compatible",
    "distributed",
    "real-time",
    "batch",
    "streaming",
    "shared",
    "critical",
    "multi-tenant",
    "stateless",
    "stateful",
    "event-driven",
    "containerised",
    "serverless",
    "regional",
    "high-throughput",
    "auditable",
    "deterministic",
    "typed",
    "asynchronous",
    "transactional",
    "partitioned",
    "encrypted",
    "automated",
    "federated",
    "declarative",
    "resilient",
    "maintainable",
    "modular",
    "portable",
    "compliant",
    "accessible",
    "internal",
    "public",
    "legacy",
    "experimental",
];

const NOUNS: &[&str] = &[
    "data pipelines",
    "schemas",
    "dashboards",
    "feature stores",
    "batch jobs",
    "streaming jobs",
    "data contracts",
    "retries",
    "backfills",
    "partitions",
    "indexes",
    "queries",
    "migrations",
    "deployments",
    "rollbacks",
    "alerts",
    "runbooks",
    "incidents",
    "SLOs",
    "latency budgets",
    "test suites",
    "fixtures",
    "embeddings",
    "prompts",
    "evaluations",
    "checkpoints",
    "experiments",
    "hyperparameters",
    "datasets",
    "labels",
    "annotations",
    "APIs",
    "endpoints",
    "caches",
    "queues",
    "topics",
    "consumers",
    "producers",
    "containers",
    "clusters",
    "nodes",
    "quotas",
    "budgets",
    "permissions",
    "secrets",
    "audit logs",
    "lineage",
    "metadata",
    "catalogs",
    "warehouses",
    "data lakes",
    "models",
    "training runs",
    "inference servers",
    "feature flags",
    "release trains",
    "code reviews",
    "design documents",
    "postmortems",
    "on-call rotations",
    "capacity plans",
    "load tests",
    "benchmarks",
    "profiles",
    "traces",
    "metrics",
    "logs",
    "service meshes",
    "gateways",
    "load balancers",
    "certificates",
    "access policies",
    "tenants",
    "replicas",
    "snapshots",
    "backups",
    "schedulers",
    "workflows",
    "notebooks",
    "reports",
    "interfaces",
    "libraries",
    "SDKs",
    "client libraries",
    "build scripts",
    "artifacts",
    "images",
    "manifests",
    "environments",
    "sandboxes",
    "vector indexes",
    "retrieval pipelines",
    "guardrails",
    "fine-tuning jobs",
    "tokenizers",
    "GPU pools",
    "cost reports",
    "error budgets",
    "health checks",
    "dependency upgrades",
    "data quality checks",
    "anomaly detectors",
    "service contracts",
    "state machines",
    "event schemas",
    "message formats",
    "connection pools",
    "rate limiters",
    "circuit breakers",
    "hotfixes",
    "estimates",
    "roadmaps",
    "interviews",
    "onboarding guides",
];

const TOOLS: &[&str] = &[
    "Kafka",
    "Spark",
    "Flink",
    "Airflow",
    "dbt",
    "Dagster",
    "Postgres",
    "MySQL",
    "ClickHouse",
    "BigQuery",
    "Snowflake",
    "Redshift",
    "DuckDB",
    "Parquet",
    "Iceberg",
    "Delta Lake",
    "Kubernetes",
    "Helm",
    "Terraform",
    "Docker",
    "Prometheus",
    "Grafana",
    "OpenTelemetry",
    "Jaeger",
    "PyTorch",
    "TensorFlow",
    "JAX",
    "scikit-learn",
    "XGBoost",
    "LightGBM",
    "MLflow",
    "Ray",
    "vLLM",
    "Triton",
    "ONNX",
    "Redis",
    "Elasticsearch",
    "gRPC",
    "GraphQL",
    "REST",
    "Git",
    "GitHub Actions",
    "Jenkins",
    "Argo CD",
    "pandas",
    "Polars",
    "NumPy",
    "FastAPI",
    "Django",
    "Rust",
    "Go",
    "Python",
    "Java",
    "Scala",
    "TypeScript",
    "SQL",
    "Bash",
    "Linux",
    "AWS",
    "GCP",
    "Azure",
    "S3",
    "Lambda",
    "Cassandra",
    "MongoDB",
    "FAISS",
    "pgvector",
    "Hugging Face",
    "torch.compile",
    "DDP/FSDP",
    "CUDA",
    "Envoy",
    "Nginx",
    "Istio",
    "Vault",
    "OAuth",
    "Protobuf",
    "Avro",
    "JSON Schema",
    "OpenAPI",
    "Bazel",
    "Pulumi",
    "Datadog",
    "Sentry",
    "PagerDuty",
    "Looker",
    "Superset",
    "Tableau",
    "Jupyter",
    "Pydantic",
    "SQLAlchemy",
    "Celery",
    "RabbitMQ",
    "NATS",
    "etcd",
    "Consul",
    "Nomad",
    "WebAssembly",
    "React",
    "Node.js",
];

const CONNECTORS: &[&str] = &[
    "with",
    "using",
    "on top of",
    "through",
    "alongside",
    "built on",
    "backed by",
    "running on",
];

const PURPOSES: &[&str] = &[
    "so that releases stay safe",
    "to keep costs predictable",
    "for faster feedback",
    "before each release",
    "across teams",
    "in production",
    "under peak load",
    "during on-call shifts",
    "with clear ownership",
    "without data loss",
    "within the error budget",
    "for auditors and regulators",
    "so that analysts trust the numbers",
    "to cut time to recovery",
    "while keeping latency low",
    "for the next planning cycle",
    "and explains the trade-offs",
    "and writes down the decisions",
    "and shares lessons learnt",
    "with measurable outcomes",
];

const FOLLOW_UPS: &[&str] = &[
    "Checks",
    "Measures",
    "Tracks",
    "Explains",
    "Validates",
    "Reviews",
    "Improves",
    "Replaces",
    "Migrates",
    "Hardens",
    "Simplifies",
    "Profiles",
    "Isolates",
    "Documents",
    "Automates",
    "Standardises",
];

const TOPICS: &[&str] = &[
    "Data Pipelines",
    "Stream Processing",
    "Query Optimisation",
    "Schema Design",
    "Model Serving",
    "Feature Engineering",
    "Incident Response",
    "Capacity Planning",
    "Release Engineering",
    "API Design",
    "Access Control",
    "Secrets Management",
    "Cost Management",
    "Data Modelling",
    "Data Quality",
    "Experiment Tracking",
    "Model Evaluation",
    "Prompt Engineering",
    "Retrieval Augmentation",
    "Fine-Tuning",
    "Distributed Training",
    "Load Testing",
    "Integration Testing",
    "Contract Testing",
    "Performance Profiling",
    "Caching Strategies",
    "Message Queues",
    "Service Discovery",
    "Infrastructure as Code",
    "Container Orchestration",
    "Continuous Delivery",
    "Code Review",
    "Technical Writing",
    "Stakeholder Communication",
    "Mentoring",
    "Hiring & Interviewing",
    "Project Estimation",
    "Architecture Decisions",
    "Disaster Recovery",
    "Backup & Restore",
    "Database Migrations",
    "Replication",
    "Sharding",
    "Indexing",
    "Observability",
    "Alerting",
    "Tracing",
    "Logging",
    "Dashboards",
    "Data Governance",
    "Privacy Engineering",
    "Threat Modelling",
    "Vulnerability Management",
    "Dependency Management",
    "Build Systems",
    "Workflow Orchestration",
    "Batch Processing",
    "Vector Search",
    "Embedding Pipelines",
    "GPU Scheduling",
    "Inference Optimisation",
    "Rate Limiting",
    "Resilience Patterns",
    "Event Sourcing",
    "Domain Modelling",
    "Accessibility",
    "Localisation",
    "Feature Flags",
    "On-Call Practice",
    "Postmortems",
    "Roadmapping",
    "Technical Debt",
];

const TAGS: &[&str] = &[
    "sql",
    "python",
    "rust",
    "go",
    "java",
    "kafka",
    "spark",
    "airflow",
    "dbt",
    "kubernetes",
    "terraform",
    "docker",
    "aws",
    "gcp",
    "azure",
    "postgres",
    "redis",
    "pytorch",
    "llm",
    "rag",
    "gpu",
    "mlops",
    "observability",
    "security",
    "testing",
    "ci",
    "cd",
    "performance",
    "reliability",
    "cost",
    "privacy",
    "compliance",
    "architecture",
    "api",
    "grpc",
    "graphql",
    "streaming",
    "batch",
    "warehouse",
    "lakehouse",
    "analytics",
    "dashboards",
    "leadership",
    "mentoring",
    "communication",
    "hiring",
    "planning",
    "documentation",
    "on-call",
    "incident",
    "frontend",
    "backend",
    "networking",
    "storage",
    "caching",
    "search",
    "vector-db",
    "fine-tuning",
    "evaluation",
    "data-quality",
];

/// Prefixes of generated identifiers: service, table, job and metric names.
const IDENT_PREFIXES: &[&str] = &[
    "svc-",
    "orders_v",
    "job-",
    "tbl_events_",
    "metric.",
    "queue-",
    "bucket-",
    "model-v",
    "topic.",
    "etl_",
];

/// A generated identifier, from a pool whose size grows with `n`.
fn identifier(rng: &mut Rng, n: usize) -> String {
    let prefix = rng.pick(IDENT_PREFIXES);
    let k = rng.below(n / 2 + 16);
    format!("{prefix}{}", base36(k * 7 + 3))
}

fn base36(mut k: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[k % 36]);
        k /= 36;
        if k == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// An expectation text of about 200 characters for one level.
fn expectation(rng: &mut Rng, level: usize, n: usize) -> String {
    let mut text = String::with_capacity(260);
    // The opening sentence carries the level's verb.
    let _ = write!(
        text,
        "{} {} {} {} {} {}.",
        rng.pick(OPENERS[level]),
        rng.pick(ADJECTIVES),
        rng.pick(NOUNS),
        rng.pick(CONNECTORS),
        rng.pick(TOOLS),
        rng.pick(PURPOSES),
    );
    while text.len() < 170 {
        text.push(' ');
        match rng.below(3) {
            0 => {
                let _ = write!(
                    text,
                    "{} {} {} in {} {}.",
                    rng.pick(FOLLOW_UPS),
                    rng.pick(ADJECTIVES),
                    rng.pick(NOUNS),
                    identifier(rng, n),
                    rng.pick(PURPOSES),
                );
            }
            1 => {
                let _ = write!(
                    text,
                    "{} {} and {} {} {}.",
                    rng.pick(FOLLOW_UPS),
                    rng.pick(NOUNS),
                    rng.pick(NOUNS),
                    rng.pick(CONNECTORS),
                    rng.pick(TOOLS),
                );
            }
            _ => {
                let _ = write!(
                    text,
                    "{} {} {} for {}.",
                    rng.pick(FOLLOW_UPS),
                    rng.pick(TOOLS),
                    rng.pick(NOUNS),
                    identifier(rng, n),
                );
            }
        }
    }
    text
}

fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `catalog.toml`: title, levels, roles and domains.
pub fn catalog_toml(n: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Synthetic catalog of {n} skills, made by gen_catalog."
    );
    let _ = writeln!(out, "title = {}\n", quote(&format!("Synthetic {n}")));
    for (id, name, summary) in LEVELS {
        let _ = writeln!(
            out,
            "[[levels]]\nid = {}\nname = {}\nsummary = {}\n",
            quote(id),
            quote(name),
            quote(summary)
        );
    }
    for (id, name, summary) in ROLES {
        let _ = writeln!(
            out,
            "[[roles]]\nid = {}\nname = {}\nsummary = {}\n",
            quote(id),
            quote(name),
            quote(summary)
        );
    }
    for (id, name) in DOMAINS {
        let _ = writeln!(
            out,
            "[[domains]]\nid = {}\nname = {}\n",
            quote(id),
            quote(name)
        );
    }
    out
}

/// A one-file catalog of `n` tiny skills: the root of [`catalog_toml`],
/// then `n` `[[skills]]` tables of an id, a name, a domain and two short
/// cells each (about 80 bytes a skill). This is the shape whose per-skill
/// parsing overhead issue 16 measured (100,000 skills, 7.9 MB).
#[allow(dead_code)] // not every user of this module writes one
pub fn tiny_one_file(n: usize) -> String {
    let mut out = catalog_toml(n);
    out.reserve(n * 90);
    for i in 0..n {
        let domain = DOMAINS[i % DOMAINS.len()].0;
        let _ = writeln!(
            out,
            "[[skills]]\nid = \"s{i}\"\nname = \"Skill {i}\"\ndomain = {}\n\
             [skills.expectations.{}]\n{} = \"Does {i}.\"\n{} = \"Leads {i}.\"\n",
            quote(domain),
            ROLES[0].0,
            LEVELS[0].0,
            LEVELS[1].0,
        );
    }
    out
}

/// Skill `i` of a catalog of `n` skills: its path relative to the catalog
/// root, and its file.
pub fn skill_file(i: usize, n: usize) -> (PathBuf, String) {
    let mut rng = Rng::new(i as u64);
    let topic = rng.pick(TOPICS);
    let name = if rng.chance(70) {
        format!("{} {topic}", rng.pick(TOOLS))
    } else {
        topic.to_string()
    };
    let id = format!("{}-{i}", slug(&name));
    let domain = DOMAINS[rng.below(DOMAINS.len())].0;

    let mut out = String::with_capacity(3000);
    let _ = writeln!(out, "id = {}", quote(&id));
    let _ = writeln!(out, "name = {}", quote(&name));
    let _ = writeln!(out, "domain = {}", quote(domain));
    let _ = writeln!(
        out,
        "summary = {}",
        quote(&format!(
            "{} {} {}: {} {} {}.",
            topic,
            rng.pick(CONNECTORS),
            rng.pick(TOOLS),
            rng.pick(ADJECTIVES),
            rng.pick(NOUNS),
            rng.pick(PURPOSES)
        ))
    );
    let want = 2 + rng.below(3);
    let mut tags: Vec<&str> = Vec::with_capacity(want);
    while tags.len() < want {
        let t = rng.pick(TAGS);
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    let tags: Vec<String> = tags.iter().map(|t| quote(t)).collect();
    let _ = writeln!(out, "tags = [{}]", tags.join(", "));
    let _ = writeln!(
        out,
        "updated = {:04}-{:02}-{:02}",
        2023 + rng.below(4),
        1 + rng.below(12),
        1 + rng.below(28)
    );
    for (role, _, _) in ROLES {
        // Required from this level up; LEVELS.len() (and above) means never.
        let required_from = rng.below(LEVELS.len() + 2);
        let _ = writeln!(out, "\n[expectations.{role}]");
        for (l, (level, _, _)) in LEVELS.iter().enumerate() {
            let text = quote(&expectation(&mut rng, l, n));
            if l >= required_from {
                let _ = writeln!(
                    out,
                    "{level} = {{ text = {text}, necessity = \"required\" }}"
                );
            } else {
                let _ = writeln!(out, "{level} = {text}");
            }
        }
    }
    let path = Path::new("skills")
        .join(domain)
        .join(format!("part-{:03}", i / 1000))
        .join(format!("{id}.toml"));
    (path, out)
}

/// Writes a catalog of `n` skills into `dir`, which is created if missing.
/// Files are written by one thread per core.
pub fn write_catalog(dir: &Path, n: usize) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    fs::write(dir.join("catalog.toml"), catalog_toml(n))?;
    let threads = std::thread::available_parallelism().map_or(1, |p| p.get().min(8));
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || -> io::Result<()> {
                    for i in (t..n).step_by(threads) {
                        let (rel, text) = skill_file(i, n);
                        let path = dir.join(rel);
                        if let Some(parent) = path.parent() {
                            fs::create_dir_all(parent)?;
                        }
                        fs::write(path, text)?;
                    }
                    Ok(())
                })
            })
            .collect();
        workers.into_iter().try_for_each(|w| {
            w.join()
                .unwrap_or_else(|_| Err(io::Error::other("writer panicked")))
        })
    })
}

/// Where generated catalogs are cached: `target/bench-catalogs` (or under
/// `$CARGO_TARGET_DIR`).
pub fn cache_root() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
        .join("bench-catalogs")
}

/// The cached catalog of `n` skills, `target/bench-catalogs/<n>/`,
/// generated first if it is missing or was made by another version of this
/// generator. Generation goes to a temporary folder renamed at the end, so
/// an interrupted run never leaves a half catalog that looks complete.
pub fn cached(n: usize) -> io::Result<PathBuf> {
    let root = cache_root();
    let dir = root.join(n.to_string());
    let stamp = format!("{GENERATOR_VERSION} n={n}\n");
    if fs::read_to_string(dir.join(MARKER)).is_ok_and(|s| s == stamp) {
        return Ok(dir);
    }
    eprintln!(
        "generating a {n}-skill catalog in {} (cached for later runs)…",
        dir.display()
    );
    let started = std::time::Instant::now();
    let tmp = root.join(format!("{n}.tmp-{}", std::process::id()));
    if tmp.exists() {
        fs::remove_dir_all(&tmp)?;
    }
    write_catalog(&tmp, n)?;
    fs::write(tmp.join(MARKER), stamp)?;
    if dir.exists() {
        fs::remove_dir_all(&dir)?;
    }
    fs::rename(&tmp, &dir)?;
    eprintln!("  done in {:.1} s", started.elapsed().as_secs_f64());
    Ok(dir)
}
