import TuttiCore

/// Projects a vector column to two coordinates per row, in the background (PCA in TuttiCore);
/// the scatter pane offers vector columns as axes when it has one.
public struct VectorProjector: Sendable {
    /// The method's name in the header and the status line ("PCA").
    public let method: String
    /// The projection: one x and one y per row of the column; it reports progress and stops
    /// through the context.
    public let project: @Sendable (Column, WorkContext) throws -> ProjectedPoints

    public init(method: String, project: @escaping @Sendable (Column, WorkContext) throws -> ProjectedPoints) {
        self.method = method
        self.project = project
    }
}

extension VectorProjector {
    /// The first two principal components (exact up to 256 dimensions, randomized SVD above).
    public static let pca = VectorProjector(method: "PCA") { column, context in
        let projection = try PrincipalComponents.project(column, context: context)
        return ProjectedPoints(x: projection.x, y: projection.y)
    }
}
