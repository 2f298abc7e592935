import Testing

@testable import LabKit

/// `a[i, j] = 3i + j` and `b[i, j] = 100 + 3i + j`: row-major positions,
/// so the joined tensor's every element names where it came from.
@Test func concatenatePutsRowsThenColumnsInOrder() {
  let a = Tensor.arange(6).reshaped([2, 3])
  let b = Tensor.arange(12).reshaped([4, 3]) + 100
  let rows = concatenate([a, b])
  #expect(rows.shape == [6, 3])
  for i in 0..<6 {
    for j in 0..<3 {
      #expect(rows[i, j] == Float(i < 2 ? 3 * i + j : 100 + 3 * (i - 2) + j))
    }
  }

  // Along columns: [2, 3] and [2, 2] give [2, 5], a's columns first.
  let c = Tensor.arange(4).reshaped([2, 2]) + 100
  let columns = concatenate([a, c], axis: 1)
  #expect(columns.shape == [2, 5])
  for i in 0..<2 {
    for j in 0..<5 {
      #expect(columns[i, j] == Float(j < 3 ? 3 * i + j : 100 + 2 * i + (j - 3)))
    }
  }
  #expect(concatenate([a, c], axis: -1) == columns)
  #expect(concatenate([a]) == a)
}

@Test func concatenateKeepsEmptyPieces() {
  let a = Tensor.arange(6).reshaped([2, 3])
  let joined = concatenate([Tensor.zeros([0, 3]), a, Tensor.zeros([0, 3])])
  #expect(joined == a)
}

/// Each stacked tensor becomes one index of the new axis: `s[k, i] = v_k[i]`
/// with axis 0, `s[i, k] = v_k[i]` with axis 1.
@Test func stackAddsTheNewAxisWhereAsked() {
  let vectors = (0..<4).map { k in Tensor.arange(3) + Float(10 * k) }
  let rows = stack(vectors)
  let columns = stack(vectors, axis: 1)
  #expect(rows.shape == [4, 3] && columns.shape == [3, 4])
  for k in 0..<4 {
    for i in 0..<3 {
      #expect(rows[k, i] == Float(10 * k + i))
      #expect(columns[i, k] == Float(10 * k + i))
    }
  }
  #expect(stack(vectors, axis: -1) == columns)
  #expect(stack([Tensor([7], shape: [])]).shape == [1])
}

@Test func concatenateAndStackMatchNumpy() throws {
  let a = Tensor.arange(24).reshaped([2, 3, 4])
  let b = Tensor.arange(40).reshaped([2, 5, 4]) + 100
  let c = Tensor.arange(6).reshaped([2, 3, 1]) + 1000
  let p = Tensor.arange(6).reshaped([2, 3])
  var results = [concatenate([a, b], axis: 1), concatenate([a, c], axis: -1)]
  for axis in [0, 1, 2, -1, -3] { results.append(stack([p, p + 10, p + 20], axis: axis)) }
  guard
    let out = try numpy(
      """
      a = np.arange(24).reshape(2, 3, 4)
      b = np.arange(40).reshape(2, 5, 4) + 100
      c = np.arange(6).reshape(2, 3, 1) + 1000
      p = np.arange(6).reshape(2, 3)
      results = [np.concatenate([a, b], axis=1), np.concatenate([a, c], axis=-1)]
      results += [np.stack([p, p + 10, p + 20], axis=ax) for ax in (0, 1, 2, -1, -3)]
      for r in results:
          print(*r.shape)
          print(*r.ravel())
      """)
  else { return }
  let lines = out.split(separator: "\n").map { doubles(String($0)) }
  #expect(lines.count == 2 * results.count)
  for (k, result) in results.enumerated() where 2 * k + 1 < lines.count {
    #expect(result.shape.map(Double.init) == lines[2 * k])
    #expect(result.scalars.map(Double.init) == lines[2 * k + 1])
  }
}

@Test func concatenateOfMismatchedShapesNamesThem() async {
  let result = await #expect(
    processExitsWith: .failure, observing: [\.standardErrorContent]
  ) {
    _ = concatenate([Tensor.zeros([2, 3]), Tensor.zeros([2, 4])])
  }
  let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  #expect(
    text.contains(
      "concatenate: shapes [[2, 3], [2, 4]] must match except along axis 0, "
        + "but [2, 4] differs from [2, 3]"))
}

@Test func stackOfMismatchedShapesNamesThem() async {
  let result = await #expect(
    processExitsWith: .failure, observing: [\.standardErrorContent]
  ) {
    _ = stack([Tensor.zeros([2]), Tensor.zeros([3])])
  }
  let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  #expect(text.contains("stack: needs tensors of one shape, got [[2], [3]]"))
}
