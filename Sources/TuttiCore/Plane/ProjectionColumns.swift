/// Finds, by their names, the pairs of columns that hold a precomputed 2-D projection: `x` and
/// `y`, `umap_1` and `umap_2`, `tsne_0` and `tsne_1`, `pca_x` and `pca_y`, `projection_umap_x`
/// and `projection_umap_y` (Symphony's naming), … A pure function of the names.
public enum ProjectionColumns {
    /// The name stems that mark a projection (the part of the name before its last `_`, `-` or
    /// digit, compared without case; `projection_umap` counts by its first word).
    static let stems: Set<String> = ["projection", "proj", "umap", "tsne", "t-sne", "t_sne", "pca", "pc", "mds", "isomap",
                                     "embedding", "emb", "coord", "coords", "component", "comp", "svd", "lda", "trimap",
                                     "pacmap", "phate"]

    /// The x and y suffixes of a pair, in the order they are tried.
    static let suffixes: [(x: String, y: String)] = [("x", "y"), ("1", "2"), ("0", "1")]

    /// The (x, y) pairs among `names`, in the order of their x columns; plain `x` and `y` count too.
    public static func pairs(in names: [String]) -> [(x: String, y: String)] {
        let present = Set(names)
        var pairs: [(x: String, y: String)] = []
        for name in names {
            if name.lowercased() == "x", let y = names.first(where: { $0.lowercased() == "y" }) {
                pairs.append((name, y))
                continue
            }
            for suffix in suffixes {
                guard let partner = partner(of: name, suffix: suffix), present.contains(partner) else { continue }
                pairs.append((name, partner))
                break
            }
        }
        return pairs
    }

    /// The y column's name for `name` read as the x column of a projection with `suffix`, if it is one.
    private static func partner(of name: String, suffix: (x: String, y: String)) -> String? {
        let lower = name.lowercased()
        guard lower.hasSuffix(suffix.x), lower.count > suffix.x.count else { return nil }
        let stem = String(name.dropLast(suffix.x.count))
        var bare = stem.lowercased()
        while let last = bare.last, last == "_" || last == "-" || last == "." || last == " " { bare.removeLast() }
        let firstWord = bare.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." || $0 == " " }).first.map(String.init) ?? bare
        guard stems.contains(bare) || stems.contains(firstWord) else { return nil }
        let ySuffix = name.hasSuffix(suffix.x.uppercased()) && suffix.x != suffix.x.uppercased() ? suffix.y.uppercased() : suffix.y
        return stem + ySuffix
    }
}
