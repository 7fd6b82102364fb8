/// One leaf (primitive) column of a Parquet schema, with the levels its values are stored under.
struct ParquetLeaf {
    /// The leaf's position among the row group's column chunks.
    var index: Int
    var physicalType: ParquetPhysicalType
    var typeLength: Int
    var logicalType: ParquetLogicalType?
    var maxDefinition: Int
    var maxRepetition: Int
}

/// How a top-level field of a Parquet schema becomes one tutti column.
enum ParquetFieldShape {
    /// A primitive column: one value per row, missing below `maxDefinition`.
    case flat(ParquetLeaf)
    /// A list of primitives (one repetition level). A definition level below `presentLevel` is a
    /// missing row, `presentLevel` an empty list, above it an element.
    case list(ParquetLeaf, presentLevel: Int)
    /// A struct of primitive children; a definition level below `presentLevel` is a missing row.
    case structure(names: [String], leaves: [ParquetLeaf], presentLevel: Int)
    /// Nesting tutti does not read (maps, lists of structs, lists of lists); `what` says which.
    case unsupported(what: String)
}

/// A top-level field of the schema: the column it becomes and the leaf columns it reads.
struct ParquetField {
    var name: String
    var shape: ParquetFieldShape

    /// The leaves whose column chunks this field needs.
    var leaves: [ParquetLeaf] {
        switch shape {
        case .flat(let leaf), .list(let leaf, _): [leaf]
        case .structure(_, let leaves, _): leaves
        case .unsupported: []
        }
    }
}

/// The schema of a Parquet file as tutti reads it: the top-level fields and the leaf count.
struct ParquetSchema {
    var fields: [ParquetField] = []
    var leafCount = 0

    private final class Node {
        let element: ParquetSchemaElement
        var children: [Node] = []
        var firstLeaf = 0
        init(_ element: ParquetSchemaElement) { self.element = element }
        var isLeaf: Bool { children.isEmpty && element.physicalType != nil }
        var isOptional: Bool { element.repetition == 1 }
        var isRepeated: Bool { element.repetition == 2 }
    }

    /// Builds the tree from the footer's flattened depth-first element list.
    init(elements: [ParquetSchemaElement]) throws {
        guard let rootElement = elements.first else { throw ParquetFormatError("the schema is empty") }
        var next = 1
        var leaves = 0
        func build(_ element: ParquetSchemaElement, depth: Int) throws -> Node {
            let node = Node(element)
            node.firstLeaf = leaves
            guard depth < 64 else { throw ParquetFormatError("the schema: nested too deeply") }
            guard element.childCount >= 0, element.childCount <= elements.count - next else {
                throw ParquetFormatError("the schema: more children than elements")
            }
            if element.childCount == 0 {
                guard element.physicalType != nil || depth == 0 else {
                    throw ParquetFormatError("the schema: field '\(element.name)' has neither a type nor children")
                }
                if element.physicalType != nil { leaves += 1 }
                return node
            }
            for _ in 0..<element.childCount {
                // Earlier siblings' subtrees use elements too: check again before each child.
                guard next < elements.count else { throw ParquetFormatError("the schema: more children than elements") }
                let child = elements[next]
                next += 1
                node.children.append(try build(child, depth: depth + 1))
            }
            return node
        }
        let root = try build(rootElement, depth: 0)
        guard next == elements.count else { throw ParquetFormatError("the schema: elements outside the tree") }
        leafCount = leaves
        fields = root.children.map { Self.field($0) }
    }

    private static func leaf(_ node: Node, definition: Int, repetition: Int) -> ParquetLeaf {
        ParquetLeaf(index: node.firstLeaf, physicalType: node.element.physicalType!, typeLength: node.element.typeLength,
                    logicalType: node.element.logicalType, maxDefinition: definition, maxRepetition: repetition)
    }

    private static func field(_ node: Node) -> ParquetField {
        let name = node.element.name
        let own = node.isOptional ? 1 : 0
        if node.isLeaf {
            if node.isRepeated {
                // A bare repeated primitive: a list with no level for a missing list.
                return ParquetField(name: name, shape: .list(leaf(node, definition: 1, repetition: 1), presentLevel: 0))
            }
            return ParquetField(name: name, shape: .flat(leaf(node, definition: own, repetition: 0)))
        }
        if node.element.logicalType == .map || node.children.contains(where: { $0.element.logicalType == .map }) {
            return ParquetField(name: name, shape: .unsupported(what: "a map"))
        }
        if node.isRepeated {
            return ParquetField(name: name, shape: .unsupported(what: "a repeated group"))
        }
        if node.children.count == 1, node.children[0].isRepeated {
            let repeated = node.children[0]
            if repeated.isLeaf {
                return ParquetField(name: name, shape: .list(leaf(repeated, definition: own + 1, repetition: 1), presentLevel: own))
            }
            if repeated.children.count == 1, repeated.children[0].isLeaf, !repeated.children[0].isRepeated {
                let element = repeated.children[0]
                let definition = own + 1 + (element.isOptional ? 1 : 0)
                return ParquetField(name: name, shape: .list(leaf(element, definition: definition, repetition: 1), presentLevel: own))
            }
            return ParquetField(name: name, shape: .unsupported(what: "a list of structs or lists"))
        }
        if node.children.allSatisfy({ $0.isLeaf && !$0.isRepeated }) {
            let leaves = node.children.map { leaf($0, definition: own + ($0.isOptional ? 1 : 0), repetition: 0) }
            return ParquetField(name: name, shape: .structure(names: node.children.map(\.element.name), leaves: leaves, presentLevel: own))
        }
        return ParquetField(name: name, shape: .unsupported(what: "a struct holding lists or structs"))
    }
}
