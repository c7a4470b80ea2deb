/// The media type of a file part, guessed from its name's extension as browsers and Python's
/// `mimetypes` do: servers such as CVAT look at the part's type as well as its name.
enum FileMediaTypes {
    /// `application/octet-stream` when the extension is missing or unknown.
    static func mediaType(forFileName fileName: String) -> String {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else {
            return MediaType.octetStream
        }
        let fileExtension = fileName[fileName.index(after: dot)...].lowercased()
        return byExtension[fileExtension] ?? MediaType.octetStream
    }

    /// Common image, video, audio, archive, document and data types (IANA names; where
    /// Python's `mimetypes` differs, the IANA name is used).
    static let byExtension: [String: String] = [
        // Images
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "jpe": "image/jpeg", "png": "image/png", "gif": "image/gif",
        "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff", "webp": "image/webp", "svg": "image/svg+xml",
        "ico": "image/vnd.microsoft.icon", "heic": "image/heic", "heif": "image/heif", "avif": "image/avif",
        "jp2": "image/jp2", "pbm": "image/x-portable-bitmap", "pgm": "image/x-portable-graymap",
        "ppm": "image/x-portable-pixmap", "pcd": "image/x-photo-cd",
        // Video
        "mp4": "video/mp4", "m4v": "video/mp4", "mov": "video/quicktime", "avi": "video/x-msvideo",
        "mkv": "video/x-matroska", "webm": "video/webm", "mpeg": "video/mpeg", "mpg": "video/mpeg",
        "wmv": "video/x-ms-wmv", "flv": "video/x-flv", "3gp": "video/3gpp", "ts": "video/mp2t",
        // Audio
        "mp3": "audio/mpeg", "wav": "audio/wav", "ogg": "audio/ogg", "oga": "audio/ogg", "flac": "audio/flac",
        "m4a": "audio/mp4", "aac": "audio/aac", "opus": "audio/opus",
        // Archives
        "zip": "application/zip", "tar": "application/x-tar", "gz": "application/gzip", "tgz": "application/gzip",
        "bz2": "application/x-bzip2", "xz": "application/x-xz", "7z": "application/x-7z-compressed",
        "rar": "application/vnd.rar", "zst": "application/zstd",
        // Documents
        "pdf": "application/pdf", "txt": "text/plain", "md": "text/markdown", "html": "text/html",
        "htm": "text/html", "css": "text/css", "rtf": "application/rtf", "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt": "application/vnd.ms-powerpoint",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt": "application/vnd.oasis.opendocument.text",
        // Data
        "json": "application/json", "jsonl": "application/jsonl", "ndjson": "application/x-ndjson",
        "xml": "application/xml", "csv": "text/csv", "tsv": "text/tab-separated-values",
        "yaml": "application/yaml", "yml": "application/yaml", "js": "text/javascript",
        "wasm": "application/wasm", "bin": "application/octet-stream",
        "parquet": "application/vnd.apache.parquet",
    ]
}
