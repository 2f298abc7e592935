import Foundation
import Testing

@testable import LabKit

/// A fresh temporary file holding `bytes`; the caller removes it.
func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
  let path = NSTemporaryDirectory() + "labkit-\(UUID().uuidString)-\(name)"
  try Data(bytes).write(to: URL(fileURLWithPath: path))
  return path
}

@Test func csvLoaderReadsFeaturesAndLastColumnLabels() throws {
  let path = try temporaryFile("a.csv", Array("0, 1.5,2\r\n3,4,1\n\n-1,2e1,0\n".utf8))
  defer { try? FileManager.default.removeItem(atPath: path) }
  let data = try Dataset(csvAt: path)
  #expect(data.inputs == Tensor([0, 1.5, 3, 4, -1, 20], shape: [3, 2]))
  #expect(data.labels == [2, 1, 0])
  #expect(data.classCount == 3)
}

@Test func csvLoaderNamesTheBadFieldsPlace() throws {
  let path = try temporaryFile("b.csv", Array("1,2,0\n3,x7,1\n".utf8))
  defer { try? FileManager.default.removeItem(atPath: path) }
  #expect(throws: DataError.notANumber(path: path, line: 2, column: 3, field: "x7")) {
    try Dataset(csvAt: path)
  }
  let ragged = try temporaryFile("c.csv", Array("1,2,0\n3,1\n".utf8))
  defer { try? FileManager.default.removeItem(atPath: ragged) }
  #expect(throws: DataError.raggedRow(path: ragged, line: 2, expected: 3, found: 2)) {
    try Dataset(csvAt: ragged)
  }
  let fractional = try temporaryFile("d.csv", Array("1,2,0.5\n".utf8))
  defer { try? FileManager.default.removeItem(atPath: fractional) }
  #expect(throws: DataError.badLabel(path: fractional, line: 1, value: 0.5)) {
    try Dataset(csvAt: fractional)
  }
}

@Test func missingFileIsAnErrorNotACrash() {
  #expect(throws: DataError.self) { try Dataset(csvAt: "/nonexistent/labkit.csv") }
  let error = DataError.cannotRead(path: "x.csv", reason: "No such file or directory")
  #expect(error.description.contains("x.csv"))
}

@Test func idxLoaderReadsImagesAndLabels() throws {
  // Two 2×3 images of UInt8, big-endian extents; labels 7 and 1.
  let images: [UInt8] = [0, 0, 0x08, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3] + Array(0..<12)
  let labels: [UInt8] = [0, 0, 0x08, 1, 0, 0, 0, 2, 7, 1]
  let imagePath = try temporaryFile("images.idx", images)
  let labelPath = try temporaryFile("labels.idx", labels)
  defer {
    try? FileManager.default.removeItem(atPath: imagePath)
    try? FileManager.default.removeItem(atPath: labelPath)
  }
  let data = try Dataset(idxImages: imagePath, idxLabels: labelPath)
  #expect(data.inputs.shape == [2, 2, 3])
  #expect(data.inputs.scalars == (0..<12).map(Float.init))
  #expect(data.labels == [7, 1])
}

@Test func idxDecodesBigEndianFloats() throws {
  // 1.5 as float32 is 0x3FC00000; -2 is 0xC0000000.
  let bytes: [UInt8] = [0, 0, 0x0D, 1, 0, 0, 0, 2, 0x3F, 0xC0, 0, 0, 0xC0, 0, 0, 0]
  #expect(try IDX.decode(bytes).scalars == [1.5, -2])
}

@Test func idxRejectsBadHeadersAndShortFiles() {
  #expect(throws: DataError.badMagic(path: "<bytes>", bytes: [0x1F, 0x8B, 8, 0])) {
    try IDX.decode([0x1F, 0x8B, 8, 0, 0])
  }
  #expect(throws: DataError.truncated(path: "<bytes>", expectedBytes: 12, foundBytes: 10)) {
    try IDX.decode([0, 0, 0x08, 1, 0, 0, 0, 4, 1, 2])
  }
  #expect(throws: DataError.unsupportedType(path: "<bytes>", code: 0x07)) {
    try IDX.decode([0, 0, 0x07, 0])
  }
}

@Test func seededBatchesCoverEveryExampleOnceAndRepeat() {
  let data = Dataset(
    inputs: Tensor.arange(10).reshaped([10, 1]), labels: Array(repeating: 0, count: 10))
  var a = CounterRandom(seed: 5)
  var b = CounterRandom(seed: 5)
  let first = data.batches(size: 4, shuffledUsing: &a)
  let again = data.batches(size: 4, shuffledUsing: &b)
  #expect(first.map(\.inputs.count) == [4, 4, 2])
  let seen = first.flatMap { $0.inputs.scalars }
  #expect(seen.sorted() == (0..<10).map(Float.init))
  #expect(seen != (0..<10).map(Float.init))
  #expect(seen == again.flatMap { $0.inputs.scalars })
  let next = data.batches(size: 4, shuffledUsing: &a).flatMap { $0.inputs.scalars }
  #expect(next != seen)
}

@Test func generatedSetsHaveTheRequestedShape() {
  var g = CounterRandom(seed: 6)
  let spirals = Dataset.spirals(pointsPerClass: 50, classes: 3, using: &g)
  #expect(spirals.inputs.shape == [150, 2])
  #expect(spirals.classCount == 3)
  // Radii run from 0 to 1 whatever the noise on the angle.
  for i in 0..<150 {
    let r =
      (spirals.inputs[i, 0] * spirals.inputs[i, 0]
      + spirals.inputs[i, 1] * spirals.inputs[i, 1]).squareRoot()
    #expect(r <= 1 + 1e-5)
  }
  let blobs = Dataset.blobs(pointsPerClass: 400, centers: [[0, 0], [10, -5]], std: 1, using: &g)
  // Mean of 400 N(c, 1) draws: sd 0.05; allow 5 sd.
  let second = blobs.inputs.rows(400..<800).mean(axis: 0)
  #expect(abs(second[0] - 10) < 0.25 && abs(second[1] + 5) < 0.25)
}

@Test func shippedDigitsHaveTheDocumentedFormat() throws {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  let data = try Dataset(csvAt: root.appendingPathComponent("labs/data/digits.csv").path)
  #expect(data.inputs.shape == [1797, 64])
  #expect(data.classCount == 10)
  #expect(data.inputs.min() == 0 && data.inputs.max() == 16)
}

@Test func csvLoaderSkipsAHeaderAndTakesAnyLabelColumn() throws {
  let path = try temporaryFile("e.csv", Array("label,x,y\n1,0.5,2\n0,3,4\n".utf8))
  defer { try? FileManager.default.removeItem(atPath: path) }
  let data = try Dataset(csvAt: path, labelColumn: 0, skipHeader: true)
  #expect(data.labels == [1, 0])
  #expect(data.inputs == Tensor([0.5, 2, 3, 4], shape: [2, 2]))
}

@Test func idxImagesAndLabelsMustAgreeInCount() throws {
  let images: [UInt8] = [0, 0, 0x08, 2, 0, 0, 0, 2, 0, 0, 0, 1, 5, 6]
  let labels: [UInt8] = [0, 0, 0x08, 1, 0, 0, 0, 3, 1, 2, 3]
  let imagePath = try temporaryFile("i.idx", images)
  let labelPath = try temporaryFile("l.idx", labels)
  defer {
    try? FileManager.default.removeItem(atPath: imagePath)
    try? FileManager.default.removeItem(atPath: labelPath)
  }
  #expect(throws: DataError.countMismatch(images: 2, labels: 3)) {
    try Dataset(idxImages: imagePath, idxLabels: labelPath)
  }
}
