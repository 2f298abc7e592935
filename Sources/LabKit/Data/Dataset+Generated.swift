internal import Glibc

extension Dataset {
  /// K interleaved spiral arms in the plane (the classic toy problem no
  /// linear classifier solves): for class k and i = 0…n-1, radius
  /// `r = i/(n-1)`, angle `θ = 4(k + r)` plus N(0, noise²), point
  /// `(r·sin θ, r·cos θ)`.
  public static func spirals<G: RandomNumberGenerator>(
    pointsPerClass n: Int, classes: Int = 3, noise: Double = 0.2, using generator: inout G
  ) -> Dataset {
    preconditionAlways(
      n > 1 && classes > 0, "Dataset.spirals: needs ≥ 2 points and ≥ 1 class, got \(n), \(classes)")
    var points: [Float] = []
    var labels: [Int] = []
    for k in 0..<classes {
      for i in 0..<n {
        let r = Double(i) / Double(n - 1)
        let theta = 4 * (Double(k) + r) + Random.normal(std: noise, using: &generator)
        points += [Float(r * sin(theta)), Float(r * cos(theta))]
        labels.append(k)
      }
    }
    return Dataset(inputs: Tensor(points, shape: [n * classes, 2]), labels: labels)
  }

  /// Gaussian blobs: for class k, n points `centers[k] + N(0, std²·I)`.
  public static func blobs<G: RandomNumberGenerator>(
    pointsPerClass n: Int, centers: [[Float]], std: Double = 1, using generator: inout G
  ) -> Dataset {
    let d = centers.first?.count ?? 0
    preconditionAlways(
      n > 0 && d > 0 && centers.allSatisfy { $0.count == d },
      "Dataset.blobs: needs n > 0 and centres of one dimension > 0")
    var points: [Float] = []
    var labels: [Int] = []
    for (k, center) in centers.enumerated() {
      for _ in 0..<n {
        for c in center { points.append(c + Float(Random.normal(std: std, using: &generator))) }
        labels.append(k)
      }
    }
    return Dataset(inputs: Tensor(points, shape: [n * centers.count, d]), labels: labels)
  }
}
