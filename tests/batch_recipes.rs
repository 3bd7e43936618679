//! The README's recipes for schedulers (`examples/batch/`): the shell scripts parse, the
//! Slurm script and the GNU parallel script, run as their schedulers would run them,
//! convert a whole archive exactly once between their shards, and the Kubernetes manifest
//! is a well-formed Indexed Job whose shard count matches its completions.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::shared::skip_or_fail;

fn recipe(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/batch")
        .join(name)
}

/// PATH with the built `brief2md` first, as an installed command would be.
fn path_with_brief2md() -> std::ffi::OsString {
    let bin = assert_cmd::cargo::cargo_bin("brief2md");
    let mut paths = vec![bin.parent().unwrap().to_path_buf()];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(paths).unwrap()
}

/// An archive of 12 copies of one of our small PDFs in nested folders with spaces in
/// their names (the recipes select the default `*.pdf`).
fn archive(root: &Path) -> usize {
    let pdf = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/devbench/docs/v04_herders/input/v04_herders__latex.pdf"),
    )
    .unwrap();
    for i in 0..12 {
        let path = root.join(format!("box {}/file {i}.pdf", i % 3));
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, &pdf).unwrap();
    }
    12
}

fn outputs(out: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for dir in fs::read_dir(out).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            for f in fs::read_dir(&dir).unwrap() {
                let f = f.unwrap().path();
                found.insert(f.strip_prefix(out).unwrap().display().to_string());
            }
        }
    }
    found
}

fn manifest_paths(out: &Path) -> Vec<String> {
    let mut paths = Vec::new();
    for entry in fs::read_dir(out).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with("brief2md-manifest.shard-") {
            for line in fs::read_to_string(out.join(&name)).unwrap().lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                assert_eq!(v["status"], "ok", "{line}");
                paths.push(v["path"].as_str().unwrap().to_string());
            }
        }
    }
    paths.sort();
    paths
}

#[test]
fn shell_recipes_parse() {
    for name in ["parallel.sh", "slurm.sh"] {
        let status = Command::new("bash")
            .arg("-n")
            .arg(recipe(name))
            .status()
            .unwrap();
        assert!(status.success(), "{name} does not parse");
    }
}

#[test]
fn the_slurm_array_script_converts_every_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let archive_dir = dir.path().join("archive");
    let n = archive(&archive_dir);
    let out = dir.path().join("out");
    for task in 0..4 {
        // What Slurm sets for array task `task` of `--array=0-3` with 2 CPUs a task.
        let status = Command::new("bash")
            .arg(recipe("slurm.sh"))
            .env("PATH", path_with_brief2md())
            .env("ARCHIVE", &archive_dir)
            .env("OUT", &out)
            .env("SLURM_ARRAY_TASK_ID", task.to_string())
            .env("SLURM_ARRAY_TASK_COUNT", "4")
            .env("SLURM_CPUS_PER_TASK", "2")
            .output()
            .unwrap();
        assert!(status.status.success(), "task {task}: {status:?}");
    }
    assert_eq!(outputs(&out).len(), n);
    let paths = manifest_paths(&out);
    assert_eq!(paths.len(), n);
    assert_eq!(paths.iter().collect::<BTreeSet<_>>().len(), n, "each once");
}

#[test]
fn the_gnu_parallel_script_converts_every_file_once() {
    if Command::new("parallel").arg("--version").output().is_err() {
        skip_or_fail("GNU parallel is not installed (apt-get install parallel)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let archive_dir = dir.path().join("archive");
    let n = archive(&archive_dir);
    let out = dir.path().join("out");
    let run = Command::new("bash")
        .arg(recipe("parallel.sh"))
        .arg(&archive_dir)
        .arg(&out)
        .env("PATH", path_with_brief2md())
        .env("SHARDS", "5")
        .env("JOBS", "2")
        .env("PARALLEL_HOME", dir.path().join("parallel-home"))
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    assert_eq!(outputs(&out).len(), n);
    assert_eq!(manifest_paths(&out).len(), n);
    assert_eq!(
        fs::read_dir(&out)
            .unwrap()
            .filter(|e| {
                let e = e.as_ref().unwrap().file_name();
                e.to_string_lossy().starts_with("brief2md-manifest.shard-")
            })
            .count(),
        5
    );
}

#[test]
fn the_kubernetes_manifest_is_an_indexed_job_with_matching_shards() {
    let text = fs::read_to_string(recipe("kubernetes-job.yaml")).unwrap();
    let job: serde_norway::Value = serde_norway::from_str(&text).unwrap();
    assert_eq!(job["apiVersion"].as_str(), Some("batch/v1"));
    assert_eq!(job["kind"].as_str(), Some("Job"));
    let spec = &job["spec"];
    assert_eq!(spec["completionMode"].as_str(), Some("Indexed"));
    let completions = spec["completions"].as_u64().unwrap();
    let pod = &spec["template"]["spec"];
    assert_eq!(pod["restartPolicy"].as_str(), Some("Never"));
    let container = &pod["containers"][0];
    let command: Vec<&str> = container["command"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let script = command.last().unwrap();
    assert!(
        script.contains(&format!("--shard \"$JOB_COMPLETION_INDEX/{completions}\"")),
        "{script}"
    );
    assert!(script.contains("--resume"), "{script}");
    // The folded command is one shell line that sh can parse.
    let status = Command::new("sh")
        .args(["-n", "-c", script])
        .status()
        .unwrap();
    assert!(status.success(), "{script}");
    let mounts: Vec<&str> = container["volumeMounts"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    let volumes: Vec<&str> = pod["volumes"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    assert_eq!(mounts, volumes, "every mount has its volume");
}
