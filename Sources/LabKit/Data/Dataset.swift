/// Examples with class labels: `inputs` of shape `[n, …]` (row i is example
/// i) and `labels[i]` in `0..<classCount`.
public struct Dataset: Sendable {
  /// The examples, one per row.
  public var inputs: Tensor
  /// The class of each example.
  public var labels: [Int]
  /// K, the number of classes.
  public var classCount: Int

  /// A data set; `classCount` defaults to the largest label + 1.
  public init(inputs: Tensor, labels: [Int], classCount: Int? = nil) {
    preconditionAlways(
      inputs.rank >= 1 && inputs.shape[0] == labels.count,
      "Dataset: inputs \(inputs.shape) need one row per label (\(labels.count))")
    let k = classCount ?? ((labels.max() ?? -1) + 1)
    for (i, label) in labels.enumerated() {
      preconditionAlways(
        label >= 0 && label < k, "Dataset: label \(label) at row \(i) is outside 0..<\(k)")
    }
    self.inputs = inputs
    self.labels = labels
    self.classCount = k
  }

  /// A data set from a numeric CSV file with one example per line: the
  /// label in column `labelColumn` (-1: the last), the features in the
  /// others, in order (e.g. `labs/data/digits.csv`: 64 pixels, then the label).
  public init(csvAt path: String, labelColumn: Int = -1, skipHeader: Bool = false)
    throws(DataError)
  {
    let rows = try CSV.read(path, skipHeader: skipHeader)
    let width = rows[0].count
    let labelIndex = labelColumn < 0 ? width + labelColumn : labelColumn
    preconditionAlways(
      labelIndex >= 0 && labelIndex < width,
      "Dataset(csvAt:): label column \(labelColumn) is outside the \(width) columns of \(path)")
    var features: [Float] = []
    features.reserveCapacity(rows.count * (width - 1))
    var labels: [Int] = []
    for (i, row) in rows.enumerated() {
      let value = row[labelIndex]
      guard value >= 0, value == value.rounded(), value < 1e9 else {
        throw .badLabel(path: path, line: i + 1 + (skipHeader ? 1 : 0), value: value)
      }
      labels.append(Int(value))
      for (j, x) in row.enumerated() where j != labelIndex { features.append(Float(x)) }
    }
    self.init(inputs: Tensor(features, shape: [rows.count, width - 1]), labels: labels)
  }

  /// A data set from IDX files of images `[n, …]` and labels `[n]` (MNIST's
  /// `train-images-idx3-ubyte` and `train-labels-idx1-ubyte`).
  public init(idxImages imagesPath: String, idxLabels labelsPath: String) throws(DataError) {
    let images = try IDX.read(imagesPath)
    let labelTensor = try IDX.read(labelsPath)
    guard images.rank >= 1, images.shape[0] == labelTensor.count else {
      throw .countMismatch(images: images.shape.first ?? 0, labels: labelTensor.count)
    }
    var labels: [Int] = []
    for (i, v) in labelTensor.scalars.enumerated() {
      guard v >= 0, v == v.rounded() else {
        throw .badLabel(path: labelsPath, line: i + 1, value: Double(v))
      }
      labels.append(Int(v))
    }
    self.init(inputs: images, labels: labels)
  }

  /// n, the number of examples.
  public var count: Int { labels.count }

  /// The examples at `indices`, in that order.
  public func subset(_ indices: [Int]) -> Dataset {
    Dataset(
      inputs: inputs.rows(at: indices), labels: indices.map { labels[$0] },
      classCount: classCount)
  }

  /// The first `index` examples and the rest.
  public func split(at index: Int) -> (Dataset, Dataset) {
    preconditionAlways(
      index >= 0 && index <= count, "Dataset.split: index \(index) is outside 0...\(count)")
    return (subset(Array(0..<index)), subset(Array(index..<count)))
  }

  /// The examples in a random order drawn from `generator`.
  public func shuffled<G: RandomNumberGenerator>(using generator: inout G) -> Dataset {
    subset(permutation(count, using: &generator))
  }

  /// Consecutive mini-batches of `size` rows in the stored order; the last
  /// may be smaller.
  public func batches(size: Int) -> [Batch] {
    batches(size: size, order: Array(0..<count))
  }

  /// Mini-batches of `size` rows over a fresh random order from `generator`
  /// (one epoch); the last may be smaller.
  public func batches<G: RandomNumberGenerator>(size: Int, shuffledUsing generator: inout G)
    -> [Batch]
  {
    batches(size: size, order: permutation(count, using: &generator))
  }

  func batches(size: Int, order: [Int]) -> [Batch] {
    preconditionAlways(size > 0, "Dataset.batches: size must be > 0, got \(size)")
    return stride(from: 0, to: order.count, by: size).map { start in
      let indices = Array(order[start..<Swift.min(start + size, order.count)])
      return Batch(inputs: inputs.rows(at: indices), labels: indices.map { labels[$0] })
    }
  }
}
