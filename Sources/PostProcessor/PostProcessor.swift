import SpecforgeModel
import SpecforgeRenderer

/// The post-processor stage's entry point: the pass that sees the whole output at once.
///
/// It adds what no single template can know (the `ApiClient` that groups every API), brings
/// every file to one layout, and orders the output deterministically. Writing is `OutputWriter`'s.
public enum PostProcessor {
    public static func process(
        _ files: [RenderedFile],
        model: ClientModel,
        renderer: Renderer,
        layout: OutputLayout = .filePerDeclaration
    ) -> [RenderedFile] {
        var output = (files + [renderer.renderApiClient(model)]).concurrentMap { file in
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
