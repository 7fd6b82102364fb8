import TuttiCore
let result = try DatasetLoader.load(CommandLine.arguments[1])
print(result.dataset.rowCount, result.dataset.columns.map { "\($0.name):\($0.kind):\($0.missingCount)" })
