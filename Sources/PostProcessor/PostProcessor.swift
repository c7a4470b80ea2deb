import SpecforgeSupport

/// The post-processor stage's entry point: the pass that sees the whole rendered output at
/// once, after the renderer and knowing nothing of it or of the model.
///
/// It brings every file to one layout (`SourceLayout`: long lines broken at their brackets,
/// whitespace), groups files into shards when asked, and orders the output deterministically.
/// Writing it, only where it changed, is `OutputWriter`'s.
public enum PostProcessor {
    public static func process(_ files: [RenderedFile], layout: OutputLayout = .filePerDeclaration) -> [RenderedFile] {
        var output = files.concurrentMap { file in
            RenderedFile(path: file.path, contents: SourceLayout.normalize(file.contents))
        }
        if case .shards(let count) = layout {
            output = ShardLayout.shard(output, count: count).concurrentMap {
                RenderedFile(path: $0.path, contents: SourceLayout.normalize($0.contents))
            }
        }
        return output.sorted { $0.path < $1.path }
    }

    /// The reference pages, laid out (`PageLayout`) and in a deterministic order.
    public static func processPages(_ pages: [RenderedFile]) -> [RenderedFile] {
        pages.concurrentMap { RenderedFile(path: $0.path, contents: PageLayout.normalize($0.contents)) }
            .sorted { $0.path < $1.path }
    }
}
