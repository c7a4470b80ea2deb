import SpecforgeDiagnostics

extension DocumentLoader {
    /// Follows every reference the document reaches and freezes the result.
    ///
    /// Everything is resolved here, once, rather than when the model stage first asks: the
    /// model then reads a finished product, and a broken reference is reported even in a part
    /// of the document that filters leave out of the client.
    func resolvingEverything(in document: OpenAPIDocument) -> ResolvedDocument {
        // Component schemas are parsed with the document: references to them must find those
        // (parsing them again would double the work, and give two objects for one schema).
        for (name, schema) in document.components.schemas {
            cacheSchema(schema, at: document.file + JSONPointer.appending("#/components/schemas", name))
        }
        var work: [Schema] = document.components.schemas.map(\.schema)
        for operation in document.paths.flatMap(\.operations) {
            for item in operation.parameters {
                if let schema = resolve(item)?.schema { work.append(schema) }
            }
            if let item = operation.requestBody, let body = resolve(item) {
                work += body.content.compactMap(\.schema)
            }
            for (_, item) in operation.responses {
                guard let response = resolve(item) else { continue }
                work += response.content.compactMap(\.schema) + response.headers.compactMap(\.schema)
            }
        }
        followReferences(from: work)
        return ResolvedDocument(
            document: document,
            files: loadedFiles,
            diagnostics: diagnostics.all,
            schemas: schemaCache,
            parameters: parameters,
            requestBodies: requestBodies,
            responses: responses
        )
    }

    /// Visits every schema reachable from `roots`, parsing the target of each `$ref` on the
    /// way. A queue, not recursion: a deeply nested document must not exhaust the stack; first
    /// in, first out, so problems are reported in document order.
    private func followReferences(from roots: [Schema]) {
        var work = roots
        var next = 0
        var visited: Set<ObjectIdentifier> = []
        while next < work.count {
            let schema = work[next]
            next += 1
            guard visited.insert(ObjectIdentifier(schema)).inserted else { continue }
            if let reference = schema.reference {
                // Walks the whole chain of plain references, reporting a cycle once.
                _ = resolveSchema(Schema.referencing(reference))
                if let target = self.schema(for: reference) { work.append(target) }
            }
            for (_, reference) in schema.discriminator?.mapping ?? [] {
                if let target = self.schema(for: reference) { work.append(target) }
            }
            work += schema.properties.map(\.schema)
            if let items = schema.items { work.append(items) }
            if case .schema(let additional) = schema.additionalProperties { work.append(additional) }
            work += schema.allOf + schema.oneOf + schema.anyOf
        }
    }
}
