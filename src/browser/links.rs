//! Links made in the browser: the core prepares what a link carries, the browser compresses
//! it with its own raw DEFLATE (`CompressionStream("deflate-raw")`), the core makes the token
//! and reads it back. No DEFLATE compressor is compiled into the wasm (#20): the core's is
//! the CLI's. Reading a link keeps the core's inflater, whose limit and typed errors are the
//! decoder's, and which checks here that the browser's bytes give the content back.

use fabrique_core::link::{self, EncodeError, Snapshot, Uncompressed};
use fabrique_core::review::{self, Review};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The Compression Streams standard's compressor (not in web-sys' stable API).
    type CompressionStream;

    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    #[wasm_bindgen(method, getter)]
    fn readable(this: &CompressionStream) -> web_sys::ReadableStream;

    #[wasm_bindgen(method, getter)]
    fn writable(this: &CompressionStream) -> web_sys::WritableStream;
}

/// Why the app made no link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkFailure {
    /// What the link would carry is refused: it would not open (too long, out of bounds).
    Refused(EncodeError),
    /// The browser could not compress it (too old for the Compression Streams, or it
    /// failed); the text is the browser's.
    Browser(String),
}

/// What a JavaScript exception says, for the record (never shown raw to a user).
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

/// `bytes` in raw DEFLATE, by the browser.
pub async fn deflate_raw(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let compressor = CompressionStream::new("deflate-raw").map_err(|error| describe(&error))?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob =
        web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|error| describe(&error))?;
    let pair = web_sys::ReadableWritablePair::new(&compressor.readable(), &compressor.writable());
    let compressed = blob.stream().pipe_through(&pair);
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&compressed))
        .map_err(|error| describe(&error))?;
    let buffer = response.array_buffer().map_err(|error| describe(&error))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|error| describe(&error))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Compresses a link's content and finishes its token with `finish`.
async fn made(
    content: Result<Uncompressed, EncodeError>,
    finish: fn(&Uncompressed, &[u8]) -> Result<String, EncodeError>,
) -> Result<String, LinkFailure> {
    let content = content.map_err(LinkFailure::Refused)?;
    let compressed = deflate_raw(content.bytes())
        .await
        .map_err(LinkFailure::Browser)?;
    finish(&content, &compressed).map_err(LinkFailure::Refused)
}

/// The share link of a snapshot (the dossier without its reviews), made only when it opens.
pub async fn snapshot_link(app_address: &str, snapshot: &Snapshot) -> Result<String, LinkFailure> {
    let token = made(link::prepare(snapshot), link::finish).await?;
    link::whole_link(app_address, &token).map_err(LinkFailure::Refused)
}

/// The reply link of a partner's review, made only when it opens.
pub async fn reply_link(app_address: &str, review: &Review) -> Result<String, LinkFailure> {
    let token = made(review::prepare(review), review::finish).await?;
    link::whole_link(app_address, &token).map_err(LinkFailure::Refused)
}
