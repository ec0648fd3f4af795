//! The texts of every file under `fixtures/`, for unit tests that compare
//! two ways of computing the same thing (prebuilt automata against the regex
//! engine, a split pattern against the whole) on realistic messages.

/// Every readable file under `fixtures/`, in path order.
pub(crate) fn texts() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect()
}
