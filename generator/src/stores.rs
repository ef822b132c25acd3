//! Which store the forms use: the embedded one under the site's root (the default of
//! `portal serve`), or DynamoDB with the usual AWS settings.

use std::path::Path;
use std::sync::Arc;

use portal_forms::store::{DynamoStore, EmbeddedStore, Store, chain};

/// The default folder of the embedded store, kept out of git by `.gitignore`.
pub const DATA_DIR: &str = ".portal";

/// Opens the embedded store in `data` (default `ROOT/.portal`).
pub fn embedded(root: &Path, data: Option<&Path>) -> anyhow::Result<Arc<dyn Store>> {
    let dir = data.map_or_else(|| root.join(DATA_DIR), Path::to_path_buf);
    let path = dir.join("store.sqlite");
    // The whole chain: what SQLite said is in the sources.
    let store = EmbeddedStore::open(&path)
        .map_err(|e| anyhow::anyhow!("{} : {}", path.display(), chain(&e)))?;
    Ok(Arc::new(store))
}

/// Connects to DynamoDB with the usual AWS settings (`AWS_REGION`, credentials,
/// `AWS_ENDPOINT_URL_DYNAMODB`); the table is `PORTAL_TABLE`, `portal` by default.
pub async fn dynamodb() -> anyhow::Result<Arc<dyn Store>> {
    Ok(Arc::new(DynamoStore::from_env().await?))
}
