import Foundation
import TuttiCore

/// Where the tests find the UCI Adult data with a model's scores: the shared copy beside the
/// repository (as in CI), else the compressed copy tutti bundles as its demo data. Both hold
/// the same table.
public enum AdultFixture {
    /// The repository's root folder.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled demo copy (gzip).
    public static let bundledPath = repositoryRoot.appendingPathComponent("Sources/TuttiCore/Demo/adult_scored.csv.gz").path

    /// The shared plain copy if it is there, else the bundled one.
    public static let path: String = {
        let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/adult_scored.csv").path
        return FileManager.default.fileExists(atPath: shared) ? shared : bundledPath
    }()

    /// The Adult dataset, loaded once for all the tests of a process.
    public static let dataset: Dataset = {
        do {
            return try DatasetLoader.load(path).dataset
        } catch {
            fatalError("the Adult test data did not load from \(path): \(error)")
        }
    }()
}
