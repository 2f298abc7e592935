import Foundation
import Testing

@testable import LabKit

@Test func gridEnumeratesEveryCombinationFirstParameterSlowest() throws {
  let grid = try GridSearch([("a", [1, 2, 3]), ("b", [10, 20])])
  #expect(
    grid.trials.map(\.values) == [[1, 10], [1, 20], [2, 10], [2, 20], [3, 10], [3, 20]])
  #expect(grid.trials.map(\.index) == Array(0..<6))
  #expect(grid.trials[3]["a"] == 2 && grid.trials[3]["b"] == 20)
}

@Test func randomSearchDrawsWithinItsDistributions() throws {
  let search = try RandomSearch(
    [("lr", .logUniform(1e-4...1e-1)), ("p", .uniform(0.2...0.5)), ("k", .choice([1, 3, 5]))],
    trials: 200, seed: 3)
  let lr = search.trials.map { $0["lr"] }
  #expect(lr.allSatisfy { $0 >= 1e-4 && $0 <= 1e-1 })
  #expect(search.trials.allSatisfy { (0.2...0.5).contains($0["p"]) })
  #expect(search.trials.allSatisfy { [1, 3, 5].contains($0["k"]) })
  // Log-uniform: log10(lr) ~ U[-4, -1], so each decade holds about a third.
  // Binomial(200, 1/3): sd ≈ 6.7; 5 sd = 33 around 66.7.
  for decade in [-4.0, -3.0, -2.0] {
    let n = lr.filter { log10($0) >= decade && log10($0) < decade + 1 }.count
    #expect(abs(Double(n) - 200.0 / 3) <= 33, "decade \(decade)")
  }
}

@Test func randomSearchIsReproducibleFromItsSeedAndVariesWithIt() throws {
  let space: [(name: String, distribution: SearchDistribution)] = [
    ("lr", .logUniform(1e-4...1e-1)), ("wd", .uniform(0...1)),
  ]
  let a = try RandomSearch(space, trials: 9, seed: 11)
  let b = try RandomSearch(space, trials: 9, seed: 11)
  let c = try RandomSearch(space, trials: 9, seed: 12)
  #expect(a.trials.map(\.values) == b.trials.map(\.values))
  #expect(a.trials.map(\.seed) == b.trials.map(\.seed))
  #expect(a.trials.map(\.values) != c.trials.map(\.values))
  // A longer search starts with the shorter one's trials: trial i depends on i only.
  let longer = try RandomSearch(space, trials: 20, seed: 11)
  #expect(Array(longer.trials.prefix(9)).map(\.values) == a.trials.map(\.values))
  #expect(Set(a.trials.map(\.seed)).count == 9)
}

/// A trial body that uses its own generator for everything random: a tiny
/// noisy quadratic "training run" whose result depends on the draws.
@Sendable private func noisyRun(_ trial: Trial) -> [String: Double] {
  var rng = trial.makeGenerator()
  let noise = Tensor.randn([64], using: &rng)
  let loss = (trial["lr"] - 0.01) * (trial["lr"] - 0.01) + Double(noise.mean()) * 1e-3
  return ["loss": loss, "first": Double(noise.scalars[0])]
}

@Test func searchResultsAreIdenticalForOneTwoAndFourWorkers() throws {
  let search = try RandomSearch([("lr", .logUniform(1e-4...1e-1))], trials: 12, seed: 5)
  let runs = [1, 2, 4].map { search.run(workers: $0, noisyRun) }
  for run in runs.dropFirst() {
    #expect(run.column("loss") == runs[0].column("loss"))
    #expect(run.column("first") == runs[0].column("first"))
    #expect(run.column("lr") == runs[0].column("lr"))
    #expect(run.description == runs[0].description)
  }
}

@Test func bestSkipsNaNAndHonoursTheDirection() throws {
  let grid = try GridSearch([("x", [1, 2, 3, 4])])
  let results = grid.run(workers: 2) { trial -> Double in
    trial["x"] == 4 ? .nan : (trial["x"] - 2) * (trial["x"] - 2)
  }
  #expect(results.metricNames == ["score"])
  #expect(results.best(minimizing: "score")?["x"] == 2)
  #expect(results.best(maximizing: "score")?["x"] == 1)  // 1 and 3 tie at 1; earlier wins
  let allNaN = grid.run(workers: 1) { _ -> Double in .nan }
  #expect(allNaN.best(maximizing: "score") == nil)
}

@Test func tableListsParametersAndMetricsAndSortsBestFirst() throws {
  let grid = try GridSearch([("lr", [0.001, 0.1])])
  let results = grid.run(workers: 1) { trial -> [String: Double] in
    ["val": trial["lr"] == 0.1 ? 0.9 : 0.5]
  }
  let lines = results.description.split(separator: "\n").map(String.init)
  #expect(lines.count == 3)
  #expect(lines[0].split(separator: " ") == ["#", "lr", "val"])
  #expect(lines[1].split(separator: " ") == ["0", "0.001", "0.5"])
  let sorted = results.table(sortedBy: "val").split(separator: "\n")
  #expect(sorted[1].split(separator: " ").first == "1")
  #expect(results.labels == ["lr=0.001", "lr=0.1"])
}

@Test func invalidSearchesThrow() {
  #expect(throws: SearchError.duplicateName("lr")) {
    try GridSearch([("lr", [1]), ("lr", [2])])
  }
  #expect(throws: SearchError.emptySearch("grid axis \"lr\" has no values")) {
    try GridSearch([("lr", [])])
  }
  #expect(throws: SearchError.nonPositiveTrials(0)) {
    try RandomSearch([("lr", .uniform(0...1))], trials: 0)
  }
  #expect(throws: SearchError.self) {
    try RandomSearch([("lr", .logUniform(0...1))], trials: 3)
  }
  #expect(throws: SearchError.self) { try RandomSearch([("k", .choice([]))], trials: 3) }
}

@Test func numbersFormatCompactly() {
  #expect(formatNumber(0.001) == "0.001")
  #expect(formatNumber(1.2e-5) == "1.2e-05")
  #expect(formatNumber(0.91234567) == "0.9123")
  #expect(formatNumber(.nan) == "nan")
  #expect(formatNumber(0) == "0")
}
